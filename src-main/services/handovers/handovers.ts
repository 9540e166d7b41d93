/**
 * Signed handovers (移交单): the checkpoint signs the cases it hands to a disposal point with its own
 * Ed25519 key (made on first use, private key kept in a key file beside the database); the disposal point imports the
 * QR text or signed file only when the signature verifies against a registered public key, once.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/open.ts';
import {
  getDisposalPoint, getDisposalPointByCode, getHandover, insertDisposalPoint, handoverImported, insertHandover, listHandovers, outgoingHandedOverKg, type StoredHandover,
} from '../../../db/handovers-repo.ts';
import { currentNumber } from '../../../db/documents-repo.ts';
import { getCaseConfiscation } from '../../../db/confiscations-repo.ts';
import type { DisposalPoint, HandoverSummary, SignedHandoverOutput } from '../../../src-shared/contract/handovers.ts';
import { QR_PREFIX, signHandover, verifyHandover, type HandoverRecord } from '../../signing/handover-signature.ts';
import { appendAudit } from '../audit.ts';
import { actorOf, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { refusal } from '../domain-refusal.ts';
import { requireStation } from '../accounts/accounts.ts';
import { issueNumber } from '../documents/documents.ts';
import { moveCase, requireCase } from '../cases/cases.ts';
import { acceptedKeyOf, checkpointKey } from '../keys/keys.ts';
import { mutate } from '../mutate.ts';

const summary = ({ record: _r, receiverName: _n, fileText: _f, ...rest }: StoredHandover): HandoverSummary => rest;

const HANDOVER_PHASES = new Set(['seized', 'extended', 'confiscated']);

/**
 * Hands one or more cases' coal to a disposal point: issues the handover form's number, signs the record
 * and, for confiscated coal, moves the case to handed-over. Coal still under seizure goes into custody;
 * its confiscation follows later as a signed notice (confiscation.ts).
 */
export function createHandover(ctx: CallContext, input: { caseIds: number[]; disposalPointId: number; receiverName: string }): SignedHandoverOutput {
  const key = checkpointKey(ctx.db, actorOf(ctx.session), ctx.now());
  return mutate(ctx, () => {
    const point = getDisposalPoint(ctx.db, input.disposalPointId);
    if (!point) throw new ServiceError('not-found', 'cases.errors.pointNotFound');
    const station = requireStation(ctx.db);
    const cases = [...new Set(input.caseIds)].map((id) => requireCase(ctx.db, id));
    for (const c of cases) {
      if (!HANDOVER_PHASES.has(c.phase)) throw new ServiceError('conflict', 'cases.errors.notHandoverable', { caseNumber: c.caseNumber });
      if (outgoingHandedOverKg(ctx.db, c.caseNumber) > 0) throw new ServiceError('conflict', 'cases.errors.alreadyHandedOver', { caseNumber: c.caseNumber });
    }
    const at = ctx.now();
    const actor = actorOf(ctx.session);
    const formNo = issueNumber(ctx.db, 'handover-form', { caseId: cases[0]!.id }, actor, at);
    const record: HandoverRecord = {
      id: randomUUID(),
      formNo: formNo.number,
      checkpointId: key.checkpoint_id,
      checkpointName: station.name,
      disposalPointId: point.code,
      handedOverAt: at.toISOString(),
      cases: cases.map((c) => {
        const byKind = new Map<string, number>();
        for (const item of c.draft.items) byKind.set(item.coalKind, (byKind.get(item.coalKind) ?? 0) + item.quantityKg);
        const penalty = c.phase === 'confiscated' ? getCaseConfiscation(ctx.db, c.id) : null;
        return {
          caseId: c.caseNumber,
          decisionNo: currentNumber(ctx.db, c.id, 'seizure-decision')?.number ?? c.caseNumber,
          legalStatus: c.phase === 'confiscated' ? 'confiscated' : 'seized',
          // The disposal point may dispose of the coal only with the decision that confiscated it.
          ...(penalty ? { penaltyDecisionNo: penalty.penaltyDecisionNo, penaltyDecisionDate: penalty.penaltyDecisionDate } : {}),
          items: [...byKind].map(([coalKind, quantityKg]) => ({ coalKind, quantityKg })),
        };
      }),
    };
    const signed = signHandover(record, key.private_key_pem);
    const id = insertHandover(ctx.db, {
      direction: 'outgoing', record, receiverName: input.receiverName, contentHash: signed.contentHash, qrText: signed.qrText, fileText: signed.fileText,
      importedFrom: null, recordedBy: actor.id, at: at.toISOString(),
    });
    for (const c of cases.filter((x) => x.phase === 'confiscated')) {
      moveCase(ctx, c.id, { action: 'cases.handOver', event: (_c, date) => ({ type: 'hand-over', date }), payload: { handoverId: id } });
    }
    appendAudit(ctx.db, { actor, action: 'handovers.create', entity: 'handover', entityId: id, after: { record, contentHash: signed.contentHash }, at });
    const stored = getHandover(ctx.db, id)!;
    return { ...summary(stored), qrText: signed.qrText, fileText: signed.fileText, fileName: `${record.formNo}.cchandover.json` };
  });
}

/**
 * Imports a handover at the disposal point. This checkpoint's own key counts as registered, so a
 * checkpoint and its disposal point may share one installation.
 */
export function importHandover(ctx: CallContext, text: string): HandoverSummary {
  return mutate(ctx, (tx) => {
    const result = verifyHandover(text, {
      publicKeyOf: acceptedKeyOf(ctx.db),
      alreadyImported: (id) => handoverImported(ctx.db, id),
    });
    if (!result.ok) throw refusal([result], result.reason === 'malformed' ? 'invalid-input' : 'conflict');
    if (!getDisposalPointByCode(ctx.db, result.record.disposalPointId)) throw new ServiceError('not-found', 'cases.errors.pointNotFound');
    const at = ctx.now();
    const trimmed = text.trim();
    const id = insertHandover(ctx.db, {
      direction: 'incoming', record: result.record, receiverName: ctx.session.user.displayName, contentHash: result.contentHash,
      qrText: trimmed.startsWith(QR_PREFIX) ? trimmed : null, fileText: trimmed, importedFrom: trimmed.startsWith(QR_PREFIX) ? 'qr' : 'file',
      recordedBy: ctx.session.user.id, at: at.toISOString(),
    });
    tx.audit({ action: 'handovers.import', entity: 'handover', entityId: id, after: { record: result.record, contentHash: result.contentHash }, at });
    return summary(getHandover(ctx.db, id)!);
  });
}

export const handoverList = (db: Db, direction: 'outgoing' | 'incoming'): HandoverSummary[] => listHandovers(db, direction).map(summary);

/** A disposal point this checkpoint hands coal to; its code is unique. */
export function createDisposalPoint(ctx: CallContext, input: { code: string; name: string; address: string }): DisposalPoint {
  return mutate(ctx, (tx) => {
    if (getDisposalPointByCode(ctx.db, input.code)) throw new ServiceError('conflict', 'cases.errors.pointCodeTaken', { code: input.code });
    const id = insertDisposalPoint(ctx.db, { ...input, at: ctx.now().toISOString() });
    const point = getDisposalPoint(ctx.db, id)!;
    tx.audit({ action: 'disposalPoints.create', entity: 'disposal_point', entityId: id, after: point });
    return point;
  });
}
