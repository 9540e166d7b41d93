import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main.ts';
import { writeFileSafely } from '../../../src-main/services/safe-file.ts';
import { databaseRefusal } from '../../../src-main/services/storage-errors.ts';
import { ServiceError } from '../../../src-main/services/errors.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { createFixture, tempDbPath, validRegistration } from '../../support/app-fixture.ts';
import { DEMO_PASSWORD } from '../../../src-main/demo/demo-client.ts';

async function cli(args: string[], stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => { const s = new PassThrough(); s.on('data', (d: Buffer) => into.push(d.toString())); return s; };
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const code = await main(args, { stdout: sink(out), stderr: sink(err), stdin });
  return { code, out: out.join(''), err: err.join('') };
}

const countRegistrations = (db: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    return (raw.prepare('SELECT COUNT(*) AS n FROM registrations').get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

const zh = (key: string, file: string) => translate('zh-CN', key, { file });

describe('exports never write over the database or an existing file (issue 14 item 7)', () => {
  let db: string;
  beforeAll(async () => {
    db = tempDbPath();
    expect((await cli(['demo', '--db', db, '--days', '2', '--per-day', '3'])).code).toBe(0);
  });
  // As the demo's supervisor, who signs in: a refused --out is refused before the password is even checked.
  const weekly = (out: string, ...extra: string[]) =>
    cli(['export', 'weekly', '--week', '2026-W48', '--format', 'csv', '--out', out, '--db', db, '--user', 'supervisor', '--password-stdin', ...extra], `${DEMO_PASSWORD}\n`);

  it.each(['', '-wal', '-shm'])('refuses --out onto the open database%s, even with --force; the database stays whole', async (side) => {
    const before = countRegistrations(db);
    for (const extra of [[], ['--force']]) {
      const r = await weekly(db + side, ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toContain(zh('storage.isDatabase', db + side));
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(countRegistrations(db)).toBe(before);
  });

  it('refuses a path that reaches the database through a symbolic link', async () => {
    const link = path.join(path.dirname(db), 'looks-like-a-report.csv');
    fs.symlinkSync(db, link);
    const r = await weekly(link, '--force');
    expect(r.err).toContain(zh('storage.isDatabase', link));
    expect(countRegistrations(db)).toBe(6);
  });

  it('refuses an existing file without --force and replaces it with --force', async () => {
    const out = path.join(path.dirname(db), 'week.csv');
    fs.writeFileSync(out, 'keep me');
    const refused = await weekly(out);
    expect([refused.code, refused.err.trim()]).toEqual([2, `checkpoint export weekly: ${zh('storage.exists', out)}`]);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await weekly(out, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('运煤车辆登记周报');
    expect(fs.readdirSync(path.dirname(db)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a new file and leaves no temporary file beside it', async () => {
    const out = path.join(path.dirname(db), 'fresh.csv');
    expect((await weekly(out)).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(db)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('writeFileSafely: disk full and read-only media', () => {
  /** The real fs, except that writing the temporary file fails with `code`, as a full or read-only disk does. */
  const failingWith = (code: string) => ({
    ...fs,
    writeFileSync: (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
      fs.writeFileSync(file, (data as Uint8Array).subarray(0, 3), options); // a partial write, then the failure
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  });

  it.each([
    ['ENOSPC', 'storage.diskFull'],
    ['EDQUOT', 'storage.diskFull'],
    ['EROFS', 'storage.readOnly'],
    ['EACCES', 'storage.noPermission'],
  ])('%s gives %s; the old file is intact and no temporary file is left', (code, key) => {
    const dir = path.dirname(tempDbPath());
    const target = path.join(dir, 'report.csv');
    fs.writeFileSync(target, 'old content');
    let caught: unknown;
    try {
      writeFileSafely(target, Buffer.from('new content'), { protectedFiles: [], force: true, fsImpl: failingWith(code) });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ServiceError);
    expect((caught as ServiceError).key).toBe(key);
    expect(translate('zh-CN', key, { file: target })).toContain(target);
    expect(fs.readFileSync(target, 'utf8')).toBe('old content');
    expect(fs.readdirSync(dir)).toEqual(['report.csv']);
  });

  it('an unknown failure is passed on unchanged (not dressed up as a disk problem)', () => {
    const target = path.join(path.dirname(tempDbPath()), 'x.csv');
    expect(() => writeFileSafely(target, Buffer.from('x'), { protectedFiles: [], fsImpl: failingWith('EIO_UNKNOWN') })).toThrow('EIO_UNKNOWN: simulated');
  });
});

describe('the database on a full or read-only disk', () => {
  it('a save on a full disk is refused with its own message and stores nothing; saved records stay', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    await f.call('registrations.create', validRegistration(1), kiosk);
    // SQLite's own limit: no page may be added, exactly what a full disk does to the next write.
    const pages = f.app.db.pragma('page_count', { simple: true }) as number;
    f.app.db.pragma(`max_page_count = ${pages}`);
    const results = [];
    for (let seed = 2; seed < 40; seed++) results.push(await f.raw('registrations.create', validRegistration(seed), kiosk));
    const refused = results.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.ok ? null : { code: r.error.code, key: r.error.key, message: r.error.message })
        .toEqual({ code: 'internal', key: 'storage.databaseFull', message: translate('zh-CN', 'storage.databaseFull') });
    }
    const saved = results.filter((r) => r.ok).length;
    expect(f.count('registrations')).toBe(1 + saved);
    const page = await f.call('registrations.search', { pageSize: 200 }, kiosk);
    expect(page.rows).toHaveLength(1 + saved);
  });

  it('a write to a read-only database is refused as read-only', () => {
    const file = tempDbPath();
    new Database(file).exec('CREATE TABLE t (x INTEGER)');
    const ro = new Database(file, { readonly: true });
    let caught: unknown;
    try {
      ro.prepare('INSERT INTO t VALUES (1)').run();
    } catch (err) {
      caught = err;
    }
    ro.close();
    expect(databaseRefusal(caught)?.key).toBe('storage.databaseReadOnly');
    expect(databaseRefusal(new Error('not storage'))).toBeNull();
  });
});
