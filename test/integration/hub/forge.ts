/**
 * Hand-made requests for the refusal tests: an installation's real feed, cut, altered and re-signed the way
 * a forger or a broken client would, and posted raw to the hub.
 */
import { HUB_PATHS, HUB_PROTOCOL, type Signed, type SyncBatch, type SyncEntry } from '../../../src-shared/contract/hub.ts';
import { rowAuditHash } from '../../../db/row-audit.ts';
import { readFeed } from '../../../src-main/services/sync/feed.ts';
import { postToHub } from '../../../src-main/services/sync/transport.ts';
import { checkpointKey } from '../../../src-main/services/keys/keys.ts';
import { signEnvelope } from '../../../src-main/signing/hub-envelope.ts';
import type { Installation } from './helpers.ts';

export function privateKeyOf(inst: Installation): string {
  return checkpointKey(inst.app.db, { id: null, name: 'test' }, inst.clock.now).private_key_pem;
}

/** Entries `from`..`to` of the installation's feed, as its client would send them. */
export function feed(inst: Installation, from: number, to: number): SyncEntry[] {
  return readFeed(inst.app.db, from - 1, to - from + 1, Number.MAX_SAFE_INTEGER);
}

export function batchOf(inst: Installation, entries: SyncEntry[], installationId = inst.code): SyncBatch {
  return { protocol: HUB_PROTOCOL, installationId, fromSeq: entries[0]!.seq, toSeq: entries.at(-1)!.seq, entries, sentAt: inst.clock.now.toISOString() };
}

/** Recomputes each entry's hash and relinks the chain from `entries[0].prevHash`: a forgery consistent in itself. */
export function rechain(entries: SyncEntry[]): SyncEntry[] {
  let prev = entries[0]!.prevHash;
  return entries.map((e) => {
    const hash = e.redacted ? e.hash : rowAuditHash({ seq: e.seq, tbl: e.tbl, pk: e.pk, op: e.op, after_json: e.afterJson, actor_id: e.actorId, actor_name: e.actorName, at: e.at, prev_hash: prev });
    const out = { ...e, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

export async function postSigned(url: string, body: unknown, privateKeyPem: string, path: string = HUB_PATHS.push) {
  return postToHub(url, path, signEnvelope(body, privateKeyPem));
}

export async function postRaw(url: string, envelope: Signed | unknown, path: string = HUB_PATHS.push) {
  return postToHub(url, path, envelope);
}
