// @ts-nocheck
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendMovement,
  balancesByPoint,
  bucketKey,
  caseBalanceKg,
  evaluateAppend,
  isConserved,
  replayLedger,
  type Disposal,
  type Movement,
  type Receipt,
} from '../../../src-main/domain/disposal-ledger.ts';

const at = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 60_000).toISOString();
const base = { pointId: 'P1', caseId: 'C1', coalKind: '劣质散煤', operator: '周四' };

function receipt(id: string, kg: number, n = 0, extra: Partial<Receipt> = {}): Receipt {
  return { ...base, kind: 'receipt', id, at: at(n), handoverFormNo: 'YJ-1', handedOverKg: kg, quantityKg: kg, ...extra };
}
function disposal(id: string, kg: number, n = 0, extra: Partial<Disposal> = {}): Disposal {
  return { ...base, kind: 'disposal', id, at: at(n), method: 'blending', quantityKg: kg, authorityRef: '批-1', ...extra };
}

describe('ledger rules', () => {
  it('accepts a receipt and a disposal, and refuses a disposal beyond stock', () => {
    const list: Movement[] = [receipt('r1', 10_000, 1)];
    expect(evaluateAppend(list, disposal('d1', 4_000, 2))).toMatchObject({ ok: true, bucket: { balanceKg: 6_000 } });
    list.push(disposal('d1', 4_000, 2));
    const r = evaluateAppend(list, disposal('d2', 6_001, 3));
    expect(r).toMatchObject({ ok: false, code: 'exceeds-stock' });
    if (!r.ok) expect(r.zh).toContain('超过库存6000千克');
  });

  it('a re-weigh difference at receipt needs a reason', () => {
    expect(evaluateAppend([], receipt('r1', 9_950, 0, { handedOverKg: 10_000 }))).toMatchObject({ ok: false, code: 'difference-reason' });
    expect(evaluateAppend([], receipt('r1', 9_950, 0, { handedOverKg: 10_000, differenceReason: '途中撒漏' }))).toMatchObject({ ok: true, bucket: { balanceKg: 9_950 } });
  });

  it('sale and auction need proceeds in whole fen and a treasury remittance reference', () => {
    const list = [receipt('r1', 10_000)];
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'sale' }))).toMatchObject({ ok: false, code: 'proceeds' });
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'auction', proceedsFen: 12.5, treasuryRemittanceRef: 'GK-1' }))).toMatchObject({ ok: false, code: 'proceeds' });
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'sale', proceedsFen: 80_000 }))).toMatchObject({ ok: false, code: 'remittance' });
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'sale', proceedsFen: 80_000, treasuryRemittanceRef: 'GK-1' }))).toMatchObject({ ok: true, bucket: { proceedsFen: 80_000 } });
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'destruction', proceedsFen: 1 }))).toMatchObject({ ok: false, code: 'proceeds-not-sale' });
  });

  it('corrections are reversals: once, not of a reversal, never making stock negative', () => {
    const list: Movement[] = [receipt('r1', 10_000, 0), disposal('d1', 8_000, 1)];
    expect(evaluateAppend(list, { ...base, kind: 'reversal', id: 'x1', at: at(2), reversesId: 'r1', reason: '录错' })).toMatchObject({ ok: false, code: 'negative-balance' });
    const rev = { ...base, kind: 'reversal' as const, id: 'x2', at: at(2), reversesId: 'd1', reason: '数量录错' };
    expect(evaluateAppend(list, rev)).toMatchObject({ ok: true, bucket: { balanceKg: 10_000, disposedKg: 0 } });
    list.push(rev);
    expect(evaluateAppend(list, { ...rev, id: 'x3', at: at(3) })).toMatchObject({ ok: false, code: 'already-reversed' });
    expect(evaluateAppend(list, { ...rev, id: 'x4', at: at(3), reversesId: 'x2' })).toMatchObject({ ok: false, code: 'reversal-of-reversal' });
    expect(evaluateAppend(list, { ...rev, id: 'x5', at: at(3), reversesId: 'nope' })).toMatchObject({ ok: false, code: 'reversal-target' });
  });

  it('stock-takes: book must be current, variance explained, variance adjusts stock', () => {
    const list: Movement[] = [receipt('r1', 10_000, 0)];
    const take = { ...base, kind: 'stock-take' as const, id: 's1', at: at(1), bookKg: 10_000, physicalKg: 9_800 };
    expect(evaluateAppend(list, take)).toMatchObject({ ok: false, code: 'variance-reason' });
    expect(evaluateAppend(list, { ...take, bookKg: 9_000, physicalKg: 9_000 })).toMatchObject({ ok: false, code: 'stale-book' });
    expect(evaluateAppend(list, { ...take, varianceReason: '水分蒸发' })).toMatchObject({ ok: true, bucket: { balanceKg: 9_800, lossKg: 200 } });
  });

  it('refuses duplicates, backdating, fractional kg', () => {
    const list: Movement[] = [receipt('r1', 10_000, 5)];
    expect(evaluateAppend(list, receipt('r1', 1, 6))).toMatchObject({ ok: false, code: 'duplicate-id' });
    expect(evaluateAppend(list, receipt('r2', 1, 4))).toMatchObject({ ok: false, code: 'backdated' });
    expect(evaluateAppend(list, receipt('r2', 1.5, 6))).toMatchObject({ ok: false, code: 'quantity' });
  });

  it('balances per point, per case and per coal kind', () => {
    const state = replayLedger([
      receipt('r1', 10_000, 0),
      receipt('r2', 5_000, 1, { coalKind: '无烟块煤' }),
      receipt('r3', 7_000, 2, { pointId: 'P2', caseId: 'C2' }),
      disposal('d1', 1_000, 3),
    ]);
    expect(balancesByPoint(state)).toEqual([
      { pointId: 'P1', balanceKg: 14_000, byCoalKind: { 劣质散煤: 9_000, 无烟块煤: 5_000 } },
      { pointId: 'P2', balanceKg: 7_000, byCoalKind: { 劣质散煤: 7_000 } },
    ]);
    expect(caseBalanceKg(state, 'C1')).toBe(14_000);
    expect(caseBalanceKg(state, 'C1', '无烟块煤')).toBe(5_000);
  });
});

type Op =
  | { op: 'receipt'; bucket: number; kg: number }
  | { op: 'disposal'; bucket: number; kg: number; method: Disposal['method'] }
  | { op: 'reverse'; pick: number }
  | { op: 'stock-take'; bucket: number; deltaKg: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('receipt' as const), bucket: fc.nat(2), kg: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ op: fc.constant('disposal' as const), bucket: fc.nat(2), kg: fc.integer({ min: 1, max: 60_000 }), method: fc.constantFrom('blending', 'sale', 'auction', 'return', 'destruction') }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('stock-take' as const), bucket: fc.nat(2), deltaKg: fc.integer({ min: -2_000, max: 500 }) }),
);

const BUCKETS = [
  { pointId: 'P1', caseId: 'C1', coalKind: '劣质散煤' },
  { pointId: 'P1', caseId: 'C2', coalKind: '无烟块煤' },
  { pointId: 'P2', caseId: 'C1', coalKind: '劣质散煤' },
];

describe('ledger properties (fast-check)', () => {
  it('random receipts, disposals, reversals and stock-takes keep conservation and never go negative', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const state = replayLedger([]);
        const accepted: Movement[] = [];
        ops.forEach((o, n) => {
          const common = { id: `m${n}`, at: at(n), operator: '周四' };
          let m: Movement;
          if (o.op === 'receipt') {
            m = { ...common, ...BUCKETS[o.bucket]!, kind: 'receipt', handoverFormNo: 'YJ', handedOverKg: o.kg, quantityKg: o.kg };
          } else if (o.op === 'disposal') {
            const sold = o.method === 'sale' || o.method === 'auction';
            m = { ...common, ...BUCKETS[o.bucket]!, kind: 'disposal', method: o.method, quantityKg: o.kg, authorityRef: 'A', ...(sold ? { proceedsFen: o.kg * 50, treasuryRemittanceRef: 'GK' } : {}) };
          } else if (o.op === 'stock-take') {
            const b = BUCKETS[o.bucket]!;
            const book = state.buckets.get(bucketKey(b))?.balanceKg ?? 0;
            m = { ...common, ...b, kind: 'stock-take', bookKg: book, physicalKg: Math.max(0, book + o.deltaKg), varianceReason: '盘点差异' };
          } else {
            const target = accepted.filter((a) => a.kind !== 'reversal')[o.pick % Math.max(1, accepted.length)];
            if (!target) return;
            m = { ...common, pointId: target.pointId, caseId: target.caseId, coalKind: target.coalKind, kind: 'reversal', reversesId: target.id, reason: '更正' };
          }
          const before = state.buckets.get(bucketKey(m))?.balanceKg ?? 0;
          const result = appendMovement(state, m);
          if (m.kind === 'disposal') expect(result.ok).toBe(m.quantityKg <= before);
          if (m.kind === 'receipt' || m.kind === 'stock-take') expect(result.ok).toBe(true);
          if (result.ok) accepted.push(m);
          for (const b of state.buckets.values()) expect(isConserved(b)).toBe(true);
        });
        // The live projection equals a fresh replay of what was accepted.
        const replayed = replayLedger(accepted);
        expect([...replayed.buckets.values()]).toEqual([...state.buckets.values()]);
        const total = [...state.buckets.values()].reduce((s, b) => s + b.balanceKg, 0);
        expect(balancesByPoint(state).reduce((s, p) => s + p.balanceKg, 0)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
