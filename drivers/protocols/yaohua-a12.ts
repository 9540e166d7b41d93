/** XK3190-A12 / clone lowercase lines "ww…kg", "wn…", "wt…" (gross/net/tare), no checksum, CR LF. */
import { emptyScanState, frameAttempt, lineAt, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { divisionOf, parseDecimal, pointedString, toWeightKg } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightKind } from './types.ts';

const MAX_LINE = 24;
const kindByLetter: Record<string, WeightKind> = { w: 'gross', n: 'net', t: 'tare' };
const letterByKind: Record<WeightKind, string> = { gross: 'w', net: 'n', tare: 't' };

export function encodeA12Line(input: EncodeInput): Buffer {
  const decimals = Math.max(0, input.decimals ?? 0);
  const sign = input.weightKg < 0 ? '-' : '';
  const value = pointedString(input.weightKg, decimals, decimals > 0 ? 8 : 7);
  return Buffer.from(`w${letterByKind[input.kind ?? 'gross']}${sign}${value}${input.unit === 'lb' ? 'lb' : 'kg'}\r\n`, 'latin1');
}

export function createYaohuaA12(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const division = divisionOf(options);
  const attempt = (buf: Buffer, at: number): Attempt => {
    if (buf[at] !== 0x77) return { kind: 'invalid' };
    const line = lineAt(buf, at, MAX_LINE);
    if (typeof line === 'string') return { kind: line };
    const m = /^w([wnt])(-?\d*\.?\d*)(kg|lb)$/.exec(line.text);
    const d = m && parseDecimal(m[2] ?? '');
    if (!m || !d) return { kind: 'invalid' };
    const unit = m[3] === 'lb' ? 'lb' : 'kg';
    return frameAttempt(buf, at, line.length, {
      protocol: 'yaohua-a12',
      weightKg: toWeightKg(d.scaled, d.decimals, unit, division),
      stable: undefined,
      kind: kindByLetter[m[1] ?? 'w'],
      overload: false,
      decimals: d.decimals,
      unit,
    });
  };
  return {
    name: 'yaohua-a12',
    initialState: emptyScanState,
    parse: scanningParse(attempt, MAX_LINE * 2),
    encode: encodeA12Line,
  };
}
