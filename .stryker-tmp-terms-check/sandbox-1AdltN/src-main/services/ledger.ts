/**
 * The disposal-point ledger through the domain rules: each new movement is checked by `checkMovement`
 * against its bucket's totals summed in SQL (not a replay of the whole ledger), then appended with its
 * effect. Separation of duties: whoever decided a case may not record its coal at the disposal point.
 */
// @ts-nocheck

import { randomInt } from 'node:crypto';
import type { Db } from '../../db/open.ts';
import { getCaseByNumber } from '../../db/cases-repo.ts';
import { getDisposalPoint, getDisposalPointByCode, getHandover } from '../../db/handovers-repo.ts';
import {
  bucketTotals, getMovement, insertMovement, isReversed, lastMovementAt, listMovements, pointBalances, toMovement, toMovementView,
  type Effect, type MovementRow,
} from '../../db/ledger-repo.ts';
import type { LedgerMovementView, PointBalanceView } from '../contract/cases.ts';
import { bucketKey, checkMovement, type DisposalMethod, type LedgerState, type Movement } from '../domain/disposal-ledger.ts';
import { appendAudit } from './audit.ts';
import { actorOf, type CallContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { refusal } from './domain-refusal.ts';

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

function requireNotDecider(ctx: CallContext, caseRef: string): void {
  const c = getCaseByNumber(ctx.db, caseRef);
  if (c && c.decided_by === ctx.session.user.id) throw new ServiceError('forbidden', 'cases.errors.separationOfDuties', { caseNumber: caseRef });
}

// Readable, unique and unguessable enough for a paper trail: L + date + random digits.
function movementId(at: Date): string {
  return `L${at.toISOString().slice(0, 10).replaceAll('-', '')}-${String(randomInt(0, 1e9)).padStart(9, '0')}`;
}

/** Checks and appends one movement with the audit entry, in one transaction. */
function append(ctx: CallContext, pointId: number, build: (base: { id: string; at: string; pointId: string; operator: string }) => Movement, options: { handoverId?: number; target?: MovementRow } = {}): LedgerMovementView {
  return ctx.db.transaction(() => {
    const at = ctx.now();
    const m = build({ id: movementId(at), at: at.toISOString(), pointId: String(pointId), operator: ctx.session.user.displayName });
    requireNotDecider(ctx, m.caseId);
    const state = stateFor(ctx.db, pointId, m.caseId, m.coalKind, options.target);
    const before = state.buckets.get(bucketKey(m))!;
    const result = checkMovement(state, m);
    if (!result.ok) throw refusal([result]);
    const a = result.bucket;
    const effect: Effect = {
      receivedKg: a.receivedKg - before.receivedKg, disposedKg: a.disposedKg - before.disposedKg, gainKg: a.gainKg - before.gainKg,
      lossKg: a.lossKg - before.lossKg, balanceKg: a.balanceKg - before.balanceKg, proceedsFen: a.proceedsFen - before.proceedsFen,
    };
    insertMovement(ctx.db, m, { pointId, operatorId: ctx.session.user.id, handoverId: options.handoverId ?? null }, effect);
    const row = getMovement(ctx.db, m.id)!;
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: `ledger.${m.kind}`, entity: 'ledger_movement', entityId: m.id, after: row, at });
    return toMovementView(row, false);
  })();
}

function requirePoint(db: Db, id: number) {
  const point = getDisposalPoint(db, id);
  if (!point) throw new ServiceError('not-found', 'cases.errors.pointNotFound');
  return point;
}

/** Receives one line (case, coal kind) of an imported handover, with the quantity re-weighed here. */
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
  return append(ctx, point.id, (base) => ({
    ...base, kind: 'receipt', caseId: line.caseRef, coalKind: line.coalKind, handoverFormNo: handover.formNo, handedOverKg: line.quantityKg,
    quantityKg: input.quantityKg, ...(input.differenceReason ? { differenceReason: input.differenceReason } : {}),
  }), { handoverId: handover.id });
}

export function dispose(
  ctx: CallContext,
  input: { pointId: number; caseRef: string; coalKind: string; method: DisposalMethod; quantityKg: number; authorityRef: string; counterparty?: string; proceedsFen?: number; treasuryRemittanceRef?: string },
): LedgerMovementView {
  const { pointId, caseRef, ...rest } = input;
  requirePoint(ctx.db, pointId);
  return append(ctx, pointId, (base) => ({ ...base, kind: 'disposal', caseId: caseRef, ...rest }));
}

export function stockTake(ctx: CallContext, input: { pointId: number; caseRef: string; coalKind: string; bookKg: number; physicalKg: number; varianceReason?: string }): LedgerMovementView {
  const { pointId, caseRef, ...rest } = input;
  requirePoint(ctx.db, pointId);
  return append(ctx, pointId, (base) => ({ ...base, kind: 'stock-take', caseId: caseRef, ...rest }));
}

export function reverse(ctx: CallContext, movementId: string, reason: string): LedgerMovementView {
  const target = getMovement(ctx.db, movementId);
  if (!target) throw new ServiceError('not-found', 'cases.errors.movementNotFound');
  return append(ctx, target.point_id, (base) => ({ ...base, kind: 'reversal', caseId: target.case_ref, coalKind: target.coal_kind, reversesId: target.id, reason }), { target });
}

export const balances = (db: Db, pointId?: number): PointBalanceView[] => pointBalances(db, pointId);
export const movements = (db: Db, filter: { pointId?: number; caseRef?: string; limit: number }): LedgerMovementView[] => listMovements(db, filter);
