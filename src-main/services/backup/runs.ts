/**
 * Backups as the app runs them: the configuration, one run (create, verify, prune by retention, record
 * the result in the audit trail), and the status the admin screen and the supervisor's dashboard show.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../../../db/open.ts';
import type { BackupConfig, BackupRun, BackupStatus, BackupTrigger } from '../../../src-shared/contract/backup.ts';
import { backupAge } from '../../../src-shared/domain/backup-retention.ts';
import { appendAudit } from '../audit.ts';
import type { Actor } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { createBackupSet } from './create.ts';
import { pruneTarget } from './sets.ts';
import { verifyBackupSet } from './verify.ts';

interface ConfigRow {
  target_dir: string | null; daily_at: string; at_shift_end: number; on_quit: number; keep_daily: number; keep_weekly: number; keep_monthly: number;
}

export function getBackupConfig(db: Db): BackupConfig {
  const r = db.prepare('SELECT * FROM backup_config WHERE id = 1').get() as ConfigRow;
  return {
    targetDir: r.target_dir, dailyAt: r.daily_at, atShiftEnd: r.at_shift_end === 1, onQuit: r.on_quit === 1,
    keepDaily: r.keep_daily, keepWeekly: r.keep_weekly, keepMonthly: r.keep_monthly,
  };
}

export function configureBackup(db: Db, actor: Actor, changes: Partial<BackupConfig>, at: Date): BackupConfig {
  return db.transaction(() => {
    const before = getBackupConfig(db);
    const c = { ...before, ...changes };
    db.prepare(
      `UPDATE backup_config SET target_dir = ?, daily_at = ?, at_shift_end = ?, on_quit = ?, keep_daily = ?, keep_weekly = ?, keep_monthly = ? WHERE id = 1`,
    ).run(c.targetDir, c.dailyAt, c.atShiftEnd ? 1 : 0, c.onQuit ? 1 : 0, c.keepDaily, c.keepWeekly, c.keepMonthly);
    appendAudit(db, { actor, action: 'backup.configure', entity: 'backup_config', before, after: c, at });
    return c;
  })();
}

interface RunRow {
  id: number; started_at: string; finished_at: string; trigger: BackupTrigger; target_dir: string; set_name: string | null; ok: number;
  problem_key: string | null; problem_params: string | null; size_bytes: number | null; duration_ms: number;
}

function toRun(r: RunRow): BackupRun {
  return {
    id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, trigger: r.trigger, targetDir: r.target_dir, setName: r.set_name, ok: r.ok === 1,
    problem: r.problem_key ? { key: r.problem_key, params: JSON.parse(r.problem_params ?? '{}') as Record<string, string | number> } : null,
    sizeBytes: r.size_bytes, durationMs: r.duration_ms,
  };
}

export function backupStatus(db: Db, now: Date): BackupStatus {
  const lastGood = db.prepare('SELECT * FROM backup_runs WHERE ok = 1 ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  const lastRun = db.prepare('SELECT * FROM backup_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  const age = backupAge(lastGood ? new Date(lastGood.finished_at) : null, now);
  return { config: getBackupConfig(db), lastGood: lastGood ? toRun(lastGood) : null, lastRun: lastRun ? toRun(lastRun) : null, ageHours: age.hours, warn: age.warn };
}

export interface RunOptions {
  trigger: BackupTrigger;
  actor: Actor;
  now: () => Date;
  appVersion: string;
  /** Overrides the configured target (the CLI's --out). */
  outDir?: string;
}

/**
 * Backs up, verifies and prunes; the outcome — good or not — is recorded and audited, so a missing or full
 * target shows on the screens instead of passing silently. Never throws for a failed backup: it returns it.
 */
export async function runBackup(db: Db, options: RunOptions): Promise<BackupRun> {
  const startedAt = options.now();
  const t0 = performance.now();
  const config = getBackupConfig(db);
  const target = options.outDir ?? config.targetDir;
  let outcome: { ok: boolean; setName: string | null; sizeBytes: number | null; problem: { key: string; params: Record<string, string | number> } | null };
  try {
    if (!target) throw new ServiceError('conflict', 'backup.notConfigured');
    const { dir, manifest } = await createBackupSet(db, { outDir: target, now: startedAt, appVersion: options.appVersion });
    const check = await verifyBackupSet(dir);
    const sizeBytes = manifest.files.reduce((n, f) => n + f.bytes, 0) + manifest.attachments.reduce((n, a) => n + a.bytes, 0);
    outcome = { ok: check.ok, setName: manifest.name, sizeBytes, problem: check.problems[0] ?? null };
    // Old sets go only once a new good one stands.
    if (check.ok) pruneTarget(target, { daily: config.keepDaily, weekly: config.keepWeekly, monthly: config.keepMonthly }, options.now());
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    outcome = { ok: false, setName: null, sizeBytes: null, problem: { key: err.key, params: err.params } };
  }
  const finishedAt = options.now();
  return db.transaction(() => {
    const id = Number(db.prepare(
      `INSERT INTO backup_runs (started_at, finished_at, trigger, target_dir, set_name, ok, problem_key, problem_params, size_bytes, duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      startedAt.toISOString(), finishedAt.toISOString(), options.trigger, target ?? '', outcome.setName, outcome.ok ? 1 : 0,
      outcome.problem?.key ?? null, outcome.problem ? JSON.stringify(outcome.problem.params) : null, outcome.sizeBytes, Math.round(performance.now() - t0),
    ).lastInsertRowid);
    const run = toRun(db.prepare('SELECT * FROM backup_runs WHERE id = ?').get(id) as RunRow);
    appendAudit(db, { actor: options.actor, action: run.ok ? 'backup.ok' : 'backup.failed', entity: 'backup', entityId: run.setName, after: run, at: finishedAt });
    return run;
  })();
}
