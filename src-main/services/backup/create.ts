/**
 * Writes one backup set: the database through SQLite's online backup API (consistent while the kiosk keeps
 * saving; better-sqlite3 yields to the event loop between steps), the attachments into the target's shared
 * pool (each content copied once), the key files as they are, and the manifest. Everything is written under
 * `.partial-<name>` and renamed when complete, so a set that exists is a set that was finished.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Db } from '../../../db/open.ts';
import { localDateCompact, toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { ServiceError } from '../errors.ts';
import { listFiles, sha256File, syncDir, targetError, writeFileAtomic } from './files.ts';
import { DB_FILE, MANIFEST_FILE, MANIFEST_FORMAT, POOL_DIR, type Manifest, type ManifestFile } from './manifest.ts';

export interface CreateOptions {
  /** The target folder (USB drive, second disk, share); it must exist — a missing drive is reported, not created. */
  outDir: string;
  now: Date;
  appVersion: string;
  /** Pages copied per step of the online backup; smaller steps keep kiosk saves quicker during a backup. */
  pagesPerStep?: number;
}

export function keysDirOf(db: Db): string {
  return path.join(path.dirname(path.resolve(db.name)), 'keys');
}

export function liveAttachmentsDirOf(db: Db): string {
  return path.join(path.dirname(path.resolve(db.name)), 'attachments');
}

function setName(db: Db, now: Date): string {
  const station = db.prepare('SELECT code FROM station WHERE id = 1').get() as { code: string } | undefined;
  const time = toLocalIso(now).slice(11, 19).replaceAll(':', '');
  return `checkpoint-${station?.code ?? 'new'}-${localDateCompact(now)}-${time}`;
}

/** Row counts, schema version, station and audit head, read from the copy so they describe exactly what it holds. */
export function describeCopy(copy: Db): Pick<Manifest, 'schemaVersion' | 'station' | 'rowCounts' | 'auditHead'> {
  const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const rowCounts: Record<string, number> = {};
  for (const { name } of tables) rowCounts[name] = (copy.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
  const station = (copy.prepare('SELECT name, code FROM station WHERE id = 1').get() as { name: string; code: string } | undefined) ?? null;
  const auditHead = (copy.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
  return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, station, rowCounts, auditHead };
}

/** Copies one attachment into the pool unless it is there; a live file whose content is not its name is refused. */
async function poolAttachment(liveDir: string, poolDir: string, sha256: string): Promise<number> {
  const target = path.join(poolDir, sha256);
  if (fs.existsSync(target)) return fs.statSync(target).size;
  const source = path.join(liveDir, sha256);
  if (!fs.existsSync(source)) throw new ServiceError('conflict', 'backup.attachmentMissing', { sha256 });
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.promises.copyFile(source, tmp);
  await fsyncFile(tmp);
  if ((await sha256File(tmp)) !== sha256) {
    fs.rmSync(tmp, { force: true });
    throw new ServiceError('conflict', 'backup.attachmentCorrupt', { sha256 });
  }
  fs.renameSync(tmp, target);
  return fs.statSync(target).size;
}

export async function createBackupSet(db: Db, options: CreateOptions): Promise<{ dir: string; manifest: Manifest }> {
  const { outDir, now } = options;
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) throw new ServiceError('not-found', 'backup.targetMissing', { target: outDir });
  let name = setName(db, now);
  for (let n = 2; fs.existsSync(path.join(outDir, name)); n++) name = `${setName(db, now)}-${n}`;
  const partial = path.join(outDir, `.partial-${name}`);
  const finalDir = path.join(outDir, name);
  try {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial);
    const dbCopy = path.join(partial, DB_FILE);
    await db.backup(dbCopy, { progress: () => options.pagesPerStep ?? 64 });
    // One self-contained file: a rollback journal, not WAL, so the copy opens read-only anywhere without side files.
    const copy = new Database(dbCopy);
    let described: ReturnType<typeof describeCopy>;
    let shas: { sha256: string }[];
    try {
      copy.pragma('journal_mode = DELETE');
      described = describeCopy(copy);
      shas = copy.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').all() as { sha256: string }[];
    } finally {
      copy.close();
    }

    const poolDir = path.join(outDir, POOL_DIR);
    fs.mkdirSync(poolDir, { recursive: true });
    const liveDir = liveAttachmentsDirOf(db);
    const attachments: Manifest['attachments'] = [];
    for (const [i, { sha256 }] of shas.entries()) {
      attachments.push({ sha256, bytes: await poolAttachment(liveDir, poolDir, sha256) });
      if (i % 16 === 15) await yieldToEventLoop();
    }

    const keysDir = keysDirOf(db);
    for (const rel of listFiles(keysDir)) {
      fs.mkdirSync(path.dirname(path.join(partial, 'keys', rel)), { recursive: true });
      fs.copyFileSync(path.join(keysDir, rel), path.join(partial, 'keys', rel));
    }
    const files: ManifestFile[] = [];
    for (const rel of listFiles(partial)) {
      const file = path.join(partial, rel);
      files.push({ path: rel, sha256: await sha256File(file), bytes: fs.statSync(file).size });
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT, name, createdAt: toLocalIso(now), createdAtUtc: now.toISOString(), appVersion: options.appVersion,
      ...described, files, attachments,
    };
    for (const f of files) await fsyncFile(path.join(partial, f.path));
    writeFileAtomic(path.join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    syncDir(partial);
    fs.renameSync(partial, finalDir);
    syncDir(outDir);
    return { dir: finalDir, manifest };
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (err instanceof ServiceError) throw err;
    throw targetError(err, outDir);
  }
}

/** Copies reach the disk before the manifest (or pool name) that vouches for them does; off the event loop, as a large copy's fsync takes long. */
async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try { await handle.sync(); } finally { await handle.close(); }
}
