/** Backups and recovery (issue 15): where and when, the last good backup's age, the sets and their verification. */
import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';

export const BACKUP_TRIGGERS = ['manual', 'daily', 'shift-end', 'quit', 'cli'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

const count = (max: number) => z.int().min(0).max(max);

export const BackupConfig = z
  .object({
    /** A USB drive, second disk or network share; null until configured. */
    targetDir: z.string().trim().min(1, { message: 'validation.required' }).max(260, { message: 'validation.tooLong' }).nullable(),
    /** Beijing time HH:MM of the daily backup. */
    dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    atShiftEnd: z.boolean(),
    onQuit: z.boolean(),
    keepDaily: count(366).min(1),
    keepWeekly: count(260),
    keepMonthly: count(120),
  })
  .strict();
export type BackupConfig = z.infer<typeof BackupConfig>;

/** Why a backup failed or a set did not verify: an i18n key and its parameters, for the screen to word in its language. */
export interface BackupProblem {
  key: string;
  params: Record<string, string | number>;
}

export interface BackupRun {
  id: number;
  startedAt: string;
  finishedAt: string;
  trigger: BackupTrigger;
  targetDir: string;
  setName: string | null;
  ok: boolean;
  problem: BackupProblem | null;
  sizeBytes: number | null;
  durationMs: number;
}

export interface BackupStatus {
  config: BackupConfig;
  lastGood: BackupRun | null;
  lastRun: BackupRun | null;
  /** Hours since the last good backup (null: none yet); warn past 24 hours or when there is none. */
  ageHours: number | null;
  warn: boolean;
}

export interface BackupSetSummary {
  name: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  registrations: number;
  auditEntries: number;
  attachments: number;
  sizeBytes: number;
}

export interface BackupSetCheck {
  set: BackupSetSummary | null;
  ok: boolean;
  problems: BackupProblem[];
  rowCounts: Record<string, number>;
  /** What the current database holds beyond the set (restoring it would drop these). */
  later: { auditEntries: number; registrations: number } | null;
}

const SetName = z.object({ name: z.string().regex(/^checkpoint-[\w-]+$/, { message: 'validation.choice' }).max(120) }).strict();

export const backupContract = {
  'backup.status': method<BackupStatus>()(Empty, ROLE_GROUPS.oversight),
  'backup.configure': method<BackupStatus>()(BackupConfig.partial().strict(), ROLE_GROUPS.admin),
  /** Backs up now into the configured target, verifies the set and records the result. */
  'backup.run': method<BackupRun>()(Empty, ROLE_GROUPS.oversight),
  'backup.sets': method<BackupSetSummary[]>()(Empty, ROLE_GROUPS.admin),
  /** A set's manifest and verification, and what restoring it would lose. */
  'backup.check': method<BackupSetCheck>()(SetName, ROLE_GROUPS.admin),
  /** One encrypted archive of a set for hand-over (scrypt + AES-256-GCM under the administrator's passphrase). */
  'backup.export': method<{ file: string; sizeBytes: number }>()(
    SetName.extend({ passphrase: z.string().min(12).max(200) }).strict(),
    ROLE_GROUPS.admin,
  ),
} satisfies Record<string, MethodDef>;
