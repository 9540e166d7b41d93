/**
 * Evidence: `audit verify` over a database of registrations with both audit logs (time, peak memory), and
 * what the row-audit triggers add to one registration save, measured with and without them in one run.
 * BENCH_EVIDENCE_REGISTRATIONS scales the database (default 100,000; the figure is 1,000,000).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { insertRegistration } from '../db/registrations-repo.ts';
import { rowAuditTriggersSql } from '../db/row-audit-sql.ts';
import { ROW_AUDITED_TABLES_018 as ROW_AUDITED_TABLES } from '../db/migrations/018-transit.ts';
import { appendAudit, snapshotRow } from '../src-main/services/audit.ts';
import { listUsers } from '../src-main/services/accounts/accounts.ts';
import { verifyEvidence } from '../src-main/services/evidence/verify.ts';
import { sampleRegistration, seededRandom } from '../src-main/demo/sample-registration.ts';
import { benchDatabase } from './generate.ts';
import type { Db } from '../db/open.ts';

const COUNT = Number(process.env.BENCH_EVIDENCE_REGISTRATIONS ?? 100_000);
const SAVES = 1000;

function timeSaves(db: Db, from: number): number {
  const rnd = seededRandom(7);
  const operator = listUsers(db)[0]!;
  const save = db.transaction((i: number) => {
    const at = new Date(Date.UTC(2026, 5, 1) + i * 1000);
    const id = insertRegistration(db, {
      recordNumber: `CD-EVB-${i}`, revision: 1, amendsId: null, amendmentReason: null, stationCode: 'CD01', operatorId: operator.id,
      registeredAt: at.toISOString(), data: { ...sampleRegistration(rnd, '冀A12345'), training: true }, // training rows leave the reusable database's count as it was
    });
    appendAudit(db, { actor: { id: operator.id, name: operator.username }, action: 'registrations.create', entity: 'registration', entityId: id, after: snapshotRow(db, 'registration', id), at });
  });
  const t = performance.now();
  for (let i = from; i < from + SAVES; i++) save(i);
  return (performance.now() - t) / SAVES;
}

export function benchEvidence(): Record<string, string | number> {
  const t0 = performance.now();
  const { db } = benchDatabase(COUNT, path.resolve('.tmp', `bench-evidence-${COUNT}.db`));
  const built = (performance.now() - t0) / 1000;
  const entries = db.prepare('SELECT count(*) FROM row_audit').pluck().get() as number;
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t = performance.now();
  const result = verifyEvidence(db);
  const verifySeconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const withTriggers = timeSaves(db, 10_000_000);
  db.exec(['insert', 'update', 'delete'].map((op) => `DROP TRIGGER row_audit_registrations_${op};`).join(''));
  const without = timeSaves(db, 20_000_000);
  db.exec(rowAuditTriggersSql('registrations', ROW_AUDITED_TABLES.registrations!));
  db.close();
  return {
    'registrations in the database (target figure: 1,000,000)': COUNT.toLocaleString('en'),
    'database built or reused in': `${built.toFixed(1)} s`,
    'row-audit entries': entries.toLocaleString('en'),
    'audit verify (both chains, every table, balances)': `${verifySeconds.toFixed(2)} s (${result.ok ? 'OK' : 'findings'})`,
    'audit verify memory: RSS before → peak (sampled every 20 ms)': `${(rssBefore / 2 ** 20).toFixed(0)} → ${(peakRss / 2 ** 20).toFixed(0)} MB`,
    [`save with row audit (mean of ${SAVES}, own transaction each)`]: `${withTriggers.toFixed(3)} ms`,
    [`save without row audit (same, triggers dropped)`]: `${without.toFixed(3)} ms`,
    'added by the row audit per save (target < 0.3 ms)': `${(withTriggers - without).toFixed(3)} ms`,
  };
}
