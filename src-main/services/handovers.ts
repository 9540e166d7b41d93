/**
 * Signed handovers (移交单): the checkpoint signs the cases it hands to a disposal point with its own
 * Ed25519 key (made on first use, private key kept in a key file beside the database); the disposal point imports the
 * QR text or signed file only when the signature verifies against a registered public key, once.
 */
import { createPublicKey, randomUUID } from 'node:crypto';
import type { Db } from '../../db/open.ts';
import {
  deleteTrustedCheckpoint, getCheckpointKey, getDisposalPoint, getDisposalPointByCode, getHandover, handoverImported, insertCheckpointKey, insertHandover, listHandovers,
  outgoingHandedOverKg, trustedKeyOf, upsertTrustedCheckpoint, type KeyRow, type StoredHandover,
} from '../../db/handovers-repo.ts';
import { currentNumber } from '../../db/documents-repo.ts';
import { getCaseConfiscation } from '../../db/confiscations-repo.ts';
import type { HandoverSummary, SignedHandoverOutput } from '../../src-shared/contract/cases.ts';
import { generateCheckpointKeyPair, QR_PREFIX, signHandover, verifyHandover, type HandoverRecord } from '../signing/handover-signature.ts';
import { appendAudit } from './audit.ts';
import { KeyMissingError, loadPrivateKey, moveKeyOutOfDatabase, storePrivateKey } from '../signing/key-store.ts';
import { actorOf, SYSTEM_ACTOR, type Actor, type CallContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { refusal } from './domain-refusal.ts';
import { requireStation } from './accounts.ts';
import { issueNumber } from './documents.ts';
import { moveCase, requireCase } from './cases.ts';

/** This checkpoint's key pair, generated on first use. */
export function checkpointKey(db: Db, actor: Actor = SYSTEM_ACTOR, at = new Date()): KeyRow {
  const existing = getCheckpointKey(db);
  if (existing) return { ...existing, private_key_pem: privateKeyOf(db, existing) };
  return db.transaction(() => {
    const station = requireStation(db);
    const pair = generateCheckpointKeyPair();
    // The private half goes to the key file only: the database (and its row audit) never holds it.
    storePrivateKey(db, station.code, pair.privateKeyPem);
    insertCheckpointKey(db, { checkpointId: station.code, publicKeyPem: pair.publicKeyPem, privateKeyPem: '', at: at.toISOString() });
    appendAudit(db, { actor, action: 'checkpointKey.create', entity: 'checkpoint_key', entityId: station.code, after: { checkpointId: station.code, publicKeyPem: pair.publicKeyPem }, at });
    return { ...getCheckpointKey(db)!, private_key_pem: pair.privateKeyPem };
  })();
}

function privateKeyOf(db: Db, row: KeyRow): string {
  if (row.private_key_pem !== '') moveKeyOutOfDatabase(db);
  try {
    return loadPrivateKey(db, row.checkpoint_id);
  } catch (err) {
    if (err instanceof KeyMissingError) throw new ServiceError('conflict', 'errors.signingKeyMissing', { checkpointId: row.checkpoint_id });
    throw err;
  }
}

/** Only an Ed25519 public key can verify a handover: anything else pasted in is refused before it is stored. */
function requireEd25519PublicKey(pem: string): void {
  let type: string | undefined;
  try {
    type = createPublicKey(pem).asymmetricKeyType;
  } catch {
    type = undefined;
  }
  if (type !== 'ed25519') {
    throw new ServiceError('invalid-input', 'validation.invalid_format', {}, [{ path: 'publicKeyPem', key: 'validation.invalid_format' }]);
  }
}

export function trustCheckpoint(ctx: CallContext, input: { checkpointId: string; name: string; publicKeyPem: string }): { checkpointId: string; name: string } {
  requireEd25519PublicKey(input.publicKeyPem);
  return ctx.db.transaction(() => {
    const before = trustedKeyOf(ctx.db, input.checkpointId);
    upsertTrustedCheckpoint(ctx.db, { ...input, by: ctx.session.user.id, at: ctx.now().toISOString() });
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'checkpointKey.trust', entity: 'trusted_checkpoint', entityId: input.checkpointId, before: before ?? null, after: input.publicKeyPem, at: ctx.now() });
    return { checkpointId: input.checkpointId, name: input.name };
  })();
}

/**
 * Stops accepting handovers signed by another checkpoint. This checkpoint's own key is always accepted
 * (see importHandover), so removing it is refused rather than silently doing nothing.
 */
export function untrustCheckpoint(ctx: CallContext, checkpointId: string): { checkpointId: string } {
  const ownId = getCheckpointKey(ctx.db)?.checkpoint_id ?? requireStation(ctx.db).code;
  if (checkpointId === ownId) throw new ServiceError('conflict', 'cases.errors.untrustOwnKey', { checkpointId });
  return ctx.db.transaction(() => {
    const before = trustedKeyOf(ctx.db, checkpointId);
    if (before === undefined || !deleteTrustedCheckpoint(ctx.db, checkpointId)) throw new ServiceError('not-found', 'cases.errors.trustedNotFound', { checkpointId });
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'checkpointKey.untrust', entity: 'trusted_checkpoint', entityId: checkpointId, before, after: null, at: ctx.now() });
    return { checkpointId };
  })();
}

const summary = ({ record: _r, receiverName: _n, fileText: _f, ...rest }: StoredHandover): HandoverSummary => rest;

const HANDOVER_PHASES = new Set(['seized', 'extended', 'confiscated']);

/**
 * Hands one or more cases' coal to a disposal point: issues the handover form's number, signs the record
 * and, for confiscated coal, moves the case to handed-over. Coal still under seizure goes into custody;
 * its confiscation follows later as a signed notice (confiscation.ts).
 */
export function createHandover(ctx: CallContext, input: { caseIds: number[]; disposalPointId: number; receiverName: string }): SignedHandoverOutput {
  const key = checkpointKey(ctx.db, actorOf(ctx.session), ctx.now());
  return ctx.db.transaction(() => {
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
  })();
}

/**
 * Imports a handover at the disposal point. This checkpoint's own key counts as registered, so a
 * checkpoint and its disposal point may share one installation.
 */
export function importHandover(ctx: CallContext, text: string): HandoverSummary {
  return ctx.db.transaction(() => {
    const own = getCheckpointKey(ctx.db);
    const result = verifyHandover(text, {
      publicKeyOf: (id) => trustedKeyOf(ctx.db, id) ?? (own?.checkpoint_id === id ? own.public_key_pem : undefined),
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
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'handovers.import', entity: 'handover', entityId: id, after: { record: result.record, contentHash: result.contentHash }, at });
    return summary(getHandover(ctx.db, id)!);
  })();
}

export const handoverList = (db: Db, direction: 'outgoing' | 'incoming'): HandoverSummary[] => listHandovers(db, direction).map(summary);
