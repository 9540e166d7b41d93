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
    /** The kiosk shows 空磅 (empty scale) while the reading is below this, instead of "settling". */
    emptyScaleBelowKg: z.int().min(0).max(10_000),
    /** The kiosk captures the gross weight as soon as it is stable (the operator may still switch it off). */
    autoCapture: z.boolean(),
    /** Plausibility at the kiosk: a loaded coal truck weighs at least this much (a lower gross is refused). */
    minGrossKg: z.int().min(0).max(100_000),
    /** A tare outside this range is refused as a typing or capture error. */
    minTareKg: z.int().min(0).max(100_000),
    maxTareKg: z.int().min(1).max(200_000),
    /** The same plate (tractor or trailer) registered again within this many minutes asks for confirmation; 0 turns it off. */
    repeatPlateMinutes: z.int().min(0).max(1440),
    /** A session ends this many hours after login, active or not (one shift); the user logs in again. */
    sessionHours: z.int().min(1).max(24),
    /** Coal held at a disposal point longer than this is raised in the reports (default: one seizure term, 行政强制法 art.25). */
    stockHeldMaxDays: z.int().min(1).max(365),
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
  emptyScaleBelowKg: 200,
  autoCapture: true,
  minGrossKg: 3_000,
  minTareKg: 2_000,
  maxTareKg: 50_000,
  repeatPlateMinutes: 30,
  sessionHours: 12,
  stockHeldMaxDays: 30,
};

export const SettingsUpdate = Settings.partial().strict();
