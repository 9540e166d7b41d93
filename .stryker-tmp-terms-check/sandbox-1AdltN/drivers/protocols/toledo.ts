/**
 * Mettler Toledo continuous output: STX SWA SWB SWC weight(6) tare(6) CR [checksum], fixed length 17/18.
 * Every byte is masked with 0x7F first (7E1 links put parity in bit 7). Framed by length, not by CR, because
 * the checksum byte may be any 7-bit value.
 */
// @ts-nocheck

import { toledoChecksum } from './checksum.ts';
import { frameAttempt, scan, type Attempt } from './framing.ts';
import { divisionOf, toWeightKg } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightUnit } from './types.ts';

const BODY_LENGTH = 17;

export interface ToledoState {
  pending: Buffer;
  /** Whether frames carry the checksum byte; learnt in 'auto' mode from the first unambiguous frame. */
  checksum: boolean | undefined;
}

const swcUnits: Record<number, WeightUnit> = { 1: 'g', 2: 't', 3: 'oz', 6: 'ton' };

/** SWA bits 0–2: codes 0–2 are whole numbers (dummy zeros already sent), 3–7 mean 1–5 decimals. */
const decimalsOf = (swa: number) => Math.max(0, (swa & 0x07) - 2);

export interface ToledoEncodeOptions {
  checksum?: boolean;
  /** '8142' mode pads with zeros instead of spaces. */
  zeroPadded?: boolean;
  /** SWA increment code: 1 → ×1, 2 → ×2, 3 → ×5. */
  incrementCode?: number;
}

export function encodeToledo(input: EncodeInput, options: ToledoEncodeOptions = {}): Buffer {
  const decimals = Math.min(5, Math.max(0, input.decimals ?? 0));
  const swa = 0x20 | ((options.incrementCode ?? 1) << 3) | (decimals === 0 ? 2 : decimals + 2);
  const unitIsKg = (input.unit ?? 'kg') === 'kg';
  const out = input.overload || input.underload;
  const swb =
    0x20 |
    (input.kind === 'net' ? 0x01 : 0) |
    (input.weightKg < 0 || input.underload ? 0x02 : 0) |
    (out ? 0x04 : 0) |
    (input.stable === false ? 0x08 : 0) |
    (unitIsKg ? 0x10 : 0);
  const swcUnit = Object.entries(swcUnits).find(([, u]) => u === input.unit)?.[0];
  const swc = 0x20 | Number(swcUnit ?? 0);
  const pad = options.zeroPadded ? '0' : ' ';
  const field = (v: number) => String(Math.round(Math.abs(v) * 10 ** decimals)).slice(-6).padStart(6, pad);
  const body = Buffer.concat([
    Buffer.from([0x02, swa, swb, swc]),
    Buffer.from(field(input.weightKg) + field(input.tareKg ?? 0), 'latin1'),
    Buffer.from([0x0d]),
  ]);
  return options.checksum ? Buffer.concat([body, Buffer.from([toledoChecksum(body, 0, BODY_LENGTH)])]) : body;
}

/** A 6-character field: digits, space-padded on either side (all spaces reads 0); anything else is malformed. */
function fieldValue(buf: Buffer, at: number): number | undefined {
  let value = 0;
  let seenDigit = false;
  let afterDigits = false;
  for (let j = at; j < at + 6; j++) {
    const c = buf[j]!;
    if (c === 0x20) {
      afterDigits = seenDigit;
      continue;
    }
    if (c < 0x30 || c > 0x39 || afterDigits) return undefined;
    value = value * 10 + (c - 0x30);
    seenDigit = true;
  }
  return value;
}

export function createToledo(options: ProtocolOptions = {}): ScaleProtocol<ToledoState> {
  const division = divisionOf(options);
  const configured = options.checksum === 'auto' || options.checksum === undefined ? undefined : options.checksum;
  return {
    name: 'toledo',
    initialState: () => ({ pending: Buffer.alloc(0), checksum: configured }),
    parse(state, bytes) {
      let withChecksum = state.checksum;
      const masked = (buf: Buffer, i: number) => (buf[i] ?? 0) & 0x7f;
      const attempt = (buf: Buffer, at: number): Attempt => {
        if (masked(buf, at) !== 0x02) return { kind: 'invalid' };
        if (buf.length - at < BODY_LENGTH + (withChecksum === false ? 0 : 1)) return { kind: 'need-more' };
        if (masked(buf, at + 16) !== 0x0d) return { kind: 'invalid' };
        const plain = Buffer.allocUnsafe(BODY_LENGTH);
        for (let k = 0; k < BODY_LENGTH; k++) plain[k] = buf[at + k]! & 0x7f;
        const swa = plain[1] ?? 0;
        const swb = plain[2] ?? 0;
        const swc = plain[3] ?? 0;
        if (swa < 0x20 || swb < 0x20 || swc < 0x20) return { kind: 'invalid' };
        const weight = fieldValue(plain, 4);
        const tare = fieldValue(plain, 10);
        if (weight === undefined || tare === undefined) return { kind: 'invalid' };
        const sum = toledoChecksum(plain, 0, BODY_LENGTH);
        if (withChecksum === undefined) {
          const next = masked(buf, at + BODY_LENGTH);
          // A matching byte that is not an STX proves the checksum; a mismatching STX proves its absence.
          if (next === sum && next !== 0x02) withChecksum = true;
          else if (next === 0x02 && sum !== 0x02) withChecksum = false;
          else if (next !== sum) return { kind: 'invalid' };
        }
        if (withChecksum !== false && masked(buf, at + BODY_LENGTH) !== sum) return { kind: 'invalid' };
        const length = withChecksum === false ? BODY_LENGTH : BODY_LENGTH + 1;
        const unit: WeightUnit = swcUnits[swc & 0x07] ?? (swb & 0x10 ? 'kg' : 'lb');
        if ((swc & 0x07) !== 0 && !swcUnits[swc & 0x07]) return frameAttempt(buf, at, length, undefined);
        const decimals = decimalsOf(swa);
        const negative = (swb & 0x02) !== 0;
        const outOfRange = (swb & 0x04) !== 0;
        return frameAttempt(buf, at, length, {
          protocol: 'toledo',
          weightKg: outOfRange ? 0 : toWeightKg(negative ? -weight : weight, decimals, unit, division),
          stable: (swb & 0x08) === 0,
          kind: swb & 0x01 ? 'net' : 'gross',
          overload: outOfRange && !negative,
          underload: outOfRange && negative,
          tareKg: toWeightKg(tare, decimals, unit, division),
          decimals,
          unit,
        });
      };
      const r = scan(state.pending, bytes, attempt, (BODY_LENGTH + 1) * 4);
      return { frames: r.frames, state: { pending: r.pending, checksum: withChecksum }, droppedBytes: r.droppedBytes };
    },
    encode: (input) => encodeToledo(input, { checksum: configured ?? true }),
  };
}
