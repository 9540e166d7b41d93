/** Generic "ST,GS,+00123.4kg" lines (Selleton, KERN, Keli D2008FA …): ST/US/OL, GS/NT/TR (GW/NW), sign, value, unit. */
// @ts-nocheck

import { emptyScanState, frameAttempt, lineLengthAt, lineTextEnd, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { divisionOf, readUnsignedDecimal, toWeightKg } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightKind, WeightUnit } from './types.ts';

const MAX_LINE = 32;
const codeByKind: Record<WeightKind, string> = { gross: 'GS', net: 'NT', tare: 'TR' };

/** Two-letter fields read as one 16-bit number, so a line is matched without building a string. */
const ST = 0x5354;
const US = 0x5553;
const OL = 0x4f4c;
const kindByPair = new Map<number, WeightKind>([
  [0x4753, 'gross'], // GS
  [0x4757, 'gross'], // GW
  [0x4e54, 'net'], // NT
  [0x4e57, 'net'], // NW
  [0x5452, 'tare'], // TR
]);
const invalid: Attempt = { kind: 'invalid' };

const pairAt = (buf: Buffer, i: number, end: number): number => (i + 1 < end ? (buf[i]! << 8) | buf[i + 1]! : -1);

/** What JavaScript's \s matches among latin1 bytes (the line grammar tolerates it around every field). */
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;

function skipSpaces(buf: Buffer, i: number, end: number): number {
  while (i < end && isSpace(buf[i]!)) i++;
  return i;
}

/** The unit closing the line: null when there is none, undefined when the tail is anything else. */
function unitAt(buf: Buffer, from: number, end: number): WeightUnit | null | undefined {
  const length = end - from;
  if (length === 0) return null;
  if (length === 1) return buf[from] === 0x67 ? 'g' : buf[from] === 0x74 ? 't' : undefined;
  const pair = pairAt(buf, from, end);
  return length !== 2 ? undefined : pair === 0x6b67 ? 'kg' : pair === 0x6c62 ? 'lb' : undefined;
}

export function encodeStGsLine(input: EncodeInput): Buffer {
  const state = input.overload ? 'OL' : input.stable === false ? 'US' : 'ST';
  const decimals = Math.max(0, input.decimals ?? 0);
  const sign = input.weightKg < 0 ? '-' : '+';
  const value = input.overload ? ' '.repeat(6) : Math.abs(input.weightKg).toFixed(decimals).padStart(decimals > 0 ? 8 : 7, '0');
  return Buffer.from(`${state},${codeByKind[input.kind ?? 'gross']},${sign}${value}${input.unit ?? 'kg'}\r\n`, 'latin1');
}

export function createStGs(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const division = divisionOf(options);
  /**
   * Reads /^(ST|US|OL)\s*,\s*(GS|NT|TR|GW|NW)\s*,\s*([+-])\s*([\d.\s]*?)\s*(kg|g|t|lb)?$/ from the bytes
   * (this runs for every frame; a regex on a decoded string ran at 15 MB/s).
   */
  const attempt = (buf: Buffer, at: number): Attempt => {
    const c = buf[at];
    if (c !== 0x53 && c !== 0x55 && c !== 0x4f) return invalid;
    const length = lineLengthAt(buf, at, MAX_LINE);
    if (typeof length === 'string') return { kind: length };
    const end = lineTextEnd(buf, at, length);
    const state = pairAt(buf, at, end);
    if (state !== ST && state !== US && state !== OL) return invalid;
    let i = skipSpaces(buf, at + 2, end);
    if (i >= end || buf[i] !== 0x2c) return invalid;
    i = skipSpaces(buf, i + 1, end);
    const kind = kindByPair.get(pairAt(buf, i, end));
    if (!kind) return invalid;
    i = skipSpaces(buf, i + 2, end);
    if (i >= end || buf[i] !== 0x2c) return invalid;
    i = skipSpaces(buf, i + 1, end);
    const sign = i < end ? buf[i] : undefined;
    if (sign !== 0x2b && sign !== 0x2d) return invalid;
    // The value is the run of digits, points and spaces after the sign; only a unit may follow it.
    const valueStart = skipSpaces(buf, i + 1, end);
    let runEnd = valueStart;
    while (runEnd < end && (isSpace(buf[runEnd]!) || buf[runEnd] === 0x2e || (buf[runEnd]! >= 0x30 && buf[runEnd]! <= 0x39))) runEnd++;
    const lineUnit = unitAt(buf, runEnd, end);
    if (lineUnit === undefined) return invalid;
    let valueEnd = runEnd;
    while (valueEnd > valueStart && isSpace(buf[valueEnd - 1]!)) valueEnd--;
    const overload = state === OL;
    const d = readUnsignedDecimal(buf, valueStart, valueEnd);
    if (!overload && !d) return invalid;
    const unit = lineUnit ?? options.unit ?? 'kg';
    return frameAttempt(buf, at, length, {
      protocol: 'st-gs',
      weightKg: d && !overload ? toWeightKg(sign === 0x2d ? -d.scaled : d.scaled, d.decimals, unit, division) : 0,
      stable: overload ? false : state === ST,
      kind,
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
