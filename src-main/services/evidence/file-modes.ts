import fs from 'node:fs';
import path from 'node:path';

/**
 * The files that must be owner-only on Linux: the database, its WAL and shared memory, the attachments
 * and key folders and every key file. Returns one line per path readable or writable by others.
 */
export function widerThanOwner(dbFile: string): string[] {
  if (process.platform === 'win32') return [];
  const dir = path.dirname(path.resolve(dbFile));
  const keys = path.join(dir, 'keys');
  const keyFiles = fs.existsSync(keys) ? fs.readdirSync(keys).map((f) => path.join(keys, f)) : [];
  const paths = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, path.join(dir, 'attachments'), keys, ...keyFiles];
  const wide: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const mode = fs.statSync(p).mode & 0o777;
    if (mode & 0o077) wide.push(`${p} is ${mode.toString(8).padStart(4, '0')}; should be owner-only (${fs.statSync(p).isDirectory() ? '0700' : '0600'})`);
  }
  return wide;
}
