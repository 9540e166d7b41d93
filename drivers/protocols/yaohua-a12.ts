/** XK3190-A12 / clone lowercase lines "ww…kg", "wn…", "wt…" (gross/net/tare), no checksum, CR LF. */
import { emptyScanState, frameAttempt, plainReading, lineLengthAt, lineTextEnd, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { divisionOf, pointedString, readUnsignedDecimal, toWeightKg } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightKind } from './types.ts';

const MAX_LINE = 24;
const letterByKind: Record<WeightKind, string> = { gross: 'w', net: 'n', tare: 't' };
const invalid: Attempt = { kind: 'invalid' };

function kindOf(letter: number | undefined): WeightKind | undefined {
  return letter === 0x77 ? 'gross' : letter === 0x6e ? 'net' : letter === 0x74 ? 'tare' : undefined;
}

export function encodeA12Line(input: EncodeInput): Buffer {
  const decimals = Math.max(0, input.decimals ?? 0);
  const sign = input.weightKg < 0 ? '-' : '';
  const value = pointedString(input.weightKg, decimals, decimals > 0 ? 8 : 7);
  return Buffer.from(`w${letterByKind[input.kind ?? 'gross']}${sign}${value}${input.unit === 'lb' ? 'lb' : 'kg'}\r\n`, 'latin1');
}

export function createYaohuaA12(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const division = divisionOf(options);
  /** Reads /^w([wnt])(-?\d*\.?\d*)(kg|lb)$/ from the bytes: this runs for every frame. */
  const attempt = (buf: Buffer, at: number): Attempt => {
    if (buf[at] !== 0x77) return invalid;
    const length = lineLengthAt(buf, at, MAX_LINE);
    if (typeof length === 'string') return { kind: length };
    const end = lineTextEnd(buf, at, length);
    const kind = at + 1 < end ? kindOf(buf[at + 1]) : undefined;
    if (!kind) return invalid;
    const negative = at + 2 < end && buf[at + 2] === 0x2d;
    const valueStart = at + 2 + (negative ? 1 : 0);
    if (end - valueStart < 2) return invalid;
    const u0 = buf[end - 2];
    const u1 = buf[end - 1];
    const unit = u0 === 0x6b && u1 === 0x67 ? 'kg' : u0 === 0x6c && u1 === 0x62 ? 'lb' : undefined;
    const d = unit && readUnsignedDecimal(buf, valueStart, end - 2);
    if (!unit || !d) return invalid;
    return frameAttempt(buf, at, length, plainReading('yaohua-a12', toWeightKg(negative ? -d.scaled : d.scaled, d.decimals, unit, division), { decimals: d.decimals, unit, kind }));
  };
  return {
    name: 'yaohua-a12',
    initialState: emptyScanState,
    parse: scanningParse(attempt, MAX_LINE * 2),
    encode: encodeA12Line,
  };
}
