/**
 * Keli D2008FA / XK3118T1 continuous output, auto-detecting the forms seen in the field (reference §1.5):
 * the 12-byte STX frame with the XOR either including (Yaohua rule) or excluding the sign, the 8-byte compact
 * STX sign 6digits frame, and "=5123.45(kg)" lines (decimal point or comma).
 */
// @ts-nocheck

import { emptyScanState, frameAttempt, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { readSignedDigits, writeSignedDigits } from './signed-digits.ts';
import { divisionOf, parseDecimal, toWeightKg } from './weight-value.ts';
import { encodeStxFrame, STX_FRAME_LENGTH, stxFrameAt } from './yaohua-tf0.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightUnit } from './types.ts';

const COMPACT_LENGTH = 8;
const MAX_EQ_LINE = 20;

export type KeliForm = 'stx' | 'stx-unsigned-xor' | 'compact' | 'eq-line';

export function encodeKeli(input: EncodeInput, form: KeliForm = 'stx'): Buffer {
  switch (form) {
    case 'stx':
      return encodeStxFrame(input, 1);
    case 'stx-unsigned-xor':
      return encodeStxFrame(input, 2);
    case 'compact':
      return Buffer.concat([Buffer.from([0x02]), writeSignedDigits({ ...input, decimals: 0 }).subarray(0, 7)]);
    case 'eq-line': {
      const decimals = Math.max(0, input.decimals ?? 0);
      return Buffer.from(`=${input.weightKg < 0 ? '-' : ''}${Math.abs(input.weightKg).toFixed(decimals)}(kg)\r\n`, 'latin1');
    }
  }
}

export function createKeli(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const unit: WeightUnit = options.unit ?? 'kg';
  const division = divisionOf(options);
  const reading = (scaled: number, decimals: number, u: WeightUnit) => ({
    protocol: 'keli' as const,
    weightKg: toWeightKg(scaled, decimals, u, division),
    stable: undefined,
    kind: undefined,
    overload: false,
    decimals,
    unit: u,
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

  const eqAttempt = (buf: Buffer, at: number): Attempt => {
    const limit = Math.min(buf.length, at + MAX_EQ_LINE);
    let close = -1;
    for (let j = at + 1; j < limit; j++) if (buf[j] === 0x29) { close = j; break; }
    if (close < 0) return buf.length - at < MAX_EQ_LINE ? { kind: 'need-more' } : { kind: 'invalid' };
    const m = /^=([+-]?[0-9]+(?:[.,][0-9]+)?)\((kg|t)\)$/.exec(buf.toString('latin1', at, close + 1));
    const d = m && parseDecimal(m[1] ?? '');
    if (!m || !d) return { kind: 'invalid' };
    // Swallow the optional CR LF so it is not counted as garbage.
    let length = close + 1 - at;
    if (buf[close + 1] === 0x0d) length++;
    if (buf[at + length] === 0x0a) length++;
    return frameAttempt(buf, at, length, reading(d.scaled, d.decimals, m[2] === 't' ? 't' : 'kg'));
  };

  const attempt = (buf: Buffer, at: number): Attempt => {
    if (buf[at] === 0x02) return stxAttempt(buf, at);
    if (buf[at] === 0x3d) return eqAttempt(buf, at);
    return { kind: 'invalid' };
  };
  return {
    name: 'keli',
    initialState: emptyScanState,
    parse: scanningParse(attempt, STX_FRAME_LENGTH * 4),
    encode: (input) => encodeKeli(input),
  };
}
