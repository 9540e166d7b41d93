import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ROW_AUDITED_TABLES } from '../../../db/migrations/017-row-audit.ts';
import { verifyEvidence } from '../../../src-main/services/evidence/verify.ts';
import { openApp, seededDatabase, tamperBehindApp, type Tamper } from './tamper-support.ts';

let seed = '';
let demo = '';
beforeAll(async () => {
  ({ seeded: seed, demo } = await seededDatabase());
}, 240_000);

describe('row audit: every write to every audited table is in the chain', () => {
  it('a database written only through the app verifies clean', () => {
    const db = openApp(demo);
    const result = verifyEvidence(db);
    db.close();
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.head!.seq).toBeGreaterThan(100);
  });

  it('the seeded copy has a row in every audited table and no row-audit finding', () => {
    const db = openApp(seed);
    expect(verifyEvidence(db).findings).toEqual([]);
    for (const table of Object.keys(ROW_AUDITED_TABLES)) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBeGreaterThan(0);
    }
    db.close();
  });

  const expected: Record<Tamper, string[]> = { change: ['changed'], insert: ['inserted'], delete: ['deleted'] };
  const cases = Object.keys(ROW_AUDITED_TABLES).flatMap((table) => (['change', 'insert', 'delete'] as Tamper[]).map((how) => [table, how] as const));

  it.each(cases)('%s: a row %sd behind the app (triggers dropped) is named by audit verify', (table, how) => {
    const { file, key } = tamperBehindApp(seed, table, how);
    const db = openApp(file);
    const result = verifyEvidence(db);
    db.close();
    expect(result.ok).toBe(false);
    const problem = how === 'change' && !result.findings!.some((f) => f.problem === 'changed') ? 'inserted' : expected[how][0];
    expect(result.findings).toContainEqual({ table, key, problem });
    expect(result.findings).toContainEqual(expect.objectContaining({ table, problem: 'unaudited-trigger' }));
  });

  it('the plain sqlite3 shell cannot write an audited table while the triggers stand', () => {
    let message = '';
    try {
      execFileSync('sqlite3', [seed, "UPDATE settings SET value = 'x'"], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      message = String((err as { stderr: Buffer }).stderr);
    }
    expect(message).toMatch(/no such function: checkpoint_/);
  });
});
