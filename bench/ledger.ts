/**
 * Disposal-point ledger in SQLite: 100,000 movements in a temp database (20 points × 2,000 cases),
 * then the time for the balance of every point, of one point, and for one more disposal appended
 * through the service (which checks its bucket by SQL sums, not by replaying the ledger).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open.ts';
import { insertDisposalPoint } from '../db/handovers-repo.ts';
import { insertMovement } from '../db/ledger-repo.ts';
import { createUser } from '../src-main/services/accounts/accounts.ts';
import { SYSTEM_ACTOR, type CallContext } from '../src-main/services/context.ts';
import { balances, dispose } from '../src-main/services/ledger/ledger.ts';

const MOVEMENTS = 100_000;
const POINTS = 20;

export async function benchLedger(): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-ledger-'));
  const db = openDatabase(path.join(dir, 'ledger.db'));
  try {
    db.prepare("INSERT INTO station (id, name, code, created_at) VALUES (1, 'bench', 'BN01', '2026-01-01T00:00:00Z')").run();
    const user = createUser(db, SYSTEM_ACTOR, { username: 'disposal', displayName: 'bench', roles: ['disposal'], password: 'bench-pass-1' }, new Date());
    for (let p = 1; p <= POINTS; p++) insertDisposalPoint(db, { code: `P${p}`, name: `处置点${p}`, address: '-', at: '2026-01-01T00:00:00Z' });

    let t = performance.now();
    const start = Date.UTC(2026, 0, 1);
    db.transaction(() => {
      for (let i = 0; i < MOVEMENTS; i++) {
        const b = i % 2000;
        const pointId = (b % POINTS) + 1;
        const base = { id: `m${i}`, at: new Date(start + i * 1000).toISOString(), pointId: String(pointId), caseId: `C${b}`, coalKind: '劣质散煤', operator: 'bench' };
        const extra = { pointId, operatorId: user.id, handoverId: null };
        // Each bucket receives 40 t, then four disposals of 10 t: the stock never goes negative.
        if (Math.floor(i / 2000) % 5 === 0) {
          insertMovement(db, { ...base, kind: 'receipt', handoverFormNo: 'YJ', handedOverKg: 40_000, quantityKg: 40_000 }, extra,
            { receivedKg: 40_000, disposedKg: 0, releasedKg: 0, gainKg: 0, lossKg: 0, balanceKg: 40_000, proceedsFen: 0 });
        } else {
          insertMovement(db, { ...base, kind: 'disposal', method: 'blending', quantityKg: 10_000, authorityRef: 'A' }, extra,
            { receivedKg: 0, disposedKg: 10_000, releasedKg: 0, gainKg: 0, lossKg: 0, balanceKg: -10_000, proceedsFen: 0 });
        }
      }
    })();
    const loadMs = performance.now() - t;

    t = performance.now();
    const all = balances(db);
    const allMs = performance.now() - t;
    t = performance.now();
    balances(db, 1);
    const oneMs = performance.now() - t;

    // The synthetic ledger ends with each bucket emptied; receive nothing more, dispose nothing: check a refusal path too.
    const ctx: CallContext = { db, now: () => new Date(start + MOVEMENTS * 1000), session: { token: 'bench', user, lastSeenMs: 0 } };
    t = performance.now();
    let refused = false;
    try {
      dispose(ctx, { pointId: 1, caseRef: 'C0', coalKind: '劣质散煤', method: 'blending', quantityKg: 1, authorityRef: 'A' });
    } catch {
      refused = true;
    }
    const appendCheckMs = performance.now() - t;

    return {
      'ledger.movements': MOVEMENTS,
      'ledger.loadMs': Math.round(loadMs),
      'ledger.balanceAllPointsMs': Number(allMs.toFixed(1)),
      'ledger.balanceOnePointMs': Number(oneMs.toFixed(1)),
      'ledger.appendCheckMs': Number(appendCheckMs.toFixed(2)),
      'ledger.overdrawRefused': refused ? 'yes' : 'NO',
      'ledger.totalStockKg': all.reduce((s, p) => s + p.stockKg, 0),
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
