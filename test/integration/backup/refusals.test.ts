import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArchive, exportArchive } from '../../../src-main/services/backup/archive.ts';
import { targetError } from '../../../src-main/services/backup/files.ts';
import { readManifest } from '../../../src-main/services/backup/manifest.ts';
import { verifyBackupSet } from '../../../src-main/services/backup/verify.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { cli, png, tempDir } from './helpers.ts';

async function backedUp(): Promise<{ f: Fixture; target: string; setDir: string }> {
  const f = await createFixture();
  const kiosk = await f.tokenFor('kiosk');
  for (let i = 1; i <= 3; i++) {
    const r = await f.call('registrations.create', validRegistration(i), kiosk);
    await f.call('attachments.add', { registrationId: r.id, fileName: `r${i}.png`, mime: 'image/png', contentBase64: png(i) }, kiosk);
  }
  const target = tempDir('usb-');
  await f.call('backup.configure', { targetDir: target }, f.adminToken);
  const run = await f.call('backup.run', {}, f.adminToken);
  expect(run.ok).toBe(true);
  return { f, target, setDir: path.join(target, run.setName!) };
}

const restoreArgs = (f: Fixture, setDir: string) => ['backup', 'restore', setDir, '--db', f.dbPath, '--user', 'admin', '--password-stdin'];

/** The live database file is exactly as it was: a refused restore changed nothing. */
function untouched(f: Fixture, work: () => Promise<void>) {
  return async () => {
    const before = f.app.db.prepare('SELECT COUNT(*) AS n, MAX(seq) AS s FROM audit_log').get();
    await work();
    expect(f.app.db.prepare('SELECT COUNT(*) AS n, MAX(seq) AS s FROM audit_log').get()).toEqual(before);
    expect(fs.readdirSync(path.dirname(f.dbPath)).filter((n) => n.startsWith('replaced-'))).toEqual([]);
  };
}

describe('a damaged backup set is refused with the reason', () => {
  it('one byte changed in the database copy: verify fails (exit 1), restore refused, live data untouched', async () => {
    const { f, setDir } = await backedUp();
    const file = path.join(setDir, 'checkpoint.db');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    expect(await verifyBackupSet(setDir)).toMatchObject({ ok: false, problems: [{ key: 'backup.problem.fileChanged', params: { file: 'checkpoint.db' } }] });
    const verify = await cli(['backup', 'verify', setDir]);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain('文件 checkpoint.db 的内容与清单中的哈希不符');
    await untouched(f, async () => {
      const r = await cli(restoreArgs(f, setDir), 'admin-pass-1\n');
      expect(r.code).toBe(1);
      expect(r.err).toContain('哈希不符');
    })();
  });

  it('a missing attachment: refused, naming the file', async () => {
    const { f, target, setDir } = await backedUp();
    const [gone] = readManifest(setDir)!.attachments;
    fs.rmSync(path.join(target, 'attachments', gone!.sha256));
    expect((await verifyBackupSet(setDir)).problems).toEqual([{ key: 'backup.problem.fileMissing', params: { file: `attachments/${gone!.sha256}` } }]);
    await untouched(f, async () => expect((await cli(restoreArgs(f, setDir), 'admin-pass-1\n')).code).toBe(1))();
  });

  it('a manifest whose counts were edited to hide a row: the copy does not match it', async () => {
    const { setDir } = await backedUp();
    const m = readManifest(setDir)!;
    fs.writeFileSync(path.join(setDir, 'manifest.json'), JSON.stringify({ ...m, rowCounts: { ...m.rowCounts, registrations: 2 } }));
    expect((await verifyBackupSet(setDir)).problems).toEqual([{ key: 'backup.problem.contentsDiffer', params: {} }]);
  });

  it('an older set is restored only with --force, and the current database is kept aside, not deleted', async () => {
    const { f, setDir } = await backedUp();
    const kiosk = await f.tokenFor('kiosk');
    await f.call('registrations.create', validRegistration(9), kiosk);
    f.app.close();
    const older = await cli(restoreArgs(f, setDir), 'admin-pass-1\n');
    expect(older.code).toBe(1);
    expect(older.err).toMatch(/此备份较旧：当前数据库多出 \d+ 条审计记录、1 条登记/);
    const forced = await cli([...restoreArgs(f, setDir), '--force'], 'admin-pass-1\n');
    expect(forced.code).toBe(0);
    const aside = fs.readdirSync(path.dirname(f.dbPath)).filter((n) => n.startsWith('replaced-'));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(path.dirname(f.dbPath), aside[0]!, 'checkpoint.db'))).toBe(true);
  });

  it('a kiosk operator of the backed-up data may not restore it', async () => {
    const { f, setDir } = await backedUp();
    f.app.close();
    const r = await cli(['backup', 'restore', setDir, '--db', f.dbPath, '--user', 'kiosk1', '--password-stdin'], 'user-pass-1\n');
    expect(r).toMatchObject({ code: 1 });
    expect(r.err).toContain('当前角色无权执行此操作');
  });
});

describe('backups that cannot be written are reported, never skipped', () => {
  it('a missing target (USB drive not plugged in) is recorded as a failed run, audited, and the status warns', async () => {
    const f = await createFixture();
    const gone = path.join(tempDir('usb-'), 'not-mounted');
    await f.call('backup.configure', { targetDir: gone }, f.adminToken);
    const run = await f.call('backup.run', {}, f.adminToken);
    expect(run).toMatchObject({ ok: false, setName: null, problem: { key: 'backup.targetMissing', params: { target: gone } } });
    expect(fs.existsSync(gone)).toBe(false);
    expect(await f.call('backup.status', {}, f.adminToken)).toMatchObject({ warn: true, lastGood: null, lastRun: { id: run.id, ok: false } });
    expect(f.app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'backup.failed'").get()).toEqual({ n: 1 });
    const viaCli = await cli(['backup', 'create', '--out', gone, '--db', f.dbPath]);
    expect(viaCli.code).toBe(1);
    expect(viaCli.err).toContain('不存在或未连接');
  });

  it.each([
    ['ENOSPC', 'backup.targetFull'], ['EDQUOT', 'backup.targetFull'], ['ENOENT', 'backup.targetMissing'],
    ['EROFS', 'backup.targetReadOnly'], ['EACCES', 'backup.targetReadOnly'], ['EIO', 'backup.writeFailed'],
  ])('a write failing with %s is reported as %s', (code, key) => {
    expect(targetError(Object.assign(new Error(code), { code }), '/media/usb')).toMatchObject({ key, params: { target: '/media/usb' } });
  });
});

describe('export for hand-over', () => {
  it('a set written as one encrypted archive opens only with the passphrase, and verifies after opening', async () => {
    const { setDir } = await backedUp();
    const file = path.join(tempDir('handover-'), 'season.ccbackup');
    await exportArchive(setDir, file, 'a long passphrase 2026');
    const raw = fs.readFileSync(file);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    await expect(importArchive(file, 'wrong passphrase 2026', tempDir('city-'))).rejects.toMatchObject({ key: 'backup.wrongPassphrase' });
    const tampered = Buffer.from(raw);
    tampered[tampered.length - 40]! ^= 0x01;
    fs.writeFileSync(`${file}.bad`, tampered);
    await expect(importArchive(`${file}.bad`, 'a long passphrase 2026', tempDir('city-'))).rejects.toMatchObject({ key: 'backup.wrongPassphrase' });
    const opened = await importArchive(file, 'a long passphrase 2026', tempDir('city-'));
    expect(path.basename(opened)).toBe(path.basename(setDir));
    expect(await verifyBackupSet(opened)).toMatchObject({ ok: true });
  });
});
