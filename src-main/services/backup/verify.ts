/**
 * Checks a backup set where it lies: every file against the manifest's SHA-256, every attachment in the
 * pool, then the database copy opened read-only — `PRAGMA integrity_check`, the audit chain, and the row
 * counts and audit head the manifest claims. Nothing in the set is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyAudit } from '../audit.ts';
import { describeCopy } from './create.ts';
import { sha256File } from './files.ts';
import { DB_FILE, poolDirOf, readManifest, type Manifest } from './manifest.ts';

export interface Problem {
  /** An i18n key under backup.problem. */
  key: string;
  params: Record<string, string | number>;
}

export interface SetVerification {
  ok: boolean;
  manifest: Manifest | null;
  problems: Problem[];
  auditEntries: number;
}

async function fileProblem(file: string, label: string, expected: { sha256: string; bytes: number }): Promise<Problem | null> {
  if (!fs.existsSync(file)) return { key: 'backup.problem.fileMissing', params: { file: label } };
  if (fs.statSync(file).size !== expected.bytes || (await sha256File(file)) !== expected.sha256) {
    return { key: 'backup.problem.fileChanged', params: { file: label } };
  }
  return null;
}

function checkDatabase(file: string, manifest: Manifest): { problems: Problem[]; auditEntries: number } {
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { problems: [{ key: 'backup.problem.dbUnreadable', params: { reason: (err as Error).message } }], auditEntries: 0 };
  }
  try {
    const integrity = copy.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') return { problems: [{ key: 'backup.problem.integrity', params: { reason: integrity } }], auditEntries: 0 };
    const problems: Problem[] = [];
    const audit = verifyAudit(copy);
    if (!audit.ok) problems.push({ key: 'backup.problem.audit', params: { seq: audit.brokenAt!.seq, reason: audit.brokenAt!.reason } });
    const described = describeCopy(copy);
    if (JSON.stringify(described.rowCounts) !== JSON.stringify(manifest.rowCounts) || described.auditHead?.hash !== manifest.auditHead?.hash) {
      problems.push({ key: 'backup.problem.contentsDiffer', params: {} });
    }
    const listed = new Set(manifest.attachments.map((a) => a.sha256));
    for (const { sha256 } of copy.prepare('SELECT DISTINCT sha256 FROM attachments').all() as { sha256: string }[]) {
      if (!listed.has(sha256)) problems.push({ key: 'backup.problem.fileMissing', params: { file: `attachments/${sha256}` } });
    }
    return { problems, auditEntries: audit.entries };
  } catch (err) {
    return { problems: [{ key: 'backup.problem.dbUnreadable', params: { reason: (err as Error).message } }], auditEntries: 0 };
  } finally {
    copy.close();
  }
}

export async function verifyBackupSet(setDir: string): Promise<SetVerification> {
  const manifest = readManifest(setDir);
  if (!manifest) return { ok: false, manifest: null, problems: [{ key: 'backup.problem.noManifest', params: { dir: setDir } }], auditEntries: 0 };
  const problems: Problem[] = [];
  for (const f of manifest.files) {
    const p = await fileProblem(path.join(setDir, ...f.path.split('/')), f.path, f);
    if (p) problems.push(p);
  }
  const pool = poolDirOf(setDir);
  for (const a of manifest.attachments) {
    const p = await fileProblem(path.join(pool, a.sha256), `attachments/${a.sha256}`, a);
    if (p) problems.push(p);
  }
  // A copy whose bytes are not the ones written is not opened at all: SQLite on a damaged file proves nothing more.
  let auditEntries = 0;
  if (!problems.some((p) => p.params.file === DB_FILE)) {
    const db = checkDatabase(path.join(setDir, DB_FILE), manifest);
    problems.push(...db.problems);
    auditEntries = db.auditEntries;
  }
  return { ok: problems.length === 0, manifest, problems, auditEntries };
}
