/**
 * Keli D2008FA / XK3118T1 continuous output, auto-detecting the forms seen in the field (reference §1.5):
 * the 12-byte STX frame with the XOR either including (Yaohua rule) or excluding the sign, the 8-byte compact
 * STX sign 6digits frame, "=5123.45(kg)" and "GW:0023,45(kg)" lines (decimal point or comma), the D2008FA's
 * "ST,GS,+0000000kg" lines (§1.8) and its legacy "ST 00015000" (stable, 15000 in the indicator's unit).
 */
import { emptyScanState, frameAttempt, plainReading, lineAt, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { MAX_LINE, stGsLineAttempt } from './st-gs.ts';
import { readSignedDigits, writeSignedDigits } from './signed-digits.ts';
import { divisionOf, parseDecimal, toWeightKg } from './weight-value.ts';
import { encodeStxFrame, STX_FRAME_LENGTH, stxFrameAt } from './yaohua-tf0.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightKind, WeightUnit } from './types.ts';

const COMPACT_LENGTH = 8;
const MAX_EQ_LINE = 20;

export type KeliForm = 'stx' | 'stx-unsigned-xor' | 'compact' | 'eq-line' | 'gw-line' | 'st-legacy';

/** "GW:" gross and "NW:" net lines carry the same value as "=" lines (the Perl `keli` module strips up to ':'). */
const lineKinds = new Map<string, WeightKind | undefined>([['=', undefined], ['GW:', 'gross'], ['NW:', 'net']]);

export function encodeKeli(input: EncodeInput, form: KeliForm = 'stx'): Buffer {
  switch (form) {
    case 'stx':
      return encodeStxFrame(input, 1);
    case 'stx-unsigned-xor':
      return encodeStxFrame(input, 2);
    case 'compact':
      return Buffer.concat([Buffer.from([0x02]), writeSignedDigits({ ...input, decimals: 0 }).subarray(0, 7)]);
    case 'eq-line':
    case 'gw-line': {
      const decimals = Math.max(0, input.decimals ?? 0);
      const value = `${input.weightKg < 0 ? '-' : ''}${Math.abs(input.weightKg).toFixed(decimals)}`;
      return Buffer.from(form === 'eq-line' ? `=${value}(kg)\r\n` : `GW:${value.replace('.', ',')}(kg)\r\n`, 'latin1');
    }
    case 'st-legacy':
      return Buffer.from(`${input.stable === false ? 'US' : 'ST'} ${Math.abs(Math.round(input.weightKg)).toString().padStart(8, '0')}\r\n`, 'latin1');
  }
}

export function createKeli(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const unit: WeightUnit = options.unit ?? 'kg';
  const division = divisionOf(options);
  const reading = (scaled: number, decimals: number, u: WeightUnit, kind?: WeightKind, stable?: boolean) => ({
    ...plainReading('keli', toWeightKg(scaled, decimals, u, division), { decimals, unit: u, kind }),
    stable,
  });

  const stxAttempt = (buf: Buffer, at: number): Attempt => {
    const full = stxFrameAt(buf, at, [1, 2]);
    if (typeof full !== 'string') {
      return frameAttempt(buf, at, STX_FRAME_LENGTH, reading(full.scaled, full.decimals, unit));
    }
    // Compact form has no checksum or terminator: accept it only when the next frame's STX follows, so a
    // damaged 12-byte frame is never passed off as a compact one (the last compact frame waits for the next).
    if (full === 'need-more' || buf.length - at <= COMPACT_LENGTH) return { kind: 'need-more' };
    const d = readSignedDigits(buf, at + 1, false);
    if (!d || buf[at + COMPACT_LENGTH] !== 0x02) return { kind: 'invalid' };
    return frameAttempt(buf, at, COMPACT_LENGTH, reading(d.scaled, 0, unit));
  };

  /** "=…(kg)", "GW:…(kg)", "NW:…(kg)": value with a point or comma, then the unit in brackets. */
  const valueLineAttempt = (buf: Buffer, at: number, prefix: string): Attempt => {
    const limit = Math.min(buf.length, at + MAX_EQ_LINE);
    let close = -1;
    for (let j = at + 1; j < limit; j++) if (buf[j] === 0x29) { close = j; break; }
    if (close < 0) return buf.length - at < MAX_EQ_LINE ? { kind: 'need-more' } : { kind: 'invalid' };
    const m = /^([+-]?[0-9]+(?:[.,][0-9]+)?)\((kg|t)\)$/.exec(buf.toString('latin1', at + prefix.length, close + 1));
    const d = m && parseDecimal(m[1] ?? '');
    if (!m || !d) return { kind: 'invalid' };
    // Swallow the optional CR LF so it is not counted as garbage.
    let length = close + 1 - at;
    if (buf[close + 1] === 0x0d) length++;
    if (buf[at + length] === 0x0a) length++;
    return frameAttempt(buf, at, length, reading(d.scaled, d.decimals, m[2] === 't' ? 't' : 'kg', lineKinds.get(prefix)));
  };

  /** Legacy "ST 00015000" / "US 00015000": stability, spaces, the value in the configured unit (or a named one). */
  const legacyAttempt = (buf: Buffer, at: number): Attempt => {
    const line = lineAt(buf, at, MAX_LINE);
    if (typeof line === 'string') return { kind: line };
    const m = /^(ST|US)\s+(\d+(?:\.\d+)?)\s*(kg|g|t|lb)?\s*$/.exec(line.text);
    const d = m && parseDecimal(m[2] ?? '');
    if (!m || !d) return { kind: 'invalid' };
    return frameAttempt(buf, at, line.length, reading(d.scaled, d.decimals, (m[3] as WeightUnit | undefined) ?? unit, undefined, m[1] === 'ST'));
  };

  const stGsAttempt = stGsLineAttempt('keli', options);
  const prefixAt = (buf: Buffer, at: number): string | undefined => {
    if (buf[at] === 0x3d) return '=';
    const three = buf.toString('latin1', at, at + 3);
    if (lineKinds.has(three)) return three;
    return buf.length - at < 3 && 'GW:NW:'.includes(three) && three.length > 0 ? '' : undefined;
  };

  /**
   * A line still waiting for its end must be text so far: a binary frame after a stray 'S' or '=' is not held
   * back until a line's worth of bytes has arrived.
   */
  const lineAttempt = (buf: Buffer, at: number): Attempt => {
    const a = textLineAttempt(buf, at);
    if (a.kind !== 'need-more') return a;
    for (let j = at; j < buf.length; j++) if (buf[j]! < 0x09 || buf[j]! > 0x7e) return { kind: 'invalid' };
    return a;
  };

  const attempt = (buf: Buffer, at: number): Attempt => (buf[at] === 0x02 ? stxAttempt(buf, at) : lineAttempt(buf, at));

  const textLineAttempt = (buf: Buffer, at: number): Attempt => {
    const c = buf[at];
    if (c === 0x3d || c === 0x47 || c === 0x4e) {
      const prefix = prefixAt(buf, at);
      if (prefix === '') return { kind: 'need-more' };
      return prefix === undefined ? { kind: 'invalid' } : valueLineAttempt(buf, at, prefix);
    }
    if (c === 0x53 || c === 0x55 || c === 0x4f) {
      const st = stGsAttempt(buf, at);
      return st.kind === 'invalid' && c !== 0x4f ? legacyAttempt(buf, at) : st;
    }
    return { kind: 'invalid' };
  };
  return {
    name: 'keli',
    initialState: emptyScanState,
    parse: scanningParse(attempt, STX_FRAME_LENGTH * 4),
    encode: (input) => encodeKeli(input),
  };
}
