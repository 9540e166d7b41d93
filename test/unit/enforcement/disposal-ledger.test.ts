import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendMovement,
  balancesByPoint,
  bucketKey,
  caseBalanceKg,
  checkConservation,
  confiscatedKg,
  custodyKg,
  emptyBucket,
  evaluateAppend,
  isConserved,
  replayLedger,
  type BucketTotals,
  type Confiscation,
  type Disposal,
  type Movement,
  type Receipt,
  type Release,
} from '../../../src-shared/domain/disposal-ledger.ts';

const at = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 60_000).toISOString();
const base = { pointId: 'P1', caseId: 'C1', coalKind: '劣质散煤', operator: '周四' };
const PENALTY = { penaltyDecisionNo: '冀承市监罚〔2026〕12号', penaltyDecisionDate: '2026-02-27' };

function receipt(id: string, kg: number, n = 0, extra: Partial<Receipt> = {}): Receipt {
  return { ...base, kind: 'receipt', id, at: at(n), handoverFormNo: 'YJ-1', handedOverKg: kg, quantityKg: kg, ...extra };
}
/** Coal handed over already confiscated: disposable from the start. */
const confiscatedReceipt = (id: string, kg: number, n = 0, extra: Partial<Receipt> = {}) => receipt(id, kg, n, { confiscation: PENALTY, ...extra });
function disposal(id: string, kg: number, n = 0, extra: Partial<Disposal> = {}): Disposal {
  return { ...base, kind: 'disposal', id, at: at(n), method: 'blending', quantityKg: kg, authorityRef: '批-1', ...extra };
}
function confiscation(id: string, n = 0, extra: Partial<Confiscation> = {}): Confiscation {
  return { ...base, kind: 'confiscation', id, at: at(n), ...PENALTY, ...extra };
}
function release(id: string, kg: number, n = 0, extra: Partial<Release> = {}): Release {
  return { ...base, kind: 'release', id, at: at(n), quantityKg: kg, authorityRef: '冀承市监解〔2026〕3号', counterparty: '张三', ...extra };
}
const refused = (code: string) => ({ ok: false, code });

describe('ledger rules', () => {
  it('accepts a receipt and a disposal of confiscated coal, and refuses a disposal beyond stock', () => {
    const list: Movement[] = [confiscatedReceipt('r1', 10_000, 1)];
    expect(evaluateAppend(list, disposal('d1', 4_000, 2))).toMatchObject({ ok: true, bucket: { balanceKg: 6_000, disposedKg: 4_000 } });
    list.push(disposal('d1', 4_000, 2));
    const r = evaluateAppend(list, disposal('d2', 6_001, 3));
    expect(r).toMatchObject(refused('exceeds-stock'));
    if (!r.ok) expect(r.zh).toContain('超过库存6000千克');
    expect(evaluateAppend(list, disposal('d2', 6_000, 3))).toMatchObject({ ok: true, bucket: { balanceKg: 0 } });
  });

  it('refuses 0 kg, fractional and unsafe quantities on receipts, disposals and releases', () => {
    for (const kg of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
      expect(evaluateAppend([], receipt('r', kg))).toMatchObject(refused('quantity'));
      expect(evaluateAppend([], receipt('r', 5, 0, { handedOverKg: kg, differenceReason: '复磅' }))).toMatchObject(refused('quantity'));
      expect(evaluateAppend([confiscatedReceipt('r1', 10)], disposal('d', kg, 1))).toMatchObject(refused('quantity'));
      expect(evaluateAppend([receipt('r1', 10)], release('x', kg, 1))).toMatchObject(refused('quantity'));
    }
    expect(evaluateAppend([], receipt('r', 1))).toMatchObject({ ok: true, bucket: { balanceKg: 1, receivedKg: 1 } });
  });

  it('a re-weigh difference at receipt needs a reason; the handover form number is required', () => {
    expect(evaluateAppend([], receipt('r1', 9_950, 0, { handedOverKg: 10_000 }))).toMatchObject(refused('difference-reason'));
    expect(evaluateAppend([], receipt('r1', 9_950, 0, { handedOverKg: 10_000, differenceReason: ' ' }))).toMatchObject(refused('difference-reason'));
    expect(evaluateAppend([], receipt('r1', 9_950, 0, { handedOverKg: 10_000, differenceReason: '途中撒漏' }))).toMatchObject({ ok: true, bucket: { balanceKg: 9_950 } });
    expect(evaluateAppend([], receipt('r1', 1, 0, { handoverFormNo: ' ' }))).toMatchObject(refused('handover-no'));
  });

  it('every movement names its point, case, coal kind and operator, at a real time', () => {
    for (const field of ['id', 'pointId', 'caseId', 'coalKind', 'operator'] as const) {
      expect(evaluateAppend([], { ...receipt('r1', 1), [field]: '' })).toMatchObject(refused('fields'));
    }
    expect(evaluateAppend([], { ...receipt('r1', 1), at: 'yesterday' })).toMatchObject(refused('time'));
  });

  it('sale and auction need proceeds in whole fen and a treasury remittance reference (行政处罚法 art.74)', () => {
    const list = [confiscatedReceipt('r1', 10_000)];
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'sale' }))).toMatchObject(refused('proceeds'));
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'auction', proceedsFen: 12.5, treasuryRemittanceRef: 'GK-1' }))).toMatchObject(refused('proceeds'));
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'auction', proceedsFen: -1, treasuryRemittanceRef: 'GK-1' }))).toMatchObject(refused('proceeds'));
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'sale', proceedsFen: 80_000 }))).toMatchObject(refused('remittance'));
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'sale', proceedsFen: 80_000, treasuryRemittanceRef: ' ' }))).toMatchObject(refused('remittance'));
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'sale', proceedsFen: 0, treasuryRemittanceRef: 'GK-1' }))).toMatchObject({ ok: true, bucket: { proceedsFen: 0 } });
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'auction', proceedsFen: 80_000, treasuryRemittanceRef: 'GK-1' }))).toMatchObject({ ok: true, bucket: { proceedsFen: 80_000 } });
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { method: 'destruction', proceedsFen: 1 }))).toMatchObject(refused('proceeds-not-sale'));
    expect(evaluateAppend(list, disposal('d1', 1_000, 1, { authorityRef: ' ' }))).toMatchObject(refused('authority'));
  });

  it('行政强制法 art.26: coal only seized stays in custody — no sale, auction, destruction, transfer or blending', () => {
    const list = [receipt('r1', 10_000)];
    for (const method of ['sale', 'auction', 'destruction', 'transfer', 'blending'] as const) {
      const sold = method === 'sale' || method === 'auction';
      const r = evaluateAppend(list, disposal('d1', 1, 1, { method, ...(sold ? { proceedsFen: 1, treasuryRemittanceRef: 'GK' } : {}) }));
      expect(r).toMatchObject(refused('custody'));
      if (!r.ok) expect(r.zh).toContain('尚未没收');
    }
    // Custody coal may still be counted and re-weighed.
    expect(evaluateAppend(list, { ...base, kind: 'stock-take', id: 's1', at: at(1), bookKg: 10_000, physicalKg: 10_000 })).toMatchObject({ ok: true });
  });

  it('行政处罚法 art.74 / 行政强制法 art.27: a confiscation with the penalty decision turns custody stock into confiscated stock', () => {
    const list: Movement[] = [receipt('r1', 10_000, 0)];
    const before = replayLedger(list).buckets.get(bucketKey(base))!;
    expect([custodyKg(before), confiscatedKg(before)]).toEqual([10_000, 0]);
    const r = evaluateAppend(list, confiscation('c1', 1));
    expect(r).toMatchObject({ ok: true, bucket: { confiscated: true, balanceKg: 10_000 } });
    if (r.ok) expect([custodyKg(r.bucket), confiscatedKg(r.bucket)]).toEqual([0, 10_000]);
    list.push(confiscation('c1', 1));
    expect(evaluateAppend(list, disposal('d1', 10_000, 2, { method: 'destruction' }))).toMatchObject({ ok: true, bucket: { balanceKg: 0 } });
    expect(evaluateAppend(list, confiscation('c2', 2))).toMatchObject(refused('already-confiscated'));
    // A later receipt for the same case joins the confiscated stock.
    expect(evaluateAppend(list, receipt('r2', 500, 2))).toMatchObject({ ok: true, bucket: { confiscated: true, balanceKg: 10_500 } });
  });

  it('a confiscation needs the penalty decision number and a real date not after the entry', () => {
    const list = [receipt('r1', 10)];
    expect(evaluateAppend(list, confiscation('c1', 1, { penaltyDecisionNo: ' ' }))).toMatchObject(refused('penalty-no'));
    for (const bad of ['2026-02-30', '2026/02/27', '20260227', '']) {
      expect(evaluateAppend(list, confiscation('c1', 1, { penaltyDecisionDate: bad }))).toMatchObject(refused('penalty-date'));
    }
    // Entered at 2026-03-01 08:01 Beijing time: the same day is fine, the next day is in the future.
    expect(evaluateAppend(list, confiscation('c1', 1, { penaltyDecisionDate: '2026-03-01' }))).toMatchObject({ ok: true });
    expect(evaluateAppend(list, confiscation('c1', 1, { penaltyDecisionDate: '2026-03-02' }))).toMatchObject(refused('penalty-date-future'));
    // The same rules hold for coal received already confiscated.
    expect(evaluateAppend([], receipt('r9', 10, 0, { confiscation: { ...PENALTY, penaltyDecisionNo: '' } }))).toMatchObject(refused('penalty-no'));
    expect(evaluateAppend([], receipt('r9', 10, 0, { confiscation: { ...PENALTY, penaltyDecisionDate: '2026-04-31' } }))).toMatchObject(refused('penalty-date'));
  });

  it('行政强制法 art.28: a release returns custody coal to the party, and is refused once anything was disposed', () => {
    const list: Movement[] = [receipt('r1', 10_000, 0)];
    expect(evaluateAppend(list, release('x1', 10_000, 1))).toMatchObject({ ok: true, bucket: { balanceKg: 0, releasedKg: 10_000, confiscated: false } });
    expect(evaluateAppend(list, release('x1', 10_001, 1))).toMatchObject(refused('exceeds-stock'));
    expect(evaluateAppend(list, release('x1', 1, 1, { authorityRef: ' ' }))).toMatchObject(refused('release-no'));
    expect(evaluateAppend(list, release('x1', 1, 1, { counterparty: ' ' }))).toMatchObject(refused('release-party'));
    // Confiscated coal cannot be released.
    expect(evaluateAppend([confiscatedReceipt('r1', 10_000)], release('x1', 1, 1))).toMatchObject(refused('release-confiscated'));
    // A ledger written before custody was enforced may hold a disposal of seized coal: no release after it.
    const legacy = replayLedger([receipt('r1', 10_000, 0), disposal('d1', 1, 1)]);
    const r = appendMovement(legacy, release('x1', 100, 2));
    expect(r).toMatchObject(refused('release-after-disposal'));
    if (!r.ok) expect(r.zh).toContain('已处置1千克');
  });

  it('corrections are reversals: once, not of a reversal or a confiscation, never making stock negative', () => {
    const list: Movement[] = [confiscatedReceipt('r1', 10_000, 0), disposal('d1', 8_000, 1)];
    expect(evaluateAppend(list, { ...base, kind: 'reversal', id: 'x1', at: at(2), reversesId: 'r1', reason: '录错' })).toMatchObject(refused('negative-balance'));
    const rev = { ...base, kind: 'reversal' as const, id: 'x2', at: at(2), reversesId: 'd1', reason: '数量录错' };
    expect(evaluateAppend(list, { ...rev, reason: ' ' })).toMatchObject(refused('reversal-reason'));
    expect(evaluateAppend(list, { ...rev, coalKind: '无烟块煤' })).toMatchObject(refused('reversal-bucket'));
    expect(evaluateAppend(list, rev)).toMatchObject({ ok: true, bucket: { balanceKg: 10_000, disposedKg: 0 } });
    list.push(rev);
    expect(evaluateAppend(list, { ...rev, id: 'x3', at: at(3) })).toMatchObject(refused('already-reversed'));
    expect(evaluateAppend(list, { ...rev, id: 'x4', at: at(3), reversesId: 'x2' })).toMatchObject(refused('reversal-of-reversal'));
    expect(evaluateAppend(list, { ...rev, id: 'x5', at: at(3), reversesId: 'nope' })).toMatchObject(refused('reversal-target'));
    const custody: Movement[] = [receipt('r1', 10_000, 0), confiscation('c1', 1)];
    expect(evaluateAppend(custody, { ...rev, id: 'x6', at: at(2), reversesId: 'c1' })).toMatchObject(refused('reversal-of-confiscation'));
    // Reversing the receipt that carried a confiscation leaves the bucket confiscated.
    expect(evaluateAppend([confiscatedReceipt('r1', 10)], { ...rev, id: 'x7', at: at(1), reversesId: 'r1' })).toMatchObject({ ok: true, bucket: { balanceKg: 0, confiscated: true } });
    // A mistaken release is reversed back into custody.
    const released: Movement[] = [receipt('r1', 10_000, 0), release('l1', 4_000, 1)];
    expect(evaluateAppend(released, { ...rev, id: 'x8', at: at(2), reversesId: 'l1' })).toMatchObject({ ok: true, bucket: { balanceKg: 10_000, releasedKg: 0 } });
  });

  it('a replay cancels reversed movements, and skips reversals whose target is missing or is itself a reversal', () => {
    const rev = (id: string, reversesId: string, n: number) => ({ ...base, kind: 'reversal' as const, id, at: at(n), reversesId, reason: '更正' });
    const state = replayLedger([confiscatedReceipt('r1', 10_000, 0), disposal('d1', 8_000, 1), rev('x1', 'd1', 2), rev('x2', 'x1', 3), rev('x3', 'gone', 4)]);
    expect(state.buckets.get(bucketKey(base))).toMatchObject({ balanceKg: 10_000, disposedKg: 0, receivedKg: 10_000 });
    expect(state.buckets.size).toBe(1);
    expect([...state.reversed]).toEqual(['d1']);
    expect(state.lastAt).toBe(at(4));
  });

  it('stock-takes: book must be current, variance explained, variance adjusts stock', () => {
    const list: Movement[] = [receipt('r1', 10_000, 0)];
    const take = { ...base, kind: 'stock-take' as const, id: 's1', at: at(1), bookKg: 10_000, physicalKg: 9_800 };
    expect(evaluateAppend(list, take)).toMatchObject(refused('variance-reason'));
    expect(evaluateAppend(list, { ...take, varianceReason: '  ' })).toMatchObject(refused('variance-reason'));
    expect(evaluateAppend(list, { ...take, bookKg: 9_000, physicalKg: 9_000 })).toMatchObject(refused('stale-book'));
    expect(evaluateAppend(list, { ...take, physicalKg: -1, varianceReason: '负数' })).toMatchObject(refused('quantity'));
    expect(evaluateAppend(list, { ...take, physicalKg: 9_800.5, varianceReason: '小数' })).toMatchObject(refused('quantity'));
    expect(evaluateAppend(list, { ...take, bookKg: 1.5, varianceReason: '小数' })).toMatchObject(refused('quantity'));
    expect(evaluateAppend(list, { ...take, varianceReason: '水分蒸发' })).toMatchObject({ ok: true, bucket: { balanceKg: 9_800, lossKg: 200, gainKg: 0 } });
    expect(evaluateAppend(list, { ...take, physicalKg: 10_300, varianceReason: '雨水增重' })).toMatchObject({ ok: true, bucket: { balanceKg: 10_300, lossKg: 0, gainKg: 300 } });
    expect(evaluateAppend(list, { ...take, physicalKg: 10_000 })).toMatchObject({ ok: true, bucket: { balanceKg: 10_000, lossKg: 0, gainKg: 0 } });
  });

  it('refuses duplicates and backdating; the same instant is not backdating', () => {
    const list: Movement[] = [receipt('r1', 10_000, 5)];
    expect(evaluateAppend(list, receipt('r1', 1, 6))).toMatchObject(refused('duplicate-id'));
    expect(evaluateAppend(list, receipt('r2', 1, 4))).toMatchObject(refused('backdated'));
    expect(evaluateAppend(list, receipt('r2', 1, 5))).toMatchObject({ ok: true });
    // lastAt is the latest time seen, even when an earlier-stamped movement was replayed after it.
    expect(evaluateAppend([receipt('r1', 1, 5), receipt('r2', 1, 3)], receipt('r3', 1, 4))).toMatchObject(refused('backdated'));
  });

  it('balances per point (custody and confiscated apart), per case and per coal kind', () => {
    const state = replayLedger([
      confiscatedReceipt('r1', 10_000, 0),
      receipt('r2', 5_000, 1, { coalKind: '无烟块煤' }),
      receipt('r3', 7_000, 2, { pointId: 'P2', caseId: 'C2' }),
      disposal('d1', 1_000, 3),
    ]);
    expect(balancesByPoint(state)).toEqual([
      { pointId: 'P1', balanceKg: 14_000, custodyKg: 5_000, confiscatedKg: 9_000, byCoalKind: { 劣质散煤: 9_000, 无烟块煤: 5_000 } },
      { pointId: 'P2', balanceKg: 7_000, custodyKg: 7_000, confiscatedKg: 0, byCoalKind: { 劣质散煤: 7_000 } },
    ]);
    expect(caseBalanceKg(state, 'C1')).toBe(14_000);
    expect(caseBalanceKg(state, 'C1', '无烟块煤')).toBe(5_000);
    expect(caseBalanceKg(state, 'C9')).toBe(0);
  });
});

describe('conservation checker', () => {
  const movements: Movement[] = [receipt('r1', 10_000, 0), confiscation('c1', 1), disposal('d1', 3_000, 2, { method: 'sale', proceedsFen: 9, treasuryRemittanceRef: 'GK' })];
  const stored = () => [...replayLedger(movements).buckets.values()].map((b) => ({ ...b }));

  it('isConserved: the identity and a non-negative balance, each on its own', () => {
    const ok: BucketTotals = { ...emptyBucket(base), receivedKg: 10, gainKg: 2, disposedKg: 3, releasedKg: 4, lossKg: 1, balanceKg: 4 };
    expect(isConserved(ok)).toBe(true);
    for (const field of ['receivedKg', 'gainKg', 'disposedKg', 'releasedKg', 'lossKg', 'balanceKg'] as const) {
      expect(isConserved({ ...ok, [field]: ok[field] + 1 })).toBe(false);
    }
    expect(isConserved({ ...emptyBucket(base), receivedKg: -5, balanceKg: -5 })).toBe(false);
    expect(isConserved(emptyBucket(base))).toBe(true);
  });

  it('passes a ledger whose stored totals are the replay of its movements', () => {
    expect(checkConservation(movements, stored())).toEqual([]);
  });

  it('finds a stored total changed behind the ledger, a missing bucket and a bucket with no movements', () => {
    for (const field of ['receivedKg', 'disposedKg', 'releasedKg', 'gainKg', 'lossKg', 'balanceKg', 'proceedsFen'] as const) {
      const tampered = stored();
      tampered[0]![field] += 1;
      const problems = checkConservation(movements, tampered);
      expect(problems.map((p) => p.en).join()).toContain(field);
    }
    const unflagged = stored();
    unflagged[0]!.confiscated = false;
    expect(checkConservation(movements, unflagged)).toEqual([expect.objectContaining({ bucket: 'P1/C1/劣质散煤', zh: expect.stringContaining('confiscated') })]);
    // Stock and sales both raised by the same amount: each total differs from the movements' replay.
    const balanced = stored();
    balanced[0]!.balanceKg += 500;
    balanced[0]!.receivedKg += 500;
    expect(checkConservation(movements, balanced)).toHaveLength(1);
    const unbalanced = stored();
    unbalanced[0]!.balanceKg += 500;
    expect(checkConservation(movements, unbalanced).map((p) => p.zh)).toEqual([
      'P1/C1/劣质散煤：入库与出库、库存不平衡', 'P1/C1/劣质散煤：账面合计与台账记录不符（balanceKg）',
    ]);
    expect(checkConservation(movements, [])).toEqual([{ bucket: 'P1/C1/劣质散煤', zh: 'P1/C1/劣质散煤：缺少账面合计', en: 'P1/C1/劣质散煤: no stored totals' }]);
    const ghost = { ...emptyBucket({ ...base, caseId: 'C9' }), receivedKg: 5, balanceKg: 5 };
    expect(checkConservation(movements, [...stored(), ghost]).map((p) => p.bucket)).toEqual(['P1/C9/劣质散煤']);
  });
});

type Op =
  | { op: 'receipt'; bucket: number; kg: number; confiscated: boolean }
  | { op: 'disposal'; bucket: number; kg: number; method: Disposal['method'] }
  | { op: 'confiscation'; bucket: number }
  | { op: 'release'; bucket: number; kg: number }
  | { op: 'reverse'; pick: number }
  | { op: 'stock-take'; bucket: number; deltaKg: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('receipt' as const), bucket: fc.nat(2), kg: fc.integer({ min: 1, max: 50_000 }), confiscated: fc.boolean() }),
  fc.record({ op: fc.constant('disposal' as const), bucket: fc.nat(2), kg: fc.integer({ min: 1, max: 60_000 }), method: fc.constantFrom('blending', 'sale', 'auction', 'transfer', 'destruction') }),
  fc.record({ op: fc.constant('confiscation' as const), bucket: fc.nat(2) }),
  fc.record({ op: fc.constant('release' as const), bucket: fc.nat(2), kg: fc.integer({ min: 1, max: 60_000 }) }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('stock-take' as const), bucket: fc.nat(2), deltaKg: fc.integer({ min: -2_000, max: 500 }) }),
);

const BUCKETS = [
  { pointId: 'P1', caseId: 'C1', coalKind: '劣质散煤' },
  { pointId: 'P1', caseId: 'C2', coalKind: '无烟块煤' },
  { pointId: 'P2', caseId: 'C1', coalKind: '劣质散煤' },
];

function movementOf(o: Op, n: number, state: ReturnType<typeof replayLedger>, accepted: Movement[]): Movement | null {
  const common = { id: `m${n}`, at: at(n), operator: '周四' };
  switch (o.op) {
    case 'receipt':
      return { ...common, ...BUCKETS[o.bucket]!, kind: 'receipt', handoverFormNo: 'YJ', handedOverKg: o.kg, quantityKg: o.kg, ...(o.confiscated ? { confiscation: PENALTY } : {}) };
    case 'disposal': {
      const sold = o.method === 'sale' || o.method === 'auction';
      return { ...common, ...BUCKETS[o.bucket]!, kind: 'disposal', method: o.method, quantityKg: o.kg, authorityRef: 'A', ...(sold ? { proceedsFen: o.kg * 50, treasuryRemittanceRef: 'GK' } : {}) };
    }
    case 'confiscation':
      return { ...common, ...BUCKETS[o.bucket]!, kind: 'confiscation', ...PENALTY };
    case 'release':
      return { ...common, ...BUCKETS[o.bucket]!, kind: 'release', quantityKg: o.kg, authorityRef: '解-1', counterparty: '张三' };
    case 'stock-take': {
      const b = BUCKETS[o.bucket]!;
      const book = state.buckets.get(bucketKey(b))?.balanceKg ?? 0;
      return { ...common, ...b, kind: 'stock-take', bookKg: book, physicalKg: Math.max(0, book + o.deltaKg), varianceReason: '盘点差异' };
    }
    case 'reverse': {
      const targets = accepted.filter((a) => a.kind !== 'reversal');
      const target = targets[o.pick % Math.max(1, targets.length)];
      if (!target) return null;
      return { ...common, pointId: target.pointId, caseId: target.caseId, coalKind: target.coalKind, kind: 'reversal', reversesId: target.id, reason: '更正' };
    }
  }
}

describe('ledger properties (fast-check)', () => {
  it('行政强制法 arts.26, 28: in any random sequence no custody coal is disposed of, no release follows a disposal, stock is conserved and never negative', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const state = replayLedger([]);
        const accepted: Movement[] = [];
        // An independent model of the legal status: which buckets were confiscated, and by what.
        const confiscatedBuckets = new Set<string>();
        ops.forEach((o, n) => {
          const m = movementOf(o, n, state, accepted);
          if (!m) return;
          const key = bucketKey(m);
          const before = { ...(state.buckets.get(key) ?? emptyBucket(m)) };
          const result = appendMovement(state, m);
          if (m.kind === 'disposal') expect(result.ok).toBe(confiscatedBuckets.has(key) && m.quantityKg <= before.balanceKg);
          if (m.kind === 'release') expect(result.ok).toBe(!confiscatedBuckets.has(key) && before.disposedKg === 0 && m.quantityKg <= before.balanceKg);
          if (m.kind === 'confiscation') expect(result.ok).toBe(!confiscatedBuckets.has(key));
          if (m.kind === 'receipt' || m.kind === 'stock-take') expect(result.ok).toBe(true);
          if (!result.ok) return;
          accepted.push(m);
          if (m.kind === 'confiscation' || (m.kind === 'receipt' && m.confiscation)) confiscatedBuckets.add(key);
          for (const b of state.buckets.values()) {
            expect(isConserved(b)).toBe(true);
            // Only confiscated stock was ever disposed of.
            if (b.disposedKg !== 0) expect(confiscatedBuckets.has(bucketKey(b))).toBe(true);
            expect(custodyKg(b) + confiscatedKg(b)).toBe(b.balanceKg);
          }
        });
        // The live projection equals a fresh replay of what was accepted, and the checker agrees.
        const replayed = replayLedger(accepted);
        expect([...replayed.buckets.values()]).toEqual([...state.buckets.values()]);
        expect(checkConservation(accepted, [...state.buckets.values()])).toEqual([]);
        const total = [...state.buckets.values()].reduce((s, b) => s + b.balanceKg, 0);
        const points = balancesByPoint(state);
        expect(points.reduce((s, p) => s + p.balanceKg, 0)).toBe(total);
        expect(points.reduce((s, p) => s + p.custodyKg + p.confiscatedKg, 0)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
