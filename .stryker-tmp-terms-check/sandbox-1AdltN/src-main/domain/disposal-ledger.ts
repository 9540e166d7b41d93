/**
 * Disposal-point ledger (处置点台账): pure rules for an append-only list of movements.
 *
 * Stock is kept per bucket = (disposal point, case, coal kind), because every kilogram must be
 * traceable to the case it was seized in. Quantities are whole kilograms, money whole fen.
 * Nothing is edited or deleted: a mistake is corrected by a reversal entry that cancels one earlier
 * movement, after which the right movement is entered again.
 *
 * Conservation, at every moment and for every bucket:
 *   receivedKg + stockTakeGainKg = disposedKg + stockTakeLossKg + balanceKg,   balanceKg ≥ 0
 * (stock-take variances are the only way stock changes without a receipt or disposal, and they
 * must be explained).
 */
// @ts-nocheck


export type DisposalMethod = 'blending' | 'sale' | 'auction' | 'return' | 'destruction';

interface MovementBase {
  id: string;
  /** ISO instant; movements are appended in time order. */
  at: string;
  pointId: string;
  caseId: string;
  coalKind: string;
  operator: string;
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
}

export interface Disposal extends MovementBase {
  kind: 'disposal';
  method: DisposalMethod;
  quantityKg: number;
  /** Approval or decision number authorising it (the release decision's number for a return). */
  authorityRef: string;
  counterparty?: string;
  /** Sale and auction only: proceeds go to the treasury (行政处罚法 art.74). */
  proceedsFen?: number;
  treasuryRemittanceRef?: string;
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

export type Movement = Receipt | Disposal | StockTake | Reversal;

export interface BucketTotals {
  pointId: string;
  caseId: string;
  coalKind: string;
  receivedKg: number;
  disposedKg: number;
  gainKg: number;
  lossKg: number;
  balanceKg: number;
  proceedsFen: number;
}

export type AppendResult =
  | { ok: true; bucket: BucketTotals }
  | { ok: false; code: string; zh: string; en: string };

export const bucketKey = (m: Pick<MovementBase, 'pointId' | 'caseId' | 'coalKind'>) => `${m.pointId}\u0000${m.caseId}\u0000${m.coalKind}`;

function emptyBucket(m: MovementBase): BucketTotals {
  return { pointId: m.pointId, caseId: m.caseId, coalKind: m.coalKind, receivedKg: 0, disposedKg: 0, gainKg: 0, lossKg: 0, balanceKg: 0, proceedsFen: 0 };
}

/** Adds (sign 1) or cancels (sign -1) one movement's effect on its bucket. */
function applyEffect(b: BucketTotals, m: Receipt | Disposal | StockTake, sign: 1 | -1): void {
  if (m.kind === 'receipt') {
    b.receivedKg += sign * m.quantityKg;
    b.balanceKg += sign * m.quantityKg;
  } else if (m.kind === 'disposal') {
    b.disposedKg += sign * m.quantityKg;
    b.balanceKg -= sign * m.quantityKg;
    b.proceedsFen += sign * (m.proceedsFen ?? 0);
  } else {
    const variance = m.physicalKg - m.bookKg;
    if (variance > 0) b.gainKg += sign * variance;
    else b.lossKg -= sign * variance;
    b.balanceKg += sign * variance;
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
  if (m.kind === 'reversal') {
    state.reversed.add(m.reversesId);
    applyEffect(bucket, target, -1);
  } else {
    applyEffect(bucket, target, 1);
  }
}

const isWholeKg = (n: number) => Number.isSafeInteger(n) && n > 0;

function refuse(code: string, zh: string, en: string): AppendResult {
  return { ok: false, code, zh, en };
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
      return null;
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
    if (state.reversed.has(target.id)) return refuse('already-reversed', '该记录已被冲销', 'that movement has already been reversed');
    if (bucketKey(target) !== bucketKey(next)) return refuse('reversal-bucket', '冲销记录的处置点、案件、煤种须与原记录一致', 'a reversal must name the same point, case and coal kind');
  }
  const current = state.buckets.get(bucketKey(next)) ?? emptyBucket(next);
  if (next.kind === 'stock-take' && next.bookKg !== current.balanceKg) {
    return refuse('stale-book', `账面数已变为${current.balanceKg}千克，请重新盘点`, `the book balance is now ${current.balanceKg} kg; count again`);
  }
  const after: BucketTotals = { ...current };
  if (target && target.kind !== 'reversal') applyEffect(after, target, next.kind === 'reversal' ? -1 : 1);
  if (after.balanceKg < 0) {
    return next.kind === 'disposal'
      ? refuse('exceeds-stock', `处置${next.quantityKg}千克超过库存${current.balanceKg}千克`, `disposal of ${next.quantityKg} kg exceeds the stock of ${current.balanceKg} kg`)
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
  byCoalKind: Record<string, number>;
}

/** Balances per disposal point, with a breakdown by coal kind. */
export function balancesByPoint(state: LedgerState): PointBalance[] {
  const points = new Map<string, PointBalance>();
  for (const b of state.buckets.values()) {
    let p = points.get(b.pointId);
    if (!p) points.set(b.pointId, (p = { pointId: b.pointId, balanceKg: 0, byCoalKind: {} }));
    p.balanceKg += b.balanceKg;
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

/** True when every bucket satisfies the conservation identity and is non-negative. */
export function isConserved(b: BucketTotals): boolean {
  return b.balanceKg >= 0 && b.receivedKg + b.gainKg === b.disposedKg + b.lossKg + b.balanceKg;
}
