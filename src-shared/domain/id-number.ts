/**
 * 18-digit ID numbers (公民身份号码, GB 11643-1999): the one rule for the registration form and the ID-card
 * reader alike, so the two can never disagree. No imports: drivers and the contract both use it.
 *   address code (GB/T 2260; first two digits a province) + birth date YYYYMMDD + sequence + check character
 *   (ISO 7064 MOD 11-2).
 */

/** Card types are told apart only by the reader; the number says which group it belongs to. */
export type IdNumberGroup = 'mainland' | 'hk-mo-tw-residence';

export type IdNumberError = 'format' | 'province' | 'birth-date' | 'checksum';

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female'; group: IdNumberGroup }
  | { ok: false; idNumber: string; error: IdNumberError };

/** Birth years before this are refused: no living driver was born earlier. */
export const EARLIEST_BIRTH_YEAR = 1900;

/** Full-width digits and X become ASCII, spaces go, 'x' becomes 'X'. */
export function normalizeIdNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .replace(/x/g, 'X');
}

/** The check character for 17 ASCII digits (the caller guarantees the shape). */
export function idCheckChar(first17: string): string {
  // The constants live in the functions so mutation testing can change them per test run.
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

/**
 * GB/T 2260 province-level codes (first two digits), plus 81/82/83, the address codes of the residence
 * permits for Hong Kong, Macao and Taiwan residents (card type J).
 */
export function isProvinceCode(code: number): boolean {
  const ranges = [[11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65], [81, 83]] as const;
  return ranges.some(([from, to]) => code >= from && code <= to);
}

/** A real calendar date, not before 1900 and not after `today` (YYYY-MM-DD, Beijing). */
function isBirthDate(y: number, m: number, d: number, iso: string, today: string): boolean {
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth && y >= EARLIEST_BIRTH_YEAR && iso <= today;
}

/** `today` (YYYY-MM-DD, from the caller's clock) bounds the birth date: nobody is born in the future. */
export function checkIdNumber(input: string, today: string): IdNumberCheck {
  const idNumber = normalizeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, idNumber, error: 'format' };
  const province = Number(idNumber.slice(0, 2));
  if (!isProvinceCode(province)) return { ok: false, idNumber, error: 'province' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)].map(Number) as [number, number, number];
  if (!isBirthDate(y, m, d, birthDate, today)) return { ok: false, idNumber, error: 'birth-date' };
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, idNumber, error: 'checksum' };
  const group: IdNumberGroup = province >= 81 ? 'hk-mo-tw-residence' : 'mainland';
  return { ok: true, idNumber, birthDate, sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female', group };
}

/** 1301**********1234: the default in exports and lists for roles that may not see the full number. */
export function maskIdNumber(idNumber: string): string {
  // Up to 8 characters there is nothing between the first and last four to hide.
  return idNumber.length < 9 ? idNumber : idNumber.slice(0, 4) + '*'.repeat(idNumber.length - 8) + idNumber.slice(-4);
}
