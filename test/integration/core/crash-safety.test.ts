import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { openDatabase } from '../../../db/open.ts';
import { createUser } from '../../../src-main/services/accounts/accounts.ts';
import { SYSTEM_ACTOR } from '../../../src-main/services/context.ts';
import { verifyAudit } from '../../../src-main/services/audit.ts';
import { registerLoopBundle } from '../../support/bundles.ts';
import { tempDbPath } from '../../support/app-fixture.ts';

// Each kill lands at a random moment of a busy write loop and is checked on its own; 16 spread them widely enough.
const KILLS = 16;

/** Runs the loop until it has acknowledged at least one record, then SIGKILLs it after a random delay. */
function runAndKill(dbPath: string): Promise<string[]> {
  const child = spawn(process.execPath, [registerLoopBundle, dbPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 400);
        else acked.push(line);
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`loop exited without being killed (${signal})`))));
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged registration across ${KILLS} SIGKILLs, with an intact database and audit chain`, async () => {
    const dbPath = tempDbPath('crash-');
    const setup = openDatabase(dbPath);
    setup.prepare("INSERT INTO station (id, name, code, created_at) VALUES (1, '站', 'CD01', '2026-11-28T00:00:00Z')").run();
    createUser(setup, SYSTEM_ACTOR, { username: 'kiosk', displayName: 'k', roles: ['kiosk'], password: 'kiosk-pass-1' }, new Date());
    setup.close();

    const acknowledged: string[] = [];
    for (let i = 0; i < KILLS; i++) acknowledged.push(...(await runAndKill(dbPath)));
    expect(acknowledged.length).toBeGreaterThan(KILLS);

    const db = openDatabase(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare('SELECT record_number FROM registrations').all() as { record_number: string }[]).map((r) => r.record_number));
    expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    db.close();
  }, 180_000);
});
