/** Number parsing and kg conversion shared by every scale protocol. */
// @ts-nocheck

import type { ProtocolOptions, WeightUnit } from './types.ts';

const kgPerUnit: Record<WeightUnit, number> = {
  kg: 1,
  g: 0.001,
  t: 1000,
  lb: 0.45359237,
  oz: 0.028349523125,
  ton: 907.18474,
};

export function isWeightUnit(s: string): s is WeightUnit {
  return Object.hasOwn(kgPerUnit, s);
}

export interface DecimalReading {
  /** The digits as an integer, sign applied (e.g. -317 for "-3.17"). */
  scaled: number;
  decimals: number;
}

/**
 * Strict decimal text: optional sign, digits with at most one '.' or ',' (Keli uses a comma), spaces around
 * the sign allowed because indicators pad with them. Returns undefined instead of guessing.
 */
export function parseDecimal(text: string): DecimalReading | undefined {
  const m = /^\s*([+-]?)\s*(\d*)(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart.length + fracPart.length === 0 || intPart.length + fracPart.length > 9) return undefined;
  const magnitude = Number(intPart + fracPart);
  return { scaled: m[1] === '-' ? -magnitude : magnitude, decimals: fracPart.length };
}

/**
 * parseDecimal's digits on bytes, without a string: exactly `\d*(\.\d*)?` over [start, end), 1–9 digits.
 * The magnitude is unsigned; the caller applies the sign it read.
 */
export function readUnsignedDecimal(buf: Uint8Array, start: number, end: number): DecimalReading | undefined {
  let scaled = 0;
  let digits = 0;
  let decimals = 0;
  let seenPoint = false;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) {
      scaled = scaled * 10 + (c - 0x30);
      digits++;
      if (seenPoint) decimals++;
    } else if (c === 0x2e && !seenPoint) {
      seenPoint = true;
    } else {
      return undefined;
    }
  }
  return digits === 0 || digits > 9 ? undefined : { scaled, decimals };
}

export function divisionOf(options: ProtocolOptions): number {
  const d = options.divisionKg ?? 1;
  return Number.isInteger(d) && d > 0 ? d : 1;
}

/** Converts a displayed value to integer kg, rounded half away from zero to the division. Never returns -0. */
export function toWeightKg(scaled: number, decimals: number, unit: WeightUnit, divisionKg: number): number {
  const kg = (scaled / 10 ** decimals) * kgPerUnit[unit];
  const steps = Math.round(Math.abs(kg) / divisionKg + 1e-9);
  const rounded = steps * divisionKg;
  return kg < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Formats |value| with `decimals` places as exactly `digits` digit characters (no point, zero-padded),
 * truncating on the left like an indicator's display would.
 */
export function digitString(value: number, decimals: number, digits: number): string {
  const scaled = Math.round(Math.abs(value) * 10 ** decimals);
  return String(scaled).padStart(digits, '0').slice(-digits);
}

/** Formats |value| with a decimal point (when decimals > 0) into a field of `width` characters, zero-padded. */
export function pointedString(value: number, decimals: number, width: number): string {
  const s = Math.abs(value).toFixed(decimals);
  return s.padStart(width, '0').slice(-width);
}

export function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

export function allDigits(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(bytes[i])) return false;
  return true;
}
