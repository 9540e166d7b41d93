/**
 * Runs backups when they are due without anyone asking: daily at the configured time, when the last user
 * logs out (shift end), and before the app quits. One backup at a time; a failure is recorded by runBackup.
 */
import type { BackupTrigger } from '../../../src-shared/contract/backup.ts';
import { dailyBackupDue } from '../../../src-shared/domain/backup-schedule.ts';
import type { SessionStore } from '../accounts/sessions.ts';
import { sessionLimits } from '../accounts/accounts.ts';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.ts';
import { appVersionOf } from './version.ts';
import { getBackupConfig, runBackup } from './runs.ts';

const TICK_MS = 30_000;

export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private sessionsBefore = 0;

  constructor(private readonly ctx: ServiceContext, private readonly sessions: SessionStore) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Checks what is due; exposed so tests drive it with their own clock. */
  async tick(): Promise<void> {
    const config = getBackupConfig(this.ctx.db);
    if (!config.targetDir) return;
    const now = this.ctx.now();
    const active = this.sessions.activeCount(now.getTime(), sessionLimits(this.ctx.db));
    const shiftEnded = this.sessionsBefore > 0 && active === 0;
    this.sessionsBefore = active;
    const lastDaily = this.ctx.db.prepare("SELECT MAX(started_at) AS at FROM backup_runs WHERE trigger = 'daily'").get() as { at: string | null };
    if (dailyBackupDue(config.dailyAt, now, lastDaily.at ? new Date(lastDaily.at) : null)) await this.run('daily');
    else if (shiftEnded && config.atShiftEnd) await this.run('shift-end');
  }

  /** The shell awaits this before it quits. */
  async beforeQuit(): Promise<void> {
    const config = getBackupConfig(this.ctx.db);
    if (config.onQuit && config.targetDir) await this.run('quit');
  }

  private async run(trigger: BackupTrigger): Promise<void> {
    if (this.running) await this.running;
    this.running = runBackup(this.ctx.db, { trigger, actor: SYSTEM_ACTOR, now: this.ctx.now, appVersion: appVersionOf(this.ctx) });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }
}
