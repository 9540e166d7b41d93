/**
 * Migration 009 rebuilds the certificate tables to admit the `review` outcome. A database made before it must
 * come through with every row identical (so the audit chain still verifies), its foreign keys intact, and
 * the new outcome and decision table usable.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { verifyAudit } from '../../../src-main/services/audit.ts';
import { copyRows } from '../../support/copy-rows.ts';
import { createFixture, tempDbPath, validRegistration, type Fixture } from '../../support/app-fixture.ts';

const TABLES = ['users', 'registrations', 'certificate_checks', 'certificate_overrides', 'follow_up_samples', 'audit_log'] as const;
const MIGRATION_009 = migrations.findIndex((m) => m.includes('CREATE TABLE certificate_reviews'));

let f: Fixture | undefined;
afterEach(() => f?.app.close());

describe('migration 009 (人工核验)', () => {
  it('keeps every certificate row and audit entry of an older database, and admits review', async () => {
    // Real rows made by the app: a check with an override, a sample with its result, and their audit entries.
    f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    const officer = await f.tokenFor('officer');
    const reg = await f.call('registrations.create', { ...validRegistration(1), coalKind: 'anthracite-lump', intendedUse: 'civil', destinationInHebei: true }, kiosk);
    const check = await f.call('certificates.check', { registrationId: reg.id, report: null }, kiosk);
    await f.call('certificates.override', { checkId: check.id, outcome: 'sample', reason: '主管复核' }, await f.tokenFor('supervisor'));
    const sample = await f.call('certificates.recordSample', { registrationId: reg.id, sampleNumber: 'CY-1', lab: '检验站' }, officer);
    await f.call('certificates.recordSampleResult', { sampleId: sample.id, reportNumber: 'JY-1', results: [{ item: 'A', basis: 'd', value: 10, unit: '%' }] }, officer);

    const old = new Database(tempDbPath());
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATION_009);
    for (const table of TABLES) copyRows(f.app.db, old, table);
    const before = Object.fromEntries(TABLES.map((t) => [t, old.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
    expect(() => old.prepare("UPDATE certificate_checks SET outcome = 'review'").run()).toThrow(/CHECK/);

    migrate(old);
    // Every value that was there is still there (later migrations may add columns, never change a row).
    const asBefore = (rows: unknown[], like: unknown[]) => rows.map((r, i) => Object.fromEntries(Object.keys((like[i] ?? {}) as object).map((k) => [k, (r as Record<string, unknown>)[k]])));
    for (const table of TABLES) expect(asBefore(old.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(), before[table]!)).toEqual(before[table]);
    expect(old.pragma('foreign_key_check')).toEqual([]);
    expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(old).ok).toBe(true);
    // Foreign keys still point at the rebuilt checks table.
    expect(() => old.prepare("INSERT INTO certificate_overrides (check_id, outcome, reason, overridden_at, overridden_by) VALUES (999, 'seize', 'x', 't', 1)").run()).toThrow(/FOREIGN KEY/);
    expect(() => old.prepare("INSERT INTO certificate_reviews (check_id, outcome, reason, decided_at, decided_by) VALUES (999, 'seize', 'x', 't', 1)").run()).toThrow(/FOREIGN KEY/);
    // The new outcome is admitted on checks, never on decisions.
    old.prepare("UPDATE certificate_checks SET outcome = 'review'").run();
    expect(() => old.prepare(`INSERT INTO certificate_reviews (check_id, outcome, reason, decided_at, decided_by) VALUES (${check.id}, 'review', 'x', 't', 1)`).run()).toThrow(/CHECK/);
    expect(() => old.prepare(`INSERT INTO certificate_overrides (check_id, outcome, reason, overridden_at, overridden_by) VALUES (${check.id}, 'review', 'x', 't', 1)`).run()).toThrow(/CHECK/);
    old.close();
  });
});
