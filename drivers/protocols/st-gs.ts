/** Generic "ST,GS,+00123.4kg" lines (Selleton, KERN, Keli D2008FA …): ST/US/OL, GS/NT/TR (GW/NW), sign, value, unit. */
import { emptyScanState, frameAttempt, lineAt, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { divisionOf, parseDecimal, toWeightKg } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightKind, WeightUnit } from './types.ts';

const MAX_LINE = 32;
const kindByCode: Record<string, WeightKind> = { GS: 'gross', GW: 'gross', NT: 'net', NW: 'net', TR: 'tare' };
const codeByKind: Record<WeightKind, string> = { gross: 'GS', net: 'NT', tare: 'TR' };

export function encodeStGsLine(input: EncodeInput): Buffer {
  const state = input.overload ? 'OL' : input.stable === false ? 'US' : 'ST';
  const decimals = Math.max(0, input.decimals ?? 0);
  const sign = input.weightKg < 0 ? '-' : '+';
  const value = input.overload ? ' '.repeat(6) : Math.abs(input.weightKg).toFixed(decimals).padStart(decimals > 0 ? 8 : 7, '0');
  return Buffer.from(`${state},${codeByKind[input.kind ?? 'gross']},${sign}${value}${input.unit ?? 'kg'}\r\n`, 'latin1');
}

export function createStGs(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const division = divisionOf(options);
  const attempt = (buf: Buffer, at: number): Attempt => {
    const c = buf[at];
    if (c !== 0x53 && c !== 0x55 && c !== 0x4f) return { kind: 'invalid' };
    const line = lineAt(buf, at, MAX_LINE);
    if (typeof line === 'string') return { kind: line };
    const m = /^(ST|US|OL)\s*,\s*(GS|NT|TR|GW|NW)\s*,\s*([+-])\s*([\d.\s]*?)\s*(kg|g|t|lb)?$/.exec(line.text);
    if (!m) return { kind: 'invalid' };
    const overload = m[1] === 'OL';
    const unit = (m[5] as WeightUnit | undefined) ?? options.unit ?? 'kg';
    const d = parseDecimal(`${m[3]}${m[4] ?? ''}`);
    if (!overload && !d) return { kind: 'invalid' };
    return frameAttempt(buf, at, line.length, {
      protocol: 'st-gs',
      weightKg: d && !overload ? toWeightKg(d.scaled, d.decimals, unit, division) : 0,
      stable: overload ? false : m[1] === 'ST',
      kind: kindByCode[m[2] ?? 'GS'],
      overload,
      decimals: d?.decimals,
      unit,
    });
  };
  return {
    name: 'st-gs',
    initialState: emptyScanState,
    parse: scanningParse(attempt, MAX_LINE * 2),
    encode: encodeStGsLine,
  };
}
