/**
 * Migration 018 adds the transit flag (过境, domain/transit.ts) to registrations and the vehicle register. Rows made
 * before it are derived by the same rule as the kiosk's (in SQL), and the row audit still verifies: the tables'
 * triggers carry the new column and every existing row has an entry with it.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/open.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { registerRowAuditFunctions } from '../../../db/row-audit.ts';
import { verifyEvidence } from '../../../src-main/services/evidence/verify.ts';
import { isTransit } from '../../../src-shared/domain/transit.ts';
import { copyRows } from '../../support/copy-rows.ts';
import { createFixture, tempDbPath, validRegistration, type Fixture } from '../../support/app-fixture.ts';

const MIGRATION_018 = migrations.findIndex((m) => m.includes('ALTER TABLE registrations ADD COLUMN transit'));
const TABLES = ['station', 'users', 'user_roles', 'registrations', 'vehicle_register', 'audit_log'] as const;
const DESTINATIONS: [string, boolean][] = [
  ['河北承德双桥区', true], ['河北唐山迁安市', true], ['北京密云区', false], ['围场 棋盘山镇', true], ['吉林长春宽城区', true],
  ['某电厂', true], ['承德', false], ['平泉', true], ['秦皇岛', true], ['丰宁满族自治县', true],
];

let f: Fixture | undefined;
afterEach(() => f?.app.close());

describe('migration 018 (过境)', () => {
  it('derives transit for existing trucks as the kiosk does, and the row audit still verifies', async () => {
    expect(MIGRATION_018).toBeGreaterThan(0);
    f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    for (const [i, [destination, destinationInHebei]] of DESTINATIONS.entries()) {
      const { transit: _derived, ...truck } = validRegistration(i + 1);
      await f.call('registrations.create', { ...truck, destination, destinationInHebei }, kiosk);
    }
    const old = new Database(tempDbPath());
    registerRowAuditFunctions(old);
    migrate(old, MIGRATION_018);
    for (const table of TABLES) copyRows(f.app.db, old, table);
    migrate(old);

    const rows = old.prepare('SELECT destination, destination_in_hebei AS inHebei, transit FROM registrations ORDER BY id').all() as { destination: string; inHebei: number; transit: number }[];
    expect(rows.map((r) => r.transit === 1)).toEqual(DESTINATIONS.map(([d, h]) => isTransit(d, h)));
    // The register remembers each plate's last visit with the same flag.
    const mismatched = old.prepare('SELECT count(*) FROM vehicle_register v JOIN registrations r ON r.id = v.last_registration_id WHERE v.transit IS NOT r.transit').pluck().get();
    expect(mismatched).toBe(0);
    expect(verifyEvidence(old).ok).toBe(true);
    // The new column is audited: a later change shows in the chain with it.
    old.prepare('UPDATE registrations SET transit = 1 - transit WHERE id = 1').run();
    const image = JSON.parse(old.prepare("SELECT after_json FROM row_audit WHERE tbl = 'registrations' ORDER BY seq DESC LIMIT 1").pluck().get() as string) as { transit: number };
    expect(image.transit).toBe(1 - rows[0]!.transit);
    old.close();
  });
});
