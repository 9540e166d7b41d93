/**
 * Where `checkpoint login` keeps its token: one file per database under the user's state folder
 * ($XDG_STATE_HOME, else ~/.local/state; %LOCALAPPDATA% on Windows), readable by its owner only.
 * CHECKPOINT_TOKEN, when set, is used instead (scripts that should not touch the file).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StoredToken {
  token: string;
  username: string;
  expiresAt: string;
}

function stateDir(): string {
  if (process.env.XDG_STATE_HOME) return process.env.XDG_STATE_HOME;
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  return path.join(os.homedir(), '.local', 'state');
}

export function tokenFileOf(dbPath: string): string {
  const id = createHash('sha256').update(path.resolve(dbPath)).digest('hex').slice(0, 16);
  return path.join(stateDir(), 'coal-checkpoint', 'cli-tokens', `${id}.json`);
}

export function saveToken(dbPath: string, stored: StoredToken): string {
  const file = tokenFileOf(dbPath);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(stored) + '\n', { mode: 0o600 });
  return file;
}

/** The token to use for this database, if any (the environment first). */
export function loadToken(dbPath: string): string | undefined {
  if (process.env.CHECKPOINT_TOKEN) return process.env.CHECKPOINT_TOKEN.trim();
  const file = tokenFileOf(dbPath);
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as StoredToken).token;
  } catch {
    return undefined;
  }
}

export function forgetToken(dbPath: string): void {
  rmSync(tokenFileOf(dbPath), { force: true });
}
