/**
 * The 8-byte payload Yaohua tF=0/tF=1 and Keli share: sign, six ASCII digits, ASCII decimal-place count.
 * (The Keli Modbus reply carries the same payload in its registers.)
 */
// @ts-nocheck

import { allDigits, digitString, toWeightKg } from './weight-value.ts';
import type { EncodeInput, WeightUnit } from './types.ts';

export interface SignedDigits {
  scaled: number;
  decimals: number;
}

/** Reads sign + 6 digits (+ dp digit when withDecimals) at `at`; undefined when malformed. */
export function readSignedDigits(buf: Uint8Array, at: number, withDecimals: boolean): SignedDigits | undefined {
  const sign = buf[at];
  if (sign !== 0x2b && sign !== 0x2d) return undefined;
  if (!allDigits(buf, at + 1, at + 7)) return undefined;
  let decimals = 0;
  if (withDecimals) {
    const dp = buf[at + 7];
    if (dp === undefined || dp < 0x30 || dp > 0x34) return undefined;
    decimals = dp - 0x30;
  }
  // Digits are checked above; summing them avoids a string per frame on the hot path.
  let magnitude = 0;
  for (let j = at + 1; j < at + 7; j++) magnitude = magnitude * 10 + (buf[j]! - 0x30);
  return { scaled: sign === 0x2d ? -magnitude : magnitude, decimals };
}

export function signedDigitsKg(d: SignedDigits, unit: WeightUnit, divisionKg: number): number {
  return toWeightKg(d.scaled, d.decimals, unit, divisionKg);
}

/** Encodes the 8-byte payload (sign, 6 digits, dp digit). A negative zero is sent as '+'. */
export function writeSignedDigits(input: EncodeInput): Buffer {
  const decimals = Math.min(4, Math.max(0, input.decimals ?? 0));
  const digits = digitString(input.weightKg, decimals, 6);
  const sign = input.weightKg < 0 && Number(digits) !== 0 ? '-' : '+';
  return Buffer.from(`${sign}${digits}${decimals}`, 'latin1');
}
