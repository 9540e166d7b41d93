import { describe, expect, it } from 'vitest';
import { createFixture } from '../../support/app-fixture.ts';
import { tempDir } from './helpers.ts';

const runs = (f: Awaited<ReturnType<typeof createFixture>>) =>
  (f.app.db.prepare('SELECT trigger, ok FROM backup_runs ORDER BY id').all() as { trigger: string; ok: number }[]).map((r) => `${r.trigger}:${r.ok}`);

describe('scheduled backups', () => {
  it('run daily at the configured Beijing time (once a day), at shift end (last user logs out) and before quitting', async () => {
    const f = await createFixture();
    await f.call('backup.configure', { targetDir: tempDir('usb-'), dailyAt: '22:00' }, f.adminToken);
    f.clock.now = new Date('2026-11-28T13:30:00Z'); // 21:30 Beijing
    await f.app.backups.tick();
    expect(runs(f)).toEqual([]);
    f.clock.now = new Date('2026-11-28T14:01:00Z'); // 22:01 Beijing
    await f.app.backups.tick();
    await f.app.backups.tick();
    expect(runs(f)).toEqual(['daily:1']);

    // The administrator's session is still open from set-up; the shift ends when the last one logs out.
    const kiosk = await f.tokenFor('kiosk');
    await f.app.backups.tick();
    await f.call('auth.logout', {}, kiosk);
    await f.app.backups.tick();
    expect(runs(f)).toEqual(['daily:1']);
    await f.call('auth.logout', {}, f.adminToken);
    await f.app.backups.tick();
    expect(runs(f)).toEqual(['daily:1', 'shift-end:1']);

    await f.app.backups.beforeQuit();
    expect(runs(f)).toEqual(['daily:1', 'shift-end:1', 'quit:1']);
    f.clock.now = new Date('2026-11-29T14:00:00Z');
    await f.app.backups.tick();
    expect(runs(f)).toEqual(['daily:1', 'shift-end:1', 'quit:1', 'daily:1']);
  }, 60_000);

  it('switched off, shift end and quit do not back up', async () => {
    const f = await createFixture();
    await f.call('backup.configure', { targetDir: tempDir('usb-'), dailyAt: '23:59', atShiftEnd: false, onQuit: false }, f.adminToken);
    await f.app.backups.tick();
    await f.call('auth.logout', {}, f.adminToken);
    await f.app.backups.tick();
    await f.app.backups.beforeQuit();
    expect(runs(f)).toEqual([]);
  });
});
