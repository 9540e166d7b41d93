import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open.ts';
import { appendAudit, verifyAudit } from '../../../src-main/services/audit.ts';
import { configureBackup } from '../../../src-main/services/backup/runs.ts';
import { listSets } from '../../../src-main/services/backup/sets.ts';
import { verifyBackupSet } from '../../../src-main/services/backup/verify.ts';
import { SYSTEM_ACTOR } from '../../../src-main/services/context.ts';
import { backupLoopBundle } from '../../support/bundles.ts';
import { createFixture, validRegistration } from '../../support/app-fixture.ts';
import { png, tempDir } from './helpers.ts';

// Enough kills that some land mid-set and some after a finished set (both asserted below).
const KILLS = 15;

/** Starts the backup loop and SIGKILLs it at a random moment; returns the sets it finished and whether it died mid-backup. */
function runAndKill(dbPath: string, index: number, withinMs: number): Promise<{ done: string[]; midway: boolean }> {
  const child = spawn(process.execPath, [backupLoopBundle, dbPath, String(index)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done: string[] = [];
  let last = '';
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.random() * withinMs);
        else if (line !== 'start') done.push(line);
        if (line !== 'ready') last = line;
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve({ done, midway: last === 'start' }) : reject(new Error(`backup loop exited without being killed (${signal})`))));
  });
}

describe('a backup killed at any moment', () => {
  it(`leaves every finished set valid and the live database intact, across ${KILLS} SIGKILLs`, async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    const reg = await f.call('registrations.create', validRegistration(1), kiosk);
    for (let i = 0; i < 6; i++) await f.call('attachments.add', { registrationId: reg.id, fileName: `s${i}.png`, mime: 'image/png', contentBase64: png(i) }, kiosk);
    // Bulk so that a backup takes long enough to be killed in the middle of it (~3 MB of audited history).
    f.app.db.transaction(() => {
      for (let i = 0; i < 3000; i++) appendAudit(f.app.db, { actor: SYSTEM_ACTOR, action: 'bulk', entity: 'bulk', after: { i, pad: 'x'.repeat(900) }, at: f.clock.now });
    })();
    const target = tempDir('kill-usb-');
    configureBackup(f.app.db, SYSTEM_ACTOR, { targetDir: target, keepDaily: 100_000 }, f.clock.now);
    // A first set made in peace: the one the kills must not harm. Its duration scales the kill moments.
    const t0 = performance.now();
    const first = await f.call('backup.run', {}, f.adminToken);
    const backupMs = performance.now() - t0;
    f.app.close();

    const finished: string[] = [first.setName!];
    // Kills land anywhere from start-up to well after a whole backup, so some hit a set mid-write and some after it.
    let midway = 0;
    for (let i = 0; i < KILLS; i++) {
      const r = await runAndKill(f.dbPath, i, 1500 + 2.5 * backupMs);
      finished.push(...r.done);
      if (r.midway) midway++;
    }

    const sets = listSets(target);
    // The kills did land in the middle of a backup, and some backups did finish between them.
    expect(finished.length).toBeGreaterThan(1);
    expect(midway).toBeGreaterThan(0);
    expect(sets.map((s) => s.manifest.name)).toEqual(expect.arrayContaining(finished));
    for (const s of sets) expect(await verifyBackupSet(s.dir), s.manifest.name).toMatchObject({ ok: true, problems: [] });
    // Interrupted sets never carry a set's name; they stay `.partial-` (cleaned once stale).
    for (const name of fs.readdirSync(target)) expect(name).toMatch(/^(checkpoint-|\.partial-checkpoint-|attachments$)/);

    const db = openDatabase(f.dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    const recorded = (db.prepare('SELECT set_name FROM backup_runs WHERE ok = 1').all() as { set_name: string }[]).map((r) => r.set_name);
    expect(recorded).toEqual(expect.arrayContaining(finished));
    db.close();
  }, 420_000);
});
