/** 139****5678: the first three and last four digits stay readable so a supervisor can still match a call. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 7 ? phone : digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}
