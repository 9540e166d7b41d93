/** GB 11643 citizen ID number: 17 digits + MOD 11-2 check character. */
// @ts-nocheck

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Upper-cases the check character ('x' → 'X') and trims padding. */
export function normalizeIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

/** The check character for the first 17 digits, or undefined when they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11];
}

export function isValidIdNumber(id: string): boolean {
  const n = normalizeIdNumber(id);
  return n.length === 18 && idNumberCheckChar(n.slice(0, 17)) === n[17];
}
