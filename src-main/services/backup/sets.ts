/** The sets in a target folder: listing them, and pruning by retention (sets, then pool files no set needs). */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupSetSummary } from '../../../src-shared/contract/backup.ts';
import { setsToKeep, type RetentionPolicy } from '../../../src-shared/domain/backup-retention.ts';
import { ServiceError } from '../errors.ts';
import { POOL_DIR, readManifest, type Manifest } from './manifest.ts';

/** Leftovers of an interrupted backup are left alone this long, in case another process is still writing them. */
const STALE_MS = 3600_000;

export function summarize(m: Manifest): BackupSetSummary {
  return {
    name: m.name, createdAt: m.createdAt, appVersion: m.appVersion, schemaVersion: m.schemaVersion,
    registrations: m.rowCounts.registrations ?? 0, auditEntries: m.auditHead?.seq ?? 0, attachments: m.attachments.length,
    sizeBytes: m.files.reduce((n, f) => n + f.bytes, 0) + m.attachments.reduce((n, a) => n + a.bytes, 0),
  };
}

/** Finished sets in the folder, newest first (a `.partial-` folder is never one). */
export function listSets(outDir: string): { dir: string; manifest: Manifest }[] {
  if (!fs.existsSync(outDir)) throw new ServiceError('not-found', 'backup.targetMissing', { target: outDir });
  const found = [];
  for (const e of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (!e.isDirectory() || !e.name.startsWith('checkpoint-')) continue;
    const manifest = readManifest(path.join(outDir, e.name));
    if (manifest) found.push({ dir: path.join(outDir, e.name), manifest });
  }
  return found.sort((a, b) => b.manifest.createdAtUtc.localeCompare(a.manifest.createdAtUtc));
}

export function findSet(outDir: string, name: string): string {
  const dir = path.join(outDir, name);
  if (!/^checkpoint-[\w-]+$/.test(name) || !readManifest(dir)) throw new ServiceError('not-found', 'backup.setNotFound', { name });
  return dir;
}

export function pruneTarget(outDir: string, policy: RetentionPolicy, now: Date): string[] {
  const sets = listSets(outDir);
  const keep = setsToKeep(sets.map((s) => ({ name: s.manifest.name, createdAt: new Date(s.manifest.createdAtUtc) })), policy);
  const removed: string[] = [];
  for (const s of sets) {
    if (keep.has(s.manifest.name)) continue;
    fs.rmSync(s.dir, { recursive: true, force: true });
    removed.push(s.manifest.name);
  }
  const needed = new Set(sets.filter((s) => keep.has(s.manifest.name)).flatMap((s) => s.manifest.attachments.map((a) => a.sha256)));
  const stale = (file: string) => now.getTime() - fs.statSync(file).mtimeMs > STALE_MS;
  const pool = path.join(outDir, POOL_DIR);
  if (fs.existsSync(pool)) {
    for (const name of fs.readdirSync(pool)) if (!needed.has(name) && stale(path.join(pool, name))) fs.rmSync(path.join(pool, name), { force: true });
  }
  for (const name of fs.readdirSync(outDir)) {
    if (name.startsWith('.partial-') && stale(path.join(outDir, name))) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
  return removed;
}
