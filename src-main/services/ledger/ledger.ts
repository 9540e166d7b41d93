/**
 * The disposal-point ledger through the domain rules: each new movement is checked by `checkMovement`
 * against its bucket's stored totals (not a replay of the whole ledger), then appended with its effect.
 * Coal is received into custody unless its handover or a signed confiscation notice says it was
 * confiscated (see confiscation.ts). Separation of duties by person: nobody named on a case may record
 * its coal here (case-duties.ts).
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../../../db/open.ts';
import { getCaseByNumber, toStoredCase } from '../../../db/cases-repo.ts';
import { getDisposalPoint, getDisposalPointByCode, getHandover } from '../../../db/handovers-repo.ts';
import {
  allBuckets, allMovements, bucketTotals, getMovement, insertMovement, isReversed, lastMovementAt, listMovements, pointBalances, toMovement, toMovementView,
  type Effect, type MovementRow,
} from '../../../db/ledger-repo.ts';
import { incomingNoticeFor } from '../../../db/confiscations-repo.ts';
import type { LedgerMovementView, PointBalanceView } from '../../../src-shared/contract/ledger.ts';
import { dutyOnCase } from '../../../src-shared/domain/case-duties.ts';
import {
  bucketKey, checkConservation, checkMovement, type ConservationProblem, type DisposalMethod, type LedgerState, type Movement, type PenaltyDecision,
} from '../../../src-shared/domain/disposal-ledger.ts';
import type { CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { refusal } from '../domain-refusal.ts';
import { mutate } from '../mutate.ts';

/** Only what `checkMovement` looks at for this movement: its bucket, the row it reverses, the last time. */
function stateFor(db: Db, pointId: number, caseRef: string, coalKind: string, target?: MovementRow): LedgerState {
  const bucket = bucketTotals(db, pointId, caseRef, coalKind);
  const byId = new Map<string, Movement>();
  const reversed = new Set<string>();
  if (target) {
    byId.set(target.id, toMovement(target));
    if (isReversed(db, target.id)) reversed.add(target.id);
  }
  return { buckets: new Map([[bucketKey(bucket), bucket]]), byId, reversed, lastAt: lastMovementAt(db) };
}

/** Refuses the movement to anyone named on the case, when the case is known to this installation. */
function requireNotNamed(ctx: CallContext, caseRef: string): void {
  const row = getCaseByNumber(ctx.db, caseRef);
  if (!row) return;
  const c = toStoredCase(row);
  const actorIds = (ctx.db.prepare('SELECT DISTINCT actor_id AS id FROM case_events WHERE case_id = @id AND actor_id IS NOT NULL').all({ id: c.id }) as { id: number }[]).map((r) => r.id);
  const people = {
    actorIds: [...actorIds, ...(c.decidedBy === null ? [] : [c.decidedBy])],
    officers: c.draft.officers,
    approverNames: [c.draft.approval?.approverName ?? '', c.extension?.approverName ?? ''].filter((n) => n.trim()),
  };
  const duty = dutyOnCase(people, ctx.session.user);
  if (duty) throw new ServiceError('forbidden', 'cases.errors.separationOfDuties', { caseNumber: caseRef, duty: duty.zh });
}

// Readable, unique and unguessable enough for a paper trail: L + date + random digits.
function movementId(at: Date): string {
  return `L${at.toISOString().slice(0, 10).replaceAll('-', '')}-${String(randomInt(0, 1e9)).padStart(9, '0')}`;
}

type Base = { id: string; at: string; pointId: string; operator: string };

/** Checks and appends one movement with the audit entry, in one transaction. */
export function appendLedger(
  ctx: CallContext, pointId: number, build: (base: Base) => Movement, options: { handoverId?: number; noticeId?: number; target?: MovementRow } = {},
): LedgerMovementView {
  return mutate(ctx, (tx) => {
    const at = ctx.now();
    const m = build({ id: movementId(at), at: at.toISOString(), pointId: String(pointId), operator: ctx.session.user.displayName });
    requireNotNamed(ctx, m.caseId);
    const state = stateFor(ctx.db, pointId, m.caseId, m.coalKind, options.target);
    const before = state.buckets.get(bucketKey(m))!;
    const result = checkMovement(state, m);
    if (!result.ok) throw refusal([result]);
    const a = result.bucket;
    const effect: Effect = {
      receivedKg: a.receivedKg - before.receivedKg, disposedKg: a.disposedKg - before.disposedKg, releasedKg: a.releasedKg - before.releasedKg,
      gainKg: a.gainKg - before.gainKg, lossKg: a.lossKg - before.lossKg, balanceKg: a.balanceKg - before.balanceKg, proceedsFen: a.proceedsFen - before.proceedsFen,
    };
    insertMovement(ctx.db, m, { pointId, operatorId: ctx.session.user.id, handoverId: options.handoverId ?? null, noticeId: options.noticeId ?? null }, effect);
    const row = getMovement(ctx.db, m.id)!;
    tx.audit({ action: `ledger.${m.kind}`, entity: 'ledger_movement', entityId: m.id, after: row, at });
    return toMovementView(row, false);
  });
}

function requirePoint(db: Db, id: number) {
  const point = getDisposalPoint(db, id);
  if (!point) throw new ServiceError('not-found', 'cases.errors.pointNotFound');
  return point;
}

/**
 * Receives one line (case, coal kind) of an imported handover, with the quantity re-weighed here.
 * The coal is confiscated stock when the handover carries the penalty decision or a confiscation
 * notice for the case was imported here before; otherwise it is held in custody.
 */
export function receive(ctx: CallContext, input: { handoverId: number; caseRef: string; coalKind: string; quantityKg: number; differenceReason?: string }): LedgerMovementView {
  const handover = getHandover(ctx.db, input.handoverId);
  if (!handover || handover.direction !== 'incoming') throw new ServiceError('not-found', 'cases.errors.handoverNotFound');
  const line = handover.cases.find((l) => l.caseRef === input.caseRef && l.coalKind === input.coalKind);
  if (!line) throw new ServiceError('not-found', 'cases.errors.handoverLineNotFound');
  const point = getDisposalPointByCode(ctx.db, handover.disposalPointCode);
  if (!point) throw new ServiceError('not-found', 'cases.errors.pointNotFound');
  const alreadyReceived = ctx.db
    .prepare(
      `SELECT 1 FROM ledger_movements m WHERE m.kind = 'receipt' AND m.handover_id = @handoverId AND m.case_ref = @caseRef AND m.coal_kind = @coalKind
       AND NOT EXISTS (SELECT 1 FROM ledger_movements r WHERE r.reverses_id = m.id)`,
    )
    .get({ handoverId: handover.id, caseRef: line.caseRef, coalKind: line.coalKind });
  if (alreadyReceived) throw new ServiceError('conflict', 'cases.errors.alreadyReceived');
  const entry = handover.record.cases.find((c) => c.caseId === line.caseRef);
  const notice = incomingNoticeFor(ctx.db, line.caseRef, handover.disposalPointCode);
  const confiscation: PenaltyDecision | undefined =
    entry?.legalStatus === 'confiscated' && entry.penaltyDecisionNo && entry.penaltyDecisionDate
      ? { penaltyDecisionNo: entry.penaltyDecisionNo, penaltyDecisionDate: entry.penaltyDecisionDate }
      : notice ?? undefined;
  return appendLedger(ctx, point.id, (base) => ({
    ...base, kind: 'receipt', caseId: line.caseRef, coalKind: line.coalKind, handoverFormNo: handover.formNo, handedOverKg: line.quantityKg,
    quantityKg: input.quantityKg, ...(input.differenceReason ? { differenceReason: input.differenceReason } : {}), ...(confiscation ? { confiscation } : {}),
  }), { handoverId: handover.id });
}

export function dispose(
  ctx: CallContext,
  input: { pointId: number; caseRef: string; coalKind: string; method: DisposalMethod; quantityKg: number; authorityRef: string; counterparty?: string; proceedsFen?: number; treasuryRemittanceRef?: string },
): LedgerMovementView {
  const { pointId, caseRef, ...rest } = input;
  requirePoint(ctx.db, pointId);
  return appendLedger(ctx, pointId, (base) => ({ ...base, kind: 'disposal', caseId: caseRef, ...rest }));
}

/**
 * Returns custody coal to the party on a release decision (行政强制法 art.28). When the case is known
 * here, it must have been released and the number must be its release decision's.
 */
export function releaseToParty(
  ctx: CallContext, input: { pointId: number; caseRef: string; coalKind: string; quantityKg: number; authorityRef: string; counterparty: string },
): LedgerMovementView {
  const { pointId, caseRef, ...rest } = input;
  requirePoint(ctx.db, pointId);
  const row = getCaseByNumber(ctx.db, caseRef);
  if (row && row.phase !== 'released') throw new ServiceError('conflict', 'cases.errors.notReleased', { caseNumber: caseRef });
  return appendLedger(ctx, pointId, (base) => ({ ...base, kind: 'release', caseId: caseRef, ...rest }));
}

export function stockTake(ctx: CallContext, input: { pointId: number; caseRef: string; coalKind: string; bookKg: number; physicalKg: number; varianceReason?: string }): LedgerMovementView {
  const { pointId, caseRef, ...rest } = input;
  requirePoint(ctx.db, pointId);
  return appendLedger(ctx, pointId, (base) => ({ ...base, kind: 'stock-take', caseId: caseRef, ...rest }));
}

export function reverse(ctx: CallContext, movementId: string, reason: string): LedgerMovementView {
  const target = getMovement(ctx.db, movementId);
  if (!target) throw new ServiceError('not-found', 'cases.errors.movementNotFound');
  return appendLedger(ctx, target.point_id, (base) => ({ ...base, kind: 'reversal', caseId: target.case_ref, coalKind: target.coal_kind, reversesId: target.id, reason }), { target });
}

export const balances = (db: Db, pointId?: number): PointBalanceView[] => pointBalances(db, pointId);
export const movements = (db: Db, filter: { pointId?: number; caseRef?: string; limit: number }): LedgerMovementView[] => listMovements(db, filter);

/** Replays every movement and compares the result with the stored running totals. */
export function verifyLedger(db: Db): { ok: boolean; movements: number; problems: ConservationProblem[] } {
  const all = allMovements(db);
  const problems = checkConservation(all, allBuckets(db));
  return { ok: problems.length === 0, movements: all.length, problems };
}
