/**
 * Document and ledger benchmarks: time to render the on-the-spot seizure set and the size of each
 * PDF, and the time to replay a 100,000-movement disposal ledger (pure, no database).
 */
import { performance } from 'node:perf_hooks';
import { renderSeizureSet } from '../src-main/services/documents/pdf/render.ts';
import { replayLedger, type Movement } from '../src-shared/domain/disposal-ledger.ts';
import { sampleCase } from '../test/integration/documents/fixture.ts';

const SET_NUMBERS = {
  'seizure-decision': '冀承市监强〔2026〕第0007号',
  'inventory-list': '冀承市监强清〔2026〕第0007号',
  'onsite-record': '冀承市监笔〔2026〕第0007号',
  'service-receipt': '冀承市监送〔2026〕第0007号',
};

/**
 * 2,000 buckets (20 points × 2,000 cases); each bucket receives 40 t, then four disposals of 10 t
 * follow, so the stock never goes negative.
 */
function syntheticLedger(count: number): Movement[] {
  const out: Movement[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const b = i % 2000;
    const bucket = { pointId: `P${b % 20}`, caseId: `C${b}`, coalKind: b % 2 === 0 ? '无烟块煤' : '劣质散煤', operator: 'bench' };
    const at = new Date(start + i * 1000).toISOString();
    out.push(
      Math.floor(i / 2000) % 5 === 0
        ? { ...bucket, kind: 'receipt', id: `m${i}`, at, handoverFormNo: 'YJ', handedOverKg: 40_000, quantityKg: 40_000 }
        : { ...bucket, kind: 'disposal', id: `m${i}`, at, method: 'blending', quantityKg: 10_000, authorityRef: 'A' },
    );
  }
  return out;
}

export async function benchDocuments(): Promise<Record<string, string | number>> {
  const result: Record<string, string | number> = {};
  // First run loads and parses the 15 MB font files; report it apart from the steady state.
  let t = performance.now();
  await renderSeizureSet(sampleCase({ service: undefined }), SET_NUMBERS);
  result.seizureSetColdMs = Math.round(performance.now() - t);

  t = performance.now();
  const set = await renderSeizureSet(sampleCase({ service: undefined }), SET_NUMBERS);
  result.seizureSetMs = Math.round(performance.now() - t);
  for (const doc of set) result[`${doc.kind}Kb`] = Math.round(doc.pdf.length / 1024);

  const movements = syntheticLedger(100_000);
  t = performance.now();
  const state = replayLedger(movements);
  result.ledger100kReplayMs = Math.round(performance.now() - t);
  result.ledgerBuckets = state.buckets.size;
  result.ledgerNegativeBuckets = [...state.buckets.values()].filter((b) => b.balanceKg < 0).length;
  return result;
}
