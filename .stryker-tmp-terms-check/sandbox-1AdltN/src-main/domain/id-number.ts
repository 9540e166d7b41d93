/** 18-digit resident ID numbers (公民身份号码, GB 11643-1999), check character by ISO 7064 MOD 11-2. */
// @ts-nocheck


const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; idNumber: string; error: 'format' | 'birth-date' | 'checksum' };

export function normalizeIdNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** `today` as YYYY-MM-DD bounds the birth date: nobody is born in the future. */
export function checkIdNumber(input: string, today: string): IdNumberCheck {
  const idNumber = normalizeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, idNumber, error: 'format' };
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1800 || birthDate > today) return { ok: false, idNumber, error: 'birth-date' };
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, idNumber, error: 'checksum' };
  return { ok: true, idNumber, birthDate, sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 1301**********1234: the default in exports and lists for roles that may not see the full number. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length <= 8 ? idNumber : idNumber.slice(0, 4) + '*'.repeat(idNumber.length - 8) + idNumber.slice(-4);
}
