// @ts-nocheck
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, openDatabase } from '../../../db/open.ts';
import { insertDisposalPoint } from '../../../db/handovers-repo.ts';
import { insertMovement, pointBalances, type Effect } from '../../../db/ledger-repo.ts';
import { tempDbPath } from '../../support/app-fixture.ts';

const none: Effect = { receivedKg: 0, disposedKg: 0, gainKg: 0, lossKg: 0, balanceKg: 0, proceedsFen: 0 };
const base = (id: string) => ({ id, at: '2026-11-28T01:00:00Z', pointId: '1', caseId: 'C1', coalKind: '劣质散煤', operator: 'clerk' });
const extra = { pointId: 1, operatorId: null, handoverId: null };

function receipt(db: Database.Database, id: string, kg: number) {
  insertMovement(db, { ...base(id), kind: 'receipt', handoverFormNo: 'YJ-1', handedOverKg: kg, quantityKg: kg }, extra, { ...none, receivedKg: kg, balanceKg: kg });
}
function disposal(db: Database.Database, id: string, kg: number) {
  insertMovement(db, { ...base(id), kind: 'disposal', method: 'blending', quantityKg: kg, authorityRef: 'A-1' }, extra, { ...none, disposedKg: kg, balanceKg: -kg });
}

describe('running ledger balances (migration 005)', () => {
  it('follow every movement, and the database itself refuses a negative stock', () => {
    const db = openDatabase(tempDbPath());
    insertDisposalPoint(db, { code: 'P1', name: '承德处置点', address: '-', at: '2026-11-01T00:00:00Z' });
    receipt(db, 'r1', 30_000);
    disposal(db, 'd1', 12_000);
    expect(pointBalances(db)[0]).toMatchObject({ receivedKg: 30_000, disposedKg: 12_000, stockKg: 18_000 });
    expect(() => disposal(db, 'd2', 18_001)).toThrow(/cannot go negative/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ledger_movements').get()).toEqual({ n: 2 });
    expect(pointBalances(db)[0]!.stockKg).toBe(18_000);
  });

  it('are backfilled from the movements already in a database being upgraded', () => {
    const db = new Database(tempDbPath());
    migrate(db, 4);
    insertDisposalPoint(db, { code: 'P1', name: '承德处置点', address: '-', at: '2026-11-01T00:00:00Z' });
    receipt(db, 'r1', 30_000);
    disposal(db, 'd1', 5_000);
    migrate(db);
    expect(pointBalances(db)[0]).toMatchObject({ receivedKg: 30_000, disposedKg: 5_000, stockKg: 25_000 });
  });
});
