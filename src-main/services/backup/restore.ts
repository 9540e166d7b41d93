/**
 * Restores a verified backup set into place. The live database (with its WAL files and key files) is moved
 * aside into `replaced-<time>/` beside it, never deleted; attachments the set needs are added to the live
 * folder (content-addressed, so nothing there is overwritten). The restore is audited in the restored
 * database itself. The caller closes its connection first and reopens afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../db/open.ts';
import { localDateCompact, toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { rolesOf } from '../accounts/accounts.ts';
import { appendAudit } from '../audit.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import type { Actor } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { listFiles, syncDir } from './files.ts';
import { DB_FILE, poolDirOf } from './manifest.ts';
import { verifyBackupSet, type SetVerification } from './verify.ts';

export interface RestorePreview {
  verification: SetVerification;
  /** Audit entries and registrations in the current database that the set does not hold (null: no readable current database). */
  later: { auditEntries: number; registrations: number } | null;
}

/** What the current database holds beyond the set's audit head; the backups' own result entries do not count. */
function laterThan(dbPath: string, setHeadSeq: number): { auditEntries: number; registrations: number } | null {
  if (!fs.existsSync(dbPath)) return null;
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const auditEntries = (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE seq > ? AND action NOT LIKE 'backup.%'").get(setHeadSeq) as { n: number }).n;
      const registrations = (db.prepare('SELECT COUNT(*) AS n FROM registrations').get() as { n: number }).n;
      return { auditEntries, registrations };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** What restoring the set would mean: its verification, and what the current database holds beyond it. */
export async function previewRestore(setDir: string, dbPath: string): Promise<RestorePreview> {
  const verification = await verifyBackupSet(setDir);
  const m = verification.manifest;
  const current = m ? laterThan(dbPath, m.auditHead?.seq ?? 0) : null;
  if (!current || !m) return { verification, later: null };
  return { verification, later: { ...current, registrations: Math.max(0, current.registrations - (m.rowCounts.registrations ?? 0)) } };
}

function moveAside(dbPath: string, now: Date): string | null {
  const dir = path.dirname(path.resolve(dbPath));
  const present = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`].filter((f) => fs.existsSync(f));
  const keys = path.join(dir, 'keys');
  if (present.length === 0 && !fs.existsSync(keys)) return null;
  let aside = path.join(dir, `replaced-${localDateCompact(now)}-${toLocalIso(now).slice(11, 19).replaceAll(':', '')}`);
  for (let n = 2; fs.existsSync(aside); n++) aside = `${aside.replace(/-\d+$/, '')}-${n}`;
  fs.mkdirSync(aside);
  for (const f of present) fs.renameSync(f, path.join(aside, path.basename(f)));
  if (fs.existsSync(keys)) fs.renameSync(keys, path.join(aside, 'keys'));
  syncDir(dir);
  return aside;
}

export async function restoreBackupSet(options: { setDir: string; dbPath: string; actor: Actor; now: Date; force: boolean }) {
  const { setDir, dbPath, actor, now } = options;
  const preview = await previewRestore(setDir, dbPath);
  const { verification } = preview;
  if (!verification.ok || !verification.manifest) {
    throw new ServiceError('conflict', 'backup.restoreRefused', { reasons: verification.problems.map((p) => p.key.split('.').pop()).join(', ') });
  }
  if (preview.later && preview.later.auditEntries > 0 && !options.force) {
    throw new ServiceError('conflict', 'backup.restoreOlder', { ...preview.later });
  }
  const manifest = verification.manifest;
  const dir = path.dirname(path.resolve(dbPath));
  fs.mkdirSync(dir, { recursive: true });

  // Attachments first: a restored database never points at a file that is not there.
  const live = path.join(dir, 'attachments');
  fs.mkdirSync(live, { recursive: true });
  for (const a of manifest.attachments) {
    const target = path.join(live, a.sha256);
    if (fs.existsSync(target)) continue;
    fs.copyFileSync(path.join(poolDirOf(setDir), a.sha256), `${target}.restore.tmp`);
    fs.renameSync(`${target}.restore.tmp`, target);
  }
  const incoming = `${dbPath}.restoring`;
  fs.copyFileSync(path.join(setDir, DB_FILE), incoming);
  const keptAside = moveAside(dbPath, now);
  for (const rel of listFiles(path.join(setDir, 'keys'))) {
    fs.mkdirSync(path.dirname(path.join(dir, 'keys', rel)), { recursive: true });
    fs.copyFileSync(path.join(setDir, 'keys', rel), path.join(dir, 'keys', rel));
  }
  fs.renameSync(incoming, dbPath);
  syncDir(dir);

  const db = openDatabase(dbPath);
  try {
    db.transaction(() => appendAudit(db, {
      actor, action: 'backup.restore', entity: 'backup', entityId: manifest.name, at: now,
      after: { set: manifest.name, createdAt: manifest.createdAt, auditHead: manifest.auditHead, keptAside, later: preview.later },
    }))();
  } finally {
    db.close();
  }
  return { manifest, keptAside, later: preview.later };
}

/**
 * Who may restore a set: an active administrator of the data being restored, by that data's own password,
 * so a restore onto a new PC (no database yet) is still an administrator's act.
 */
export function administratorOfSet(setDir: string, username: string, password: string): Actor {
  const copy = new Database(path.join(setDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const row = copy.prepare('SELECT id, username, password_hash, active FROM users WHERE username = ?').get(username) as
      | { id: number; username: string; password_hash: string; active: number } | undefined;
    if (!row || row.active !== 1 || !verifyPassword(password, row.password_hash)) throw new ServiceError('unauthorized', 'errors.badCredentials');
    if (!rolesOf(copy, row.id).includes('admin')) throw new ServiceError('forbidden', 'errors.forbidden');
    return { id: row.id, name: row.username };
  } finally {
    copy.close();
  }
}
