/**
 * XK3190-A12E line format (15 bytes): 'W' 'G'|'N' 7-char weight "kg" xorH xorL CR LF, XOR over bytes 1–11.
 * Overload/underload lines: 9 spaces, "OL"/"LO", XOR, CR LF.
 */
import { xorBytes, xorNibbleChars, xorNibblesMatch } from './checksum.ts';
import { emptyScanState, frameAttempt, plainReading, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { divisionOf, parseDecimal, pointedString, toWeightKg } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol } from './types.ts';

const LINE_LENGTH = 15;

function withXorAndCrLf(body11: string): Buffer {
  const body = Buffer.from(body11, 'latin1');
  return Buffer.concat([body, Buffer.from(xorNibbleChars(xorBytes(body))), Buffer.from([0x0d, 0x0a])]);
}

export function encodeA12eLine(input: EncodeInput): Buffer {
  if (input.overload || input.underload) return withXorAndCrLf(' '.repeat(9) + (input.overload ? 'OL' : 'LO'));
  const decimals = Math.max(0, input.decimals ?? 0);
  const sign = input.weightKg < 0 ? '-' : '';
  // Without a decimal point the value is 6 characters and byte 9 is a space.
  const width = decimals > 0 ? 7 : 6;
  const field = (sign + pointedString(input.weightKg, decimals, width - sign.length)).padEnd(7, ' ');
  return withXorAndCrLf(`W${input.kind === 'net' ? 'N' : 'G'}${field}kg`);
}

export function createYaohuaA12e(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const division = divisionOf(options);
  const attempt = (buf: Buffer, at: number): Attempt => {
    const first = buf[at];
    if (first !== 0x57 && first !== 0x20) return { kind: 'invalid' };
    if (buf.length - at < LINE_LENGTH) return { kind: 'need-more' };
    if (buf[at + 13] !== 0x0d || buf[at + 14] !== 0x0a) return { kind: 'invalid' };
    if (!xorNibblesMatch(buf[at + 11], buf[at + 12], xorBytes(buf, at, at + 11))) return { kind: 'invalid' };
    const text = buf.toString('latin1', at, at + 11);
    const limit = /^ {9}(OL|LO)$/.exec(text);
    if (limit) {
      const overload = limit[1] === 'OL';
      return frameAttempt(buf, at, LINE_LENGTH, {
        protocol: 'yaohua-a12e',
        weightKg: 0,
        stable: undefined,
        kind: undefined,
        overload,
        underload: !overload,
      });
    }
    const m = /^W([GN])(-?[0-9.]+ ?)kg$/.exec(text);
    const d = m && parseDecimal(m[2] ?? '');
    if (!m || !d) return { kind: 'invalid' };
    return frameAttempt(buf, at, LINE_LENGTH, plainReading('yaohua-a12e', toWeightKg(d.scaled, d.decimals, 'kg', division), {
      decimals: d.decimals, unit: 'kg', kind: m[1] === 'N' ? 'net' : 'gross',
    }));
  };
  return {
    name: 'yaohua-a12e',
    initialState: emptyScanState,
    parse: scanningParse(attempt, LINE_LENGTH * 4),
    encode: encodeA12eLine,
  };
}
