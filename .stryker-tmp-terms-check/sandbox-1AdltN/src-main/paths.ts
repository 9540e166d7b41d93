// @ts-nocheck
import os from 'node:os';
import path from 'node:path';

/** The per-user data folder, the same one Electron's app uses, so the CLI and the app share a database. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'coal-checkpoint');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'coal-checkpoint');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'coal-checkpoint');
}

/** --db PATH wins, then CHECKPOINT_DB, then the user-data folder. */
export function resolveDbPath(explicit?: string): string {
  return explicit ?? process.env.CHECKPOINT_DB ?? path.join(defaultDataDir(), 'checkpoint.db');
}
