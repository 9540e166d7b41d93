/**
 * Disposal-point ledger rows. Each row stores its effect on its bucket (a reversal the negated effect
 * of the row it cancels), so balances are plain sums and never need a replay of the whole ledger.
 */
import type { LedgerMovementView, PointBalanceView } from '../src-shared/contract/ledger.ts';
import { emptyBucket, type BucketTotals, type DisposalMethod, type Movement } from '../src-shared/domain/disposal-ledger.ts';
import type { Db } from './open.ts';

export interface MovementRow {
  seq: number;
  id: string;
  kind: Movement['kind'];
  at: string;
  point_id: number;
  case_ref: string;
  coal_kind: string;
  operator_id: number | null;
  operator_name: string;
  handover_id: number | null;
  handover_form_no: string | null;
  handed_over_kg: number | null;
  quantity_kg: number | null;
  difference_reason: string | null;
  method: string | null;
  authority_ref: string | null;
  counterparty: string | null;
  proceeds_fen: number | null;
  treasury_remittance_ref: string | null;
  book_kg: number | null;
  physical_kg: number | null;
  variance_reason: string | null;
  reverses_id: string | null;
  reason: string | null;
  confiscates: number;
  decision_date: string | null;
  notice_id: number | null;
  balance_delta_kg: number;
}

/** The domain movement a stored row was written from. */
export function toMovement(r: MovementRow): Movement {
  const base = { id: r.id, at: r.at, pointId: String(r.point_id), caseId: r.case_ref, coalKind: r.coal_kind, operator: r.operator_name };
  const penalty = { penaltyDecisionNo: r.authority_ref ?? '', penaltyDecisionDate: r.decision_date ?? '' };
  switch (r.kind) {
    case 'receipt':
      return {
        ...base, kind: 'receipt', handoverFormNo: r.handover_form_no ?? '', handedOverKg: r.handed_over_kg ?? 0, quantityKg: r.quantity_kg ?? 0,
        ...(r.difference_reason ? { differenceReason: r.difference_reason } : {}), ...(r.confiscates === 1 ? { confiscation: penalty } : {}),
      };
    case 'disposal':
      return {
        ...base, kind: 'disposal', method: r.method as DisposalMethod, quantityKg: r.quantity_kg ?? 0, authorityRef: r.authority_ref ?? '',
        ...(r.counterparty ? { counterparty: r.counterparty } : {}),
        ...(r.proceeds_fen !== null ? { proceedsFen: r.proceeds_fen } : {}),
        ...(r.treasury_remittance_ref ? { treasuryRemittanceRef: r.treasury_remittance_ref } : {}),
      };
    case 'confiscation':
      return { ...base, kind: 'confiscation', ...penalty };
    case 'release':
      return { ...base, kind: 'release', quantityKg: r.quantity_kg ?? 0, authorityRef: r.authority_ref ?? '', counterparty: r.counterparty ?? '' };
    case 'stock-take':
      return { ...base, kind: 'stock-take', bookKg: r.book_kg ?? 0, physicalKg: r.physical_kg ?? 0, ...(r.variance_reason ? { varianceReason: r.variance_reason } : {}) };
    case 'reversal':
      return { ...base, kind: 'reversal', reversesId: r.reverses_id ?? '', reason: r.reason ?? '' };
  }
}

export function getMovement(db: Db, id: string): MovementRow | undefined {
  return db.prepare('SELECT * FROM ledger_movements WHERE id = @id').get({ id }) as MovementRow | undefined;
}

export function isReversed(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM ledger_movements WHERE reverses_id = @id').get({ id }) !== undefined;
}

export function lastMovementAt(db: Db): string {
  return (db.prepare('SELECT MAX(at) AS at FROM ledger_movements').get() as { at: string | null }).at ?? '';
}

// Sums over the running totals that migration 005's trigger keeps per bucket (point, case, coal kind).
const SUMS = `COALESCE(SUM(received_kg), 0) AS receivedKg, COALESCE(SUM(disposed_kg), 0) AS disposedKg,
  COALESCE(SUM(released_kg), 0) AS releasedKg, COALESCE(SUM(gain_kg), 0) AS gainKg, COALESCE(SUM(loss_kg), 0) AS lossKg,
  COALESCE(SUM(balance_kg), 0) AS balanceKg, COALESCE(SUM(proceeds_fen), 0) AS proceedsFen,
  COALESCE(SUM(CASE WHEN confiscated = 1 THEN 0 ELSE balance_kg END), 0) AS custodyKg,
  COALESCE(SUM(CASE WHEN confiscated = 1 THEN balance_kg ELSE 0 END), 0) AS confiscatedKg`;

export function bucketTotals(db: Db, pointId: number, caseRef: string, coalKind: string): BucketTotals {
  const row = db
    .prepare(`SELECT * FROM ledger_balances WHERE point_id = @pointId AND case_ref = @caseRef AND coal_kind = @coalKind`)
    .get({ pointId, caseRef, coalKind }) as BalanceRow | undefined;
  return row ? toBucket(row) : emptyBucket({ pointId: String(pointId), caseId: caseRef, coalKind });
}

interface BalanceRow {
  point_id: number;
  case_ref: string;
  coal_kind: string;
  received_kg: number;
  disposed_kg: number;
  released_kg: number;
  gain_kg: number;
  loss_kg: number;
  balance_kg: number;
  proceeds_fen: number;
  confiscated: number;
}

const toBucket = (r: BalanceRow): BucketTotals => ({
  pointId: String(r.point_id), caseId: r.case_ref, coalKind: r.coal_kind, receivedKg: r.received_kg, disposedKg: r.disposed_kg,
  releasedKg: r.released_kg, gainKg: r.gain_kg, lossKg: r.loss_kg, balanceKg: r.balance_kg, proceedsFen: r.proceeds_fen, confiscated: r.confiscated === 1,
});

/** Every stored running total, for the conservation check. */
export function allBuckets(db: Db): BucketTotals[] {
  return (db.prepare('SELECT * FROM ledger_balances ORDER BY point_id, case_ref, coal_kind').all() as BalanceRow[]).map(toBucket);
}

/** Every movement in the order it was written. */
export function allMovements(db: Db): Movement[] {
  return (db.prepare('SELECT * FROM ledger_movements ORDER BY seq').all() as MovementRow[]).map(toMovement);
}

/** Coal kinds of a case held at a point (buckets that exist), for a confiscation notice. */
export function coalKindsAt(db: Db, pointId: number, caseRef: string): string[] {
  return (db.prepare('SELECT coal_kind AS k FROM ledger_balances WHERE point_id = @pointId AND case_ref = @caseRef ORDER BY coal_kind').all({ pointId, caseRef }) as { k: string }[]).map((r) => r.k);
}

export interface Effect {
  receivedKg: number;
  disposedKg: number;
  releasedKg: number;
  gainKg: number;
  lossKg: number;
  balanceKg: number;
  proceedsFen: number;
}

export function insertMovement(db: Db, m: Movement, extra: { pointId: number; operatorId: number | null; handoverId: number | null; noticeId?: number | null }, effect: Effect): void {
  const penalty = m.kind === 'confiscation' ? m : m.kind === 'receipt' ? m.confiscation : undefined;
  db.prepare(
    `INSERT INTO ledger_movements (id, kind, at, point_id, case_ref, coal_kind, operator_id, operator_name, handover_id, handover_form_no, handed_over_kg,
       quantity_kg, difference_reason, method, authority_ref, counterparty, proceeds_fen, treasury_remittance_ref, book_kg, physical_kg, variance_reason,
       reverses_id, reason, confiscates, decision_date, notice_id, received_delta_kg, disposed_delta_kg, released_delta_kg, gain_delta_kg, loss_delta_kg,
       balance_delta_kg, proceeds_delta_fen)
     VALUES (@id, @kind, @at, @pointId, @caseRef, @coalKind, @operatorId, @operatorName, @handoverId, @handoverFormNo, @handedOverKg,
       @quantityKg, @differenceReason, @method, @authorityRef, @counterparty, @proceedsFen, @treasuryRemittanceRef, @bookKg, @physicalKg, @varianceReason,
       @reversesId, @reason, @confiscates, @decisionDate, @noticeId, @receivedKg, @disposedKg, @releasedKg, @gainKg, @lossKg, @balanceKg, @proceedsDeltaFen)`,
  ).run({
    id: m.id, kind: m.kind, at: m.at, pointId: extra.pointId, caseRef: m.caseId, coalKind: m.coalKind, operatorId: extra.operatorId, operatorName: m.operator,
    handoverId: extra.handoverId,
    handoverFormNo: m.kind === 'receipt' ? m.handoverFormNo : null,
    handedOverKg: m.kind === 'receipt' ? m.handedOverKg : null,
    quantityKg: m.kind === 'receipt' || m.kind === 'disposal' || m.kind === 'release' ? m.quantityKg : null,
    differenceReason: m.kind === 'receipt' ? (m.differenceReason ?? null) : null,
    method: m.kind === 'disposal' ? m.method : null,
    authorityRef: m.kind === 'disposal' || m.kind === 'release' ? m.authorityRef : (penalty?.penaltyDecisionNo ?? null),
    counterparty: m.kind === 'disposal' || m.kind === 'release' ? (m.counterparty ?? null) : null,
    proceedsFen: m.kind === 'disposal' ? (m.proceedsFen ?? null) : null,
    treasuryRemittanceRef: m.kind === 'disposal' ? (m.treasuryRemittanceRef ?? null) : null,
    confiscates: penalty ? 1 : 0,
    decisionDate: penalty?.penaltyDecisionDate ?? null,
    noticeId: extra.noticeId ?? null,
    bookKg: m.kind === 'stock-take' ? m.bookKg : null,
    physicalKg: m.kind === 'stock-take' ? m.physicalKg : null,
    varianceReason: m.kind === 'stock-take' ? (m.varianceReason ?? null) : null,
    reversesId: m.kind === 'reversal' ? m.reversesId : null,
    reason: m.kind === 'reversal' ? m.reason : null,
    receivedKg: effect.receivedKg, disposedKg: effect.disposedKg, releasedKg: effect.releasedKg, gainKg: effect.gainKg, lossKg: effect.lossKg, balanceKg: effect.balanceKg,
    proceedsDeltaFen: effect.proceedsFen,
  });
}

export function pointBalances(db: Db, pointId?: number): PointBalanceView[] {
  const points = (pointId === undefined
    ? db.prepare('SELECT id, code, name FROM disposal_points ORDER BY id').all()
    : db.prepare('SELECT id, code, name FROM disposal_points WHERE id = @pointId').all({ pointId })) as { id: number; code: string; name: string }[];
  const totals = db.prepare(`SELECT ${SUMS} FROM ledger_balances WHERE point_id = @id`);
  const buckets = db.prepare(
    `SELECT case_ref AS caseRef, coal_kind AS coalKind, balance_kg AS stockKg, CASE WHEN confiscated = 1 THEN 'confiscated' ELSE 'custody' END AS status
     FROM ledger_balances WHERE point_id = @id AND balance_kg <> 0 ORDER BY case_ref, coal_kind`,
  );
  return points.map((p) => {
    const t = totals.get({ id: p.id }) as Effect & { custodyKg: number; confiscatedKg: number };
    return {
      id: p.id, code: p.code, name: p.name, receivedKg: t.receivedKg, disposedKg: t.disposedKg, releasedKg: t.releasedKg, gainKg: t.gainKg, lossKg: t.lossKg,
      stockKg: t.balanceKg, custodyKg: t.custodyKg, confiscatedKg: t.confiscatedKg, proceedsFen: t.proceedsFen,
      buckets: buckets.all({ id: p.id }) as PointBalanceView['buckets'],
    };
  });
}

export function listMovements(db: Db, filter: { pointId?: number; caseRef?: string; limit: number }): LedgerMovementView[] {
  const rows = db
    .prepare(
      `SELECT m.*, EXISTS (SELECT 1 FROM ledger_movements r WHERE r.reverses_id = m.id) AS reversed FROM ledger_movements m
       WHERE (@pointId IS NULL OR m.point_id = @pointId) AND (@caseRef IS NULL OR m.case_ref = @caseRef)
       ORDER BY m.seq DESC LIMIT @limit`,
    )
    .all({ pointId: filter.pointId ?? null, caseRef: filter.caseRef ?? null, limit: filter.limit }) as (MovementRow & { reversed: number })[];
  return rows.map((r) => toMovementView(r, r.reversed === 1));
}

export function toMovementView(r: MovementRow, reversed: boolean): LedgerMovementView {
  const detail: LedgerMovementView['detail'] = {};
  const fields = {
    handoverFormNo: r.handover_form_no, handedOverKg: r.handed_over_kg, differenceReason: r.difference_reason, method: r.method, authorityRef: r.authority_ref,
    counterparty: r.counterparty, proceedsFen: r.proceeds_fen, treasuryRemittanceRef: r.treasury_remittance_ref, bookKg: r.book_kg,
    physicalKg: r.physical_kg, varianceReason: r.variance_reason, reversesId: r.reverses_id, reason: r.reason, decisionDate: r.decision_date,
  };
  for (const [k, v] of Object.entries(fields)) if (v !== null) detail[k] = v;
  return {
    seq: r.seq, id: r.id, kind: r.kind, at: r.at, pointId: r.point_id, caseRef: r.case_ref, coalKind: r.coal_kind, operatorName: r.operator_name,
    quantityKg: r.quantity_kg, balanceDeltaKg: r.balance_delta_kg, detail, reversed,
  };
}
