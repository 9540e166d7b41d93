/**
 * Yaohua "=" continuous formats (XK3190-A26/A23P): '=' + 8 characters, no checksum, no terminator.
 * Reversed (format 1): value characters least-significant first, then the sign ('0' or '-').
 * Forward (format 2): sign first, then the value. Reversing format 1 gives format 2, so both decode alike.
 */
import { frameAttempt, plainReading, scan, type Attempt } from './framing.ts';
import { divisionOf, toWeightKg, pointedString } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol } from './types.ts';

const FRAME_LENGTH = 9;
type Orientation = 'reversed' | 'forward';

export interface EqState {
  pending: Buffer;
  /** Locked by auto-detection once a frame is unambiguous; fixed when configured. */
  orientation: Orientation | undefined;
}

/**
 * Decodes the 8 value bytes at `from`, read in forward order (sign '0'/'-', then 7 characters with at most
 * one point); `reversed` reads them back to front. Works on the bytes: this runs for every frame.
 */
function decodeForward(buf: Buffer, from: number, reversed: boolean): { scaled: number; decimals: number } | undefined {
  const sign = buf[reversed ? from + 7 : from];
  if (sign !== 0x30 && sign !== 0x2d) return undefined;
  let scaled = 0;
  let digits = 0;
  let decimals = 0;
  let seenPoint = false;
  for (let i = 1; i < 8; i++) {
    const c = buf[reversed ? from + 7 - i : from + i]!;
    if (c === 0x2e) {
      if (seenPoint) return undefined;
      seenPoint = true;
    } else if (c >= 0x30 && c <= 0x39) {
      scaled = scaled * 10 + (c - 0x30);
      digits++;
      if (seenPoint) decimals++;
    } else {
      return undefined;
    }
  }
  if (digits === 0) return undefined;
  return { scaled: sign === 0x2d ? -scaled : scaled, decimals };
}

/** The frame is ASCII: a plain loop beats spreading into an array (this runs for every frame). */
function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

export function encodeEqFrame(input: EncodeInput, orientation: Orientation): Buffer {
  const decimals = Math.max(0, input.decimals ?? 0);
  const forward = (input.weightKg < 0 ? '-' : '0') + pointedString(input.weightKg, decimals, 7);
  return Buffer.from('=' + (orientation === 'reversed' ? reverse(forward) : forward), 'latin1');
}

export function createYaohuaEq(options: ProtocolOptions = {}): ScaleProtocol<EqState> {
  const unit = options.unit ?? 'kg';
  const division = divisionOf(options);
  const capacityKg = options.capacityKg ?? 200_000;
  const configured = options.orientation === 'auto' ? undefined : options.orientation;

  // The capacity bound only serves auto-detection; a configured orientation is taken at its word.
  const decode = (buf: Buffer, from: number, o: Orientation, bounded: boolean) => {
    const d = decodeForward(buf, from, o === 'reversed');
    if (!d) return undefined;
    const weightKg = toWeightKg(d.scaled, d.decimals, unit, division);
    return !bounded || Math.abs(weightKg) <= capacityKg ? { scaled: d.scaled, decimals: d.decimals, weightKg } : undefined;
  };

  return {
    name: 'yaohua-eq',
    initialState: () => ({ pending: Buffer.alloc(0), orientation: configured }),
    parse(state, bytes) {
      let orientation = state.orientation;
      const attempt = (buf: Buffer, at: number): Attempt => {
        if (buf[at] !== 0x3d) return { kind: 'invalid' };
        if (buf.length - at < FRAME_LENGTH) return { kind: 'need-more' };
        let reading;
        if (orientation) {
          reading = decode(buf, at + 1, orientation, configured === undefined);
        } else {
          const rev = decode(buf, at + 1, 'reversed', true);
          const fwd = decode(buf, at + 1, 'forward', true);
          // Lock onto the only plausible reading; when both fit and agree (e.g. zero), the value is known anyway.
          if (rev && !fwd) orientation = 'reversed';
          else if (fwd && !rev) orientation = 'forward';
          reading = orientation ? (rev ?? fwd) : rev && fwd && rev.weightKg === fwd.weightKg ? rev : undefined;
          if (!rev && !fwd) return { kind: 'invalid' };
        }
        if (!reading) return orientation ? { kind: 'invalid' } : frameAttempt(buf, at, FRAME_LENGTH, undefined);
        return frameAttempt(buf, at, FRAME_LENGTH, plainReading('yaohua-eq', reading.weightKg, { decimals: reading.decimals, unit }));
      };
      const r = scan(state.pending, bytes, attempt, FRAME_LENGTH * 4);
      return { frames: r.frames, state: { pending: r.pending, orientation }, droppedBytes: r.droppedBytes };
    },
    encode: (input) => encodeEqFrame(input, configured ?? 'reversed'),
  };
}
