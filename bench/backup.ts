/**
 * Backups (issue 15): a backup of the bench database with its attachments — time and size; the kiosk's save
 * latency *during* a backup (from when the save was due to when it returned, so time spent waiting behind a
 * backup step counts); verification time; restore time. Runs on copies in .tmp/, never on the bench file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../db/open.ts';
import { listUsers } from '../src-main/services/accounts/accounts.ts';
import { createBackupSet, liveAttachmentsDirOf } from '../src-main/services/backup/create.ts';
import { restoreBackupSet } from '../src-main/services/backup/restore.ts';
import { verifyBackupSet } from '../src-main/services/backup/verify.ts';
import { createRegistration } from '../src-main/services/registrations/registrations.ts';
import { sampleRegistration, seededRandom } from '../src-main/demo/sample-registration.ts';

const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 10_000);
const ATTACHMENT_BYTES = 8 * 1024;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A working copy of the bench database with `ATTACHMENTS` scan files (8 KB each) on disk and in the table. */
async function workingCopy(bench: Db, dir: string): Promise<Db> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'attachments'), { recursive: true });
  await bench.backup(path.join(dir, 'checkpoint.db'));
  const db = openDatabase(path.join(dir, 'checkpoint.db'));
  const user = listUsers(db)[0]!;
  const ids = (db.prepare('SELECT id FROM registrations ORDER BY id LIMIT ?').all(ATTACHMENTS) as { id: number }[]).map((r) => r.id);
  const insert = db.prepare('INSERT INTO attachments (registration_id, sha256, mime, size_bytes, file_name, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const { createHash } = await import('node:crypto');
  db.transaction(() => {
    for (const [i, id] of ids.entries()) {
      const bytes = Buffer.alloc(ATTACHMENT_BYTES, i % 251);
      bytes.write(`%PDF-scan ${i}`);
      const sha = createHash('sha256').update(bytes).digest('hex');
      fs.writeFileSync(path.join(liveAttachmentsDirOf(db), sha), bytes);
      insert.run(id, sha, 'application/pdf', bytes.length, `scan-${i}.pdf`, '2026-11-01T00:00:00Z', user.id);
    }
  })();
  return db;
}

/** Saves a truck every 25 ms while `work` runs; each save's latency runs from when it was due. */
async function savesDuring(db: Db, work: Promise<unknown>): Promise<{ saves: number; p50Ms: number; p95Ms: number; maxMs: number }> {
  const user = listUsers(db).find((u) => u.roles.includes('kiosk')) ?? listUsers(db)[0]!;
  const ctx = { db, now: () => new Date(), session: { token: 'bench', user, lastSeenMs: 0 } };
  const rnd = seededRandom(7);
  const samples: number[] = [];
  let busy = true;
  void work.finally(() => (busy = false));
  while (busy) {
    const due = performance.now() + 25;
    await new Promise((r) => setTimeout(r, 25));
    createRegistration(ctx, { ...sampleRegistration(rnd), weightSource: 'manual', manualReason: '基准测试' });
    samples.push(performance.now() - due);
  }
  await work;
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]! * 10) / 10;
  return { saves: samples.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

export async function benchBackup(bench: Db): Promise<Record<string, string | number>> {
  const root = path.resolve('.tmp', 'bench-backup');
  const db = await workingCopy(bench, path.join(root, 'live'));
  const target = path.join(root, 'usb');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const registrations = (db.prepare('SELECT COUNT(*) AS n FROM registrations').get() as { n: number }).n;

  let t = performance.now();
  const first = await createBackupSet(db, { outDir: target, now: new Date(), appVersion: 'bench' });
  const firstMs = performance.now() - t;
  const bytes = first.manifest.files.reduce((n, f) => n + f.bytes, 0);
  const attachmentBytes = first.manifest.attachments.reduce((n, a) => n + a.bytes, 0);

  // The same saves with no backup running: what the machine's disk (fsync per commit) costs on its own.
  const idle = await savesDuring(db, new Promise((r) => setTimeout(r, 2000)));
  // The second backup runs while the kiosk saves; its attachments are already in the pool (copied once).
  t = performance.now();
  const during = await savesDuring(db, createBackupSet(db, { outDir: target, now: new Date(Date.now() + 1000), appVersion: 'bench' }));
  const secondMs = performance.now() - t;

  t = performance.now();
  const verified = await verifyBackupSet(first.dir);
  const verifyMs = performance.now() - t;
  db.close();

  const restoreDb = path.join(root, 'restored', 'checkpoint.db');
  fs.rmSync(path.dirname(restoreDb), { recursive: true, force: true });
  t = performance.now();
  await restoreBackupSet({ setDir: first.dir, dbPath: restoreDb, actor: { id: null, name: 'bench' }, now: new Date(), force: true });
  const restoreMs = performance.now() - t;

  return {
    'registrations in the backed-up database': registrations.toLocaleString('en'),
    'attachments (8 KB each)': first.manifest.attachments.length.toLocaleString('en'),
    'first backup: time (db copy + attachments + hashes + manifest)': s(firstMs),
    'first backup: size (database / attachments)': `${mb(bytes)} / ${mb(attachmentBytes)}`,
    'second backup (attachments already in the pool): time': s(secondMs),
    'kiosk saves with no backup running: count, p50, p95, max': `${idle.saves}, ${idle.p50Ms} ms, ${idle.p95Ms} ms, ${idle.maxMs} ms`,
    'kiosk saves during the second backup: count, p50, p95, max (target p95 < 15 ms)': `${during.saves}, ${during.p50Ms} ms, ${during.p95Ms} ms, ${during.maxMs} ms`,
    'verification (hashes, integrity_check, audit chain): time': `${s(verifyMs)} (${verified.ok ? 'ok' : 'FAILED'})`,
    'restore (verify again, copy into place, audit): time': s(restoreMs),
  };
}
