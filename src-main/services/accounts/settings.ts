import { DEFAULT_SETTINGS, Settings } from '../../../src-shared/contract/settings.ts';
import type { Db } from '../../../db/open.ts';
import { appendAudit } from '../audit.ts';
import type { Actor } from '../context.ts';

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return Settings.parse({ ...DEFAULT_SETTINGS, ...stored });
}

export function updateSettings(db: Db, actor: Actor, changes: Partial<Settings>, at: Date): Settings {
  return db.transaction(() => {
    const before = getSettings(db);
    const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(changes)) upsert.run(key, JSON.stringify(value));
    const after = getSettings(db);
    appendAudit(db, { actor, action: 'settings.update', entity: 'settings', before, after, at });
    return after;
  })();
}
