// @ts-nocheck
import { z } from 'zod';
import { isValidMonthDay } from '../domain/report-period.ts';

/** Record-number patterns: {station}, {date} (YYYYMMDD), {year}, {seq:N} (zero-padded, N digits). */
export const RecordNumberPattern = z
  .string()
  .max(60)
  .refine((p) => /\{seq:[1-9]\}/.test(p), { message: 'validation.patternSeq' })
  .refine((p) => (p.match(/\{[^}]*\}/g) ?? []).every((t) => /^\{(station|date|year|seq:[1-9])\}$/.test(t)), {
    message: 'validation.patternToken',
  });

export const Settings = z
  .object({
    recordNumberPattern: RecordNumberPattern,
    lockAfterMinutes: z.int().min(1).max(240),
    maxFailedLogins: z.int().min(3).max(20),
    lockoutMinutes: z.int().min(1).max(1440),
    /** MM-DD on which the heating season starts; monthly reports accumulate from it. */
    heatingSeasonStart: z.string().refine(isValidMonthDay, { message: 'validation.date' }),
    /** Day of the month by which last month's report is due at the county. */
    reportingDay: z.int().min(1).max(28),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  recordNumberPattern: 'CD-{date}-{seq:4}',
  lockAfterMinutes: 5,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  heatingSeasonStart: '11-15',
  reportingDay: 23,
};

export const SettingsUpdate = Settings.partial().strict();
