/**
 * This checkpoint's signing key (Ed25519, made on first use, private key kept in a key file beside the database, owner-only) and the
 * other checkpoints whose signed handovers and notices it accepts.
 */
import { createPublicKey } from 'node:crypto';
import type { Db } from '../../../db/open.ts';
import { deleteTrustedCheckpoint, getCheckpointKey, insertCheckpointKey, trustedKeyOf, upsertTrustedCheckpoint, type KeyRow } from '../../../db/handovers-repo.ts';
import { generateCheckpointKeyPair } from '../../signing/handover-signature.ts';
import { appendAudit } from '../audit.ts';
import { type Actor, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { requireStation } from '../accounts/accounts.ts';
import { mutate } from '../mutate.ts';
import { KeyMissingError, loadPrivateKey, moveKeyOutOfDatabase, storePrivateKey } from '../../signing/key-store.ts';

/** This checkpoint's key pair, generated on first use. */
export function checkpointKey(db: Db, actor: Actor, at: Date): KeyRow {
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

/** The private key from its file; a key still in an old database is moved out first. */
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
  return mutate(ctx, (tx) => {
    const before = trustedKeyOf(ctx.db, input.checkpointId);
    upsertTrustedCheckpoint(ctx.db, { ...input, by: ctx.session.user.id, at: ctx.now().toISOString() });
    tx.audit({ action: 'checkpointKey.trust', entity: 'trusted_checkpoint', entityId: input.checkpointId, before: before ?? null, after: input.publicKeyPem });
    return { checkpointId: input.checkpointId, name: input.name };
  });
}

/**
 * Stops accepting handovers signed by another checkpoint. This checkpoint's own key is always accepted
 * (see importHandover), so removing it is refused rather than silently doing nothing.
 */
export function untrustCheckpoint(ctx: CallContext, checkpointId: string): { checkpointId: string } {
  const ownId = getCheckpointKey(ctx.db)?.checkpoint_id ?? requireStation(ctx.db).code;
  if (checkpointId === ownId) throw new ServiceError('conflict', 'cases.errors.untrustOwnKey', { checkpointId });
  return mutate(ctx, (tx) => {
    const before = trustedKeyOf(ctx.db, checkpointId);
    if (before === undefined || !deleteTrustedCheckpoint(ctx.db, checkpointId)) throw new ServiceError('not-found', 'cases.errors.trustedNotFound', { checkpointId });
    tx.audit({ action: 'checkpointKey.untrust', entity: 'trusted_checkpoint', entityId: checkpointId, before, after: null });
    return { checkpointId };
  });
}

/**
 * The public key this checkpoint accepts for a signer: a trusted checkpoint's, or its own, so a checkpoint
 * and its disposal point may share one installation.
 */
export function acceptedKeyOf(db: Db): (checkpointId: string) => string | undefined {
  const own = getCheckpointKey(db);
  return (id) => trustedKeyOf(db, id) ?? (own?.checkpoint_id === id ? own.public_key_pem : undefined);
}
