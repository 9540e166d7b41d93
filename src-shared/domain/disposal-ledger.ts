/**
 * Disposal-point ledger (处置点台账): pure rules for an append-only list of movements.
 *
 * Stock is kept per bucket = (disposal point, case, coal kind), because every kilogram must be
 * traceable to the case it was seized in. Quantities are whole kilograms, money whole fen.
 * Nothing is edited or deleted: a mistake is corrected by a reversal entry that cancels one earlier
 * movement, after which the right movement is entered again.
 *
 * Legal status of a bucket's stock: seized coal is only held in custody (保管, 行政强制法 art.26) —
 * kept, re-weighed, counted, or returned to the party on a release (解除, art.28) — until a
 * confiscation (没收) is recorded with the penalty decision's number and date; only confiscated stock
 * may be disposed of (sold, auctioned, destroyed, blended or transferred; 行政处罚法 art.74).
 *
 * Conservation, at every moment and for every bucket:
 *   receivedKg + gainKg = disposedKg + releasedKg + lossKg + balanceKg,   balanceKg ≥ 0
 * (stock-take variances are the only way stock changes without a receipt, disposal or release, and
 * they must be explained).
 */

import { isIsoDate, shanghaiDate } from './seizure-term.ts';

export type DisposalMethod = 'blending' | 'sale' | 'auction' | 'destruction' | 'transfer';

interface MovementBase {
  id: string;
  /** ISO instant; movements are appended in time order. */
  at: string;
  pointId: string;
  caseId: string;
  coalKind: string;
  operator: string;
}

/** The penalty decision (行政处罚决定书) that confiscated the coal. */
export interface PenaltyDecision {
  penaltyDecisionNo: string;
  /** Calendar date of the decision, YYYY-MM-DD. */
  penaltyDecisionDate: string;
}

export interface Receipt extends MovementBase {
  kind: 'receipt';
  handoverFormNo: string;
  /** Quantity on the handover form. */
  handedOverKg: number;
  /** Quantity re-weighed on receipt: this is what enters stock. */
  quantityKg: number;
  /** Required when the re-weighed quantity differs from the handover form. */
  differenceReason?: string;
  /** Present when the handover says the coal was already confiscated; absent: custody. */
  confiscation?: PenaltyDecision;
}

export interface Disposal extends MovementBase {
  kind: 'disposal';
  method: DisposalMethod;
  quantityKg: number;
  /** Approval or decision number authorising it. */
  authorityRef: string;
  counterparty?: string;
  /** Sale and auction only: proceeds go to the treasury (行政处罚法 art.74). */
  proceedsFen?: number;
  treasuryRemittanceRef?: string;
}

/** Turns a bucket's custody stock into confiscated stock (a signed confiscation notice imported). */
export interface Confiscation extends MovementBase, PenaltyDecision {
  kind: 'confiscation';
}

/** Returns custody coal to the party on a release decision (行政强制法 art.28). */
export interface Release extends MovementBase {
  kind: 'release';
  quantityKg: number;
  /** The release decision's number (解除行政强制措施决定书). */
  authorityRef: string;
  /** Who took the coal back. */
  counterparty: string;
}

export interface StockTake extends MovementBase {
  kind: 'stock-take';
  /** The book balance the counter saw; must equal the ledger's balance, else the count is stale. */
  bookKg: number;
  physicalKg: number;
  varianceReason?: string;
}

export interface Reversal extends MovementBase {
  kind: 'reversal';
  reversesId: string;
  reason: string;
}

export type Movement = Receipt | Disposal | Confiscation | Release | StockTake | Reversal;
type Effective = Exclude<Movement, Reversal>;

export interface BucketTotals {
  pointId: string;
  caseId: string;
  coalKind: string;
  receivedKg: number;
  disposedKg: number;
  releasedKg: number;
  gainKg: number;
  lossKg: number;
  balanceKg: number;
  proceedsFen: number;
  /** Once confiscated, the whole bucket (and every later receipt into it) is confiscated stock. */
  confiscated: boolean;
}

export type AppendResult =
  | { ok: true; bucket: BucketTotals }
  | { ok: false; code: string; zh: string; en: string };

export const bucketKey = (m: Pick<MovementBase, 'pointId' | 'caseId' | 'coalKind'>) => `${m.pointId}\u0000${m.caseId}\u0000${m.coalKind}`;

export function emptyBucket(m: Pick<MovementBase, 'pointId' | 'caseId' | 'coalKind'>): BucketTotals {
  return {
    pointId: m.pointId, caseId: m.caseId, coalKind: m.coalKind, receivedKg: 0, disposedKg: 0, releasedKg: 0, gainKg: 0, lossKg: 0, balanceKg: 0,
    proceedsFen: 0, confiscated: false,
  };
}

/** Custody and confiscated parts of a bucket's stock. */
export const custodyKg = (b: BucketTotals) => (b.confiscated ? 0 : b.balanceKg);
export const confiscatedKg = (b: BucketTotals) => (b.confiscated ? b.balanceKg : 0);

/**
 * Adds (sign 1) or cancels (sign -1) one movement's effect on its bucket. A confiscation is a legal
 * fact: cancelling the receipt that carried it leaves the bucket confiscated.
 */
function applyEffect(b: BucketTotals, m: Effective, sign: 1 | -1): void {
  switch (m.kind) {
    case 'receipt':
      b.receivedKg += sign * m.quantityKg;
      b.balanceKg += sign * m.quantityKg;
      if (m.confiscation) b.confiscated = true;
      return;
    case 'disposal':
      b.disposedKg += sign * m.quantityKg;
      b.balanceKg -= sign * m.quantityKg;
      b.proceedsFen += sign * (m.proceedsFen ?? 0);
      return;
    case 'release':
      b.releasedKg += sign * m.quantityKg;
      b.balanceKg -= sign * m.quantityKg;
      return;
    case 'confiscation':
      b.confiscated = true;
      return;
    case 'stock-take': {
      const variance = m.physicalKg - m.bookKg;
      if (variance > 0) b.gainKg += sign * variance;
      else b.lossKg -= sign * variance;
      b.balanceKg += sign * variance;
    }
  }
}

export interface LedgerState {
  buckets: Map<string, BucketTotals>;
  byId: Map<string, Movement>;
  reversed: Set<string>;
  lastAt: string;
}

/** Replays movements into balances; one pass, so 100,000 movements take milliseconds. */
export function replayLedger(movements: readonly Movement[]): LedgerState {
  const state: LedgerState = { buckets: new Map(), byId: new Map(), reversed: new Set(), lastAt: '' };
  for (const m of movements) applyMovement(state, m);
  return state;
}

function applyMovement(state: LedgerState, m: Movement): void {
  state.byId.set(m.id, m);
  if (m.at > state.lastAt) state.lastAt = m.at;
  const target = m.kind === 'reversal' ? state.byId.get(m.reversesId) : m;
  if (!target || target.kind === 'reversal') return;
  const key = bucketKey(target);
  let bucket = state.buckets.get(key);
  if (!bucket) state.buckets.set(key, (bucket = emptyBucket(target)));
  if (m.kind === 'reversal') state.reversed.add(m.reversesId);
  applyEffect(bucket, target, m.kind === 'reversal' ? -1 : 1);
}

const isWholeKg = (n: number) => Number.isSafeInteger(n) && n > 0;

function refuse(code: string, zh: string, en: string): AppendResult {
  return { ok: false, code, zh, en };
}

function checkPenaltyDecision(d: PenaltyDecision, at: string): AppendResult | null {
  if (!d.penaltyDecisionNo.trim()) return refuse('penalty-no', '没收须登记行政处罚决定书文号', 'a confiscation needs the penalty decision number');
  if (!isIsoDate(d.penaltyDecisionDate)) return refuse('penalty-date', '行政处罚决定日期无效', 'invalid penalty decision date');
  if (d.penaltyDecisionDate > shanghaiDate(new Date(at))) return refuse('penalty-date-future', '行政处罚决定日期晚于登记日期', 'the penalty decision is dated after this entry');
  return null;
}

/** Checks the movement on its own terms, before looking at stock. */
function checkShape(m: Movement): AppendResult | null {
  if (!m.id || !m.pointId || !m.caseId || !m.coalKind || !m.operator) {
    return refuse('fields', '缺少编号、处置点、案件、煤种或经办人', 'id, point, case, coal kind and operator are required');
  }
  if (Number.isNaN(Date.parse(m.at))) return refuse('time', '时间无效', 'invalid time');
  switch (m.kind) {
    case 'receipt':
      if (!isWholeKg(m.quantityKg) || !isWholeKg(m.handedOverKg)) return refuse('quantity', '数量须为正整数千克', 'quantities must be positive whole kg');
      if (!m.handoverFormNo.trim()) return refuse('handover-no', '入库须填写移交单号', 'a receipt needs the handover form number');
      if (m.quantityKg !== m.handedOverKg && !m.differenceReason?.trim()) {
        return refuse('difference-reason', `复磅${m.quantityKg}千克与移交单${m.handedOverKg}千克不一致，须说明原因`, 'the re-weighed quantity differs from the handover form: give the reason');
      }
      return m.confiscation ? checkPenaltyDecision(m.confiscation, m.at) : null;
    case 'disposal': {
      if (!isWholeKg(m.quantityKg)) return refuse('quantity', '数量须为正整数千克', 'quantity must be positive whole kg');
      if (!m.authorityRef.trim()) return refuse('authority', '处置须填写批准文号或决定书文号', 'a disposal needs its approval or decision reference');
      const sold = m.method === 'sale' || m.method === 'auction';
      if (sold && (m.proceedsFen === undefined || !Number.isSafeInteger(m.proceedsFen) || m.proceedsFen < 0)) {
        return refuse('proceeds', '变卖、拍卖须登记价款（整数分）', 'a sale or auction needs its proceeds in whole fen');
      }
      if (sold && !m.treasuryRemittanceRef?.trim()) return refuse('remittance', '变卖、拍卖须登记上缴国库凭证号', 'a sale or auction needs the treasury remittance reference');
      if (!sold && m.proceedsFen !== undefined) return refuse('proceeds-not-sale', '只有变卖、拍卖可以登记价款', 'only a sale or auction has proceeds');
      return null;
    }
    case 'release':
      if (!isWholeKg(m.quantityKg)) return refuse('quantity', '数量须为正整数千克', 'quantity must be positive whole kg');
      if (!m.authorityRef.trim()) return refuse('release-no', '退还须填写解除行政强制措施决定书文号', 'a release needs the release decision number');
      if (!m.counterparty.trim()) return refuse('release-party', '退还须登记领回煤炭的当事人', 'a release names the party who took the coal back');
      return null;
    case 'confiscation':
      return checkPenaltyDecision(m, m.at);
    case 'stock-take':
      if (!Number.isSafeInteger(m.bookKg) || !Number.isSafeInteger(m.physicalKg) || m.physicalKg < 0) {
        return refuse('quantity', '盘点数量须为非负整数千克', 'stock-take quantities must be whole non-negative kg');
      }
      if (m.physicalKg !== m.bookKg && !m.varianceReason?.trim()) {
        return refuse('variance-reason', `实盘${m.physicalKg}千克与账面${m.bookKg}千克不符，须说明原因`, 'physical stock differs from the book: explain the variance');
      }
      return null;
    case 'reversal':
      if (!m.reason.trim()) return refuse('reversal-reason', '冲销须说明原因', 'a reversal needs a reason');
      return null;
  }
}

/** The law's limits on what may happen to the bucket's stock in its current legal status. */
function checkStatus(b: BucketTotals, m: Movement): AppendResult | null {
  if (m.kind === 'disposal' && !b.confiscated) {
    return refuse('custody', '该批煤炭尚未没收，处于扣押保管中，不得变卖、拍卖、销毁、调拨或掺配（行政强制法第二十六条：妥善保管，不得使用或者损毁）',
      'this coal is seized, not confiscated: it is held in custody and may not be sold, auctioned, destroyed, transferred or blended (art.26)');
  }
  if (m.kind === 'release' && b.confiscated) {
    return refuse('release-confiscated', '该批煤炭已没收，不能解除退还', 'this coal was confiscated: it cannot be released');
  }
  if (m.kind === 'release' && b.disposedKg > 0) {
    return refuse('release-after-disposal', `该批煤炭已处置${b.disposedKg}千克，不能再登记解除退还（行政强制法第二十八条）`, `${b.disposedKg} kg were already disposed of: no release can be recorded (art.28)`);
  }
  if (m.kind === 'confiscation' && b.confiscated) return refuse('already-confiscated', '该批煤炭已登记没收', 'this coal is already confiscated');
  return null;
}

/**
 * Decides whether `next` may be appended, without changing `state`. On success returns the totals
 * the bucket it touches would have; the caller persists `next` unchanged.
 */
export function checkMovement(state: LedgerState, next: Movement): AppendResult {
  const shape = checkShape(next);
  if (shape) return shape;
  if (state.byId.has(next.id)) return refuse('duplicate-id', `台账编号${next.id}已存在`, `movement ${next.id} already exists`);
  if (next.at < state.lastAt) return refuse('backdated', '台账只能按时间顺序追加，不得倒签', 'entries are appended in time order; no backdating');

  const target = next.kind === 'reversal' ? state.byId.get(next.reversesId) : next;
  if (next.kind === 'reversal') {
    if (!target) return refuse('reversal-target', '被冲销的记录不存在', 'the movement to reverse does not exist');
    if (target.kind === 'reversal') return refuse('reversal-of-reversal', '不能冲销冲销记录，请重新登记正确记录', 'a reversal cannot be reversed; enter the movement again');
    if (target.kind === 'confiscation') return refuse('reversal-of-confiscation', '没收登记依据行政处罚决定，不能冲销', 'a confiscation follows a penalty decision and cannot be reversed');
    if (state.reversed.has(target.id)) return refuse('already-reversed', '该记录已被冲销', 'that movement has already been reversed');
    if (bucketKey(target) !== bucketKey(next)) return refuse('reversal-bucket', '冲销记录的处置点、案件、煤种须与原记录一致', 'a reversal must name the same point, case and coal kind');
  }
  const current = state.buckets.get(bucketKey(next)) ?? emptyBucket(next);
  const status = checkStatus(current, next);
  if (status) return status;
  if (next.kind === 'stock-take' && next.bookKg !== current.balanceKg) {
    return refuse('stale-book', `账面数已变为${current.balanceKg}千克，请重新盘点`, `the book balance is now ${current.balanceKg} kg; count again`);
  }
  const after: BucketTotals = { ...current };
  applyEffect(after, target as Effective, next.kind === 'reversal' ? -1 : 1);
  if (after.balanceKg < 0) {
    return next.kind === 'disposal' || next.kind === 'release'
      ? refuse('exceeds-stock', `出库${next.quantityKg}千克超过库存${current.balanceKg}千克`, `${next.quantityKg} kg exceeds the stock of ${current.balanceKg} kg`)
      : refuse('negative-balance', `该操作将使库存为负（现有${current.balanceKg}千克）`, `this would make the stock negative (now ${current.balanceKg} kg)`);
  }
  return { ok: true, bucket: after };
}

/** `checkMovement` against a list of persisted movements. */
export function evaluateAppend(existing: readonly Movement[], next: Movement): AppendResult {
  return checkMovement(replayLedger(existing), next);
}

/**
 * Checks `next` and, when accepted, folds it into `state` (an in-memory projection of the
 * persisted list), so a long-running process need not replay the ledger for every entry.
 */
export function appendMovement(state: LedgerState, next: Movement): AppendResult {
  const result = checkMovement(state, next);
  if (result.ok) applyMovement(state, next);
  return result;
}

export interface PointBalance {
  pointId: string;
  balanceKg: number;
  custodyKg: number;
  confiscatedKg: number;
  byCoalKind: Record<string, number>;
}

/** Balances per disposal point: custody and confiscated apart, and by coal kind. */
export function balancesByPoint(state: LedgerState): PointBalance[] {
  const points = new Map<string, PointBalance>();
  for (const b of state.buckets.values()) {
    let p = points.get(b.pointId);
    if (!p) points.set(b.pointId, (p = { pointId: b.pointId, balanceKg: 0, custodyKg: 0, confiscatedKg: 0, byCoalKind: {} }));
    p.balanceKg += b.balanceKg;
    p.custodyKg += custodyKg(b);
    p.confiscatedKg += confiscatedKg(b);
    p.byCoalKind[b.coalKind] = (p.byCoalKind[b.coalKind] ?? 0) + b.balanceKg;
  }
  return [...points.values()];
}

/** Balance of one case (optionally one coal kind) across all points. */
export function caseBalanceKg(state: LedgerState, caseId: string, coalKind?: string): number {
  let sum = 0;
  for (const b of state.buckets.values()) if (b.caseId === caseId && (coalKind === undefined || b.coalKind === coalKind)) sum += b.balanceKg;
  return sum;
}

/** True when the bucket satisfies the conservation identity and is non-negative. */
export function isConserved(b: BucketTotals): boolean {
  return b.balanceKg >= 0 && b.receivedKg + b.gainKg === b.disposedKg + b.releasedKg + b.lossKg + b.balanceKg;
}

const TOTAL_FIELDS = ['receivedKg', 'disposedKg', 'releasedKg', 'gainKg', 'lossKg', 'balanceKg', 'proceedsFen', 'confiscated'] as const;

export interface ConservationProblem {
  bucket: string;
  zh: string;
  en: string;
}

/**
 * Checks stored running totals against the movements they were built from: every bucket the
 * movements make must be stored with exactly the replayed totals, every stored bucket must come from
 * movements, and each must satisfy the conservation identity. Empty when the ledger balances.
 */
export function checkConservation(movements: readonly Movement[], stored: readonly BucketTotals[]): ConservationProblem[] {
  const replayed = replayLedger(movements).buckets;
  const problems: ConservationProblem[] = [];
  const label = (b: BucketTotals) => `${b.pointId}/${b.caseId}/${b.coalKind}`;
  const storedByKey = new Map(stored.map((b) => [bucketKey(b), b]));
  for (const b of stored) {
    if (!isConserved(b)) problems.push({ bucket: label(b), zh: `${label(b)}：入库与出库、库存不平衡`, en: `${label(b)}: receipts do not equal outflows plus stock` });
    const expected = replayed.get(bucketKey(b));
    const differs = TOTAL_FIELDS.filter((f) => b[f] !== (expected ?? emptyBucket(b))[f]);
    if (differs.length > 0) problems.push({ bucket: label(b), zh: `${label(b)}：账面合计与台账记录不符（${differs.join('、')}）`, en: `${label(b)}: stored totals differ from the movements (${differs.join(', ')})` });
  }
  for (const b of replayed.values()) {
    if (!storedByKey.has(bucketKey(b))) problems.push({ bucket: label(b), zh: `${label(b)}：缺少账面合计`, en: `${label(b)}: no stored totals` });
  }
  return problems;
}
