/** The manifest of a backup set: what it holds and the hash of every file, so a copy can be checked anywhere. */
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST_FORMAT = 'coal-checkpoint-backup/1';
export const MANIFEST_FILE = 'manifest.json';
export const DB_FILE = 'checkpoint.db';
/** Attachments live once per target folder, by content hash, shared by every set in it. */
export const POOL_DIR = 'attachments';

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  name: string;
  /** Beijing time with its +08:00 offset, as the people at the checkpoint read it. */
  createdAt: string;
  createdAtUtc: string;
  appVersion: string;
  schemaVersion: number;
  station: { name: string; code: string } | null;
  rowCounts: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
  /** The database copy and the key files (sealed material as is), relative to the set folder. */
  files: ManifestFile[];
  /** Attachment contents in the target folder's shared pool (`attachments/<sha256>`). */
  attachments: { sha256: string; bytes: number }[];
}

export function poolDirOf(setDir: string): string {
  return path.join(path.dirname(path.resolve(setDir)), POOL_DIR);
}

/** Reads a set's manifest; null when there is none or it is not one of ours. */
export function readManifest(setDir: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(setDir, MANIFEST_FILE), 'utf8')) as Manifest;
    return m.format === MANIFEST_FORMAT ? m : null;
  } catch {
    return null;
  }
}
