/**
 * The checkpoint keeps Beijing time (Asia/Shanghai, UTC+8, no daylight saving), whatever the machine's
 * zone: dates typed by users and reporting periods are local dates; instants are stored as UTC ISO strings.
 */
const OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD of the instant in Beijing time. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYYMMDD, for record numbers. */
export function localDateCompact(instant: Date): string {
  return localDate(instant).replaceAll('-', '');
}

/** The UTC instant at which a local date begins. */
export function startOfLocalDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00.000Z`) + days * 86400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** ISO 8601 with the +08:00 offset, as people at the checkpoint read it. */
export function toLocalIso(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().replace('Z', '+08:00');
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00.000Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}
