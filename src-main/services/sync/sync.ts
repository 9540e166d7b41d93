/**
 * An installation's push to the city hub. It always starts from the hub's own head (asked first), so a push
 * cut short anywhere — the process killed, the hub down, the line dropped — is resumed by the next one with
 * nothing lost or sent twice into storage; then it sends signed batches until the hub holds the local head.
 */
import type { Db } from '../../../db/open.ts';
import { HUB_PATHS, HUB_PROTOCOL, MAX_BATCH_ENTRIES, type HeadAnswer, type PushAck, type SyncBatch } from '../../../src-shared/contract/hub.ts';
import type { SyncPullResult, SyncResult, SyncStatus } from '../../../src-shared/contract/sync.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { signEnvelope } from '../../signing/hub-envelope.ts';
import { actorOf, type Actor, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { checkpointKey } from '../keys/keys.ts';
import { localHeadSeq, readFeed } from './feed.ts';
import { postToHub, SyncTransportError } from './transport.ts';
import { pullMail, sendOutgoingMail, type AskHub } from './mail.ts';

/** A batch's after-images stay under this many characters, so no request nears the hub's body limit. */
const MAX_BATCH_CHARS = 8_000_000;

export interface SyncOptions {
  hubUrl?: string;
  caPem?: string;
  now: () => Date;
  actor: Actor;
  /** The transport; tests wrap it to cut requests and answers at chosen points. */
  post?: typeof postToHub;
  maxEntries?: number;
}

class Refused extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number>) {
    super(key);
  }
}

interface StateRow {
  hub_url: string | null;
  ca_pem: string | null;
  last_result_json: string | null;
  last_ok_at: string | null;
  hub_head_seq: number | null;
}

const state = (db: Db) => db.prepare('SELECT hub_url, ca_pem, last_result_json, last_ok_at, hub_head_seq FROM sync_state WHERE id = 1').get() as StateRow;

function target(db: Db, o: { hubUrl?: string; caPem?: string }): { hubUrl: string; caPem?: string } | null {
  const s = state(db);
  const hubUrl = o.hubUrl ?? s.hub_url;
  if (!hubUrl) return null;
  return { hubUrl, caPem: o.caPem ?? (hubUrl === s.hub_url ? s.ca_pem ?? undefined : undefined) };
}

/** Another hub starts the mailbox from the beginning (sending again is idempotent; imported papers count as held). */
function useHub(db: Db, t: { hubUrl: string; caPem?: string }): void {
  db.prepare('UPDATE sync_state SET hub_url = @hubUrl, ca_pem = @caPem, mail_handover_id = 0, mail_notice_id = 0, mail_fetched_id = 0 WHERE id = 1 AND hub_url IS NOT @hubUrl')
    .run({ hubUrl: t.hubUrl, caPem: t.caPem ?? null });
}

async function ask<T>(post: typeof postToHub, t: { hubUrl: string; caPem?: string }, path: string, body: unknown, privateKeyPem: string): Promise<T> {
  const answer = await post(t.hubUrl, path, signEnvelope(body, privateKeyPem), { caPem: t.caPem });
  if (answer.body.ok) return answer.body.value as T;
  const error = answer.body.error as { key: string; detail?: Record<string, string> };
  throw new Refused(error.key, error.detail ?? {});
}

async function hubHeadOf(post: typeof postToHub, t: { hubUrl: string; caPem?: string }, installationId: string, privateKeyPem: string, now: Date): Promise<number> {
  const head = await ask<HeadAnswer>(post, t, HUB_PATHS.head, { protocol: HUB_PROTOCOL, installationId, at: now.toISOString() }, privateKeyPem);
  return head.headSeq;
}

/** Pushes until the hub holds the local head, or until a refusal or a transport problem stops it. */
export async function pushToHub(db: Db, o: SyncOptions): Promise<SyncResult> {
  const t = target(db, o);
  if (!t) throw new ServiceError('invalid-input', 'hub.errors.noHub');
  const post = o.post ?? postToHub;
  useHub(db, t);
  const key = checkpointKey(db, o.actor, o.now());
  const result: SyncResult = {
    ok: false, at: o.now().toISOString(), hubUrl: t.hubUrl, installationId: key.checkpoint_id, batches: 0, stored: 0, duplicates: 0, mailSent: 0, hubHeadSeq: null, localHeadSeq: localHeadSeq(db),
  };
  try {
    let hubHead = await hubHeadOf(post, t, key.checkpoint_id, key.private_key_pem, o.now());
    result.hubHeadSeq = hubHead;
    for (;;) {
      result.localHeadSeq = localHeadSeq(db);
      if (hubHead > result.localHeadSeq) throw new Refused('hub.sync.ahead', { hubHeadSeq: hubHead, localHeadSeq: result.localHeadSeq });
      if (hubHead === result.localHeadSeq) break;
      const entries = readFeed(db, hubHead, o.maxEntries ?? MAX_BATCH_ENTRIES, MAX_BATCH_CHARS);
      const batch: SyncBatch = {
        protocol: HUB_PROTOCOL, installationId: key.checkpoint_id, fromSeq: entries[0]!.seq, toSeq: entries[entries.length - 1]!.seq, entries, sentAt: o.now().toISOString(),
      };
      const ack = await ask<PushAck>(post, t, HUB_PATHS.push, batch, key.private_key_pem);
      if (ack.headSeq <= hubHead) throw new Refused('hub.refused.gap', {});
      result.batches++;
      result.stored += ack.stored;
      result.duplicates += ack.duplicates;
      hubHead = result.hubHeadSeq = ack.headSeq;
    }
    result.mailSent = await sendOutgoingMail(db, key.checkpoint_id, o.now().toISOString(), (path, body) => ask(post, t, path, body, key.private_key_pem));
    result.ok = true;
  } catch (err) {
    if (!(err instanceof Refused || err instanceof SyncTransportError)) throw err;
    result.problem = { key: err.key, message: translate('zh-CN', err.key, err.params) };
  }
  saveResult(db, t, result);
  return result;
}

/** A disposal point's pull: the papers addressed to it, imported under the caller's name. */
export async function pullFromHub(ctx: CallContext, o: { hubUrl?: string; caPem?: string; post?: typeof postToHub }): Promise<SyncPullResult> {
  const t = target(ctx.db, o);
  if (!t) throw new ServiceError('invalid-input', 'hub.errors.noHub');
  useHub(ctx.db, t);
  const key = checkpointKey(ctx.db, actorOf(ctx.session), ctx.now());
  const askHub: AskHub = (path, body) => ask(o.post ?? postToHub, t, path, body, key.private_key_pem);
  try {
    return { ok: true, ...(await pullMail(ctx, key.checkpoint_id, askHub)) };
  } catch (err) {
    const problem = err instanceof Refused || err instanceof SyncTransportError || err instanceof ServiceError ? err : undefined;
    if (!problem) throw err;
    return { ok: false, imported: 0, alreadyHeld: 0, problem: { key: problem.key, message: translate('zh-CN', problem.key, problem.params) } };
  }
}

function saveResult(db: Db, t: { hubUrl: string; caPem?: string }, r: SyncResult): void {
  db.prepare(
    `UPDATE sync_state SET hub_url = @hubUrl, ca_pem = @caPem, last_result_json = @json, hub_head_seq = COALESCE(@head, hub_head_seq),
       last_ok_at = CASE WHEN @ok THEN @at ELSE last_ok_at END WHERE id = 1`,
  ).run({ hubUrl: t.hubUrl, caPem: t.caPem ?? null, json: JSON.stringify(r), head: r.hubHeadSeq, ok: r.ok ? 1 : 0, at: r.at });
}

/** The last push and, when the hub answers now, its current head and how many entries it still lacks. */
export async function syncStatus(db: Db, o: Omit<SyncOptions, 'maxEntries'>): Promise<SyncStatus> {
  const s = state(db);
  const localHead = localHeadSeq(db);
  const t = target(db, o);
  let hubHead = s.hub_head_seq;
  let live = false;
  if (t) {
    try {
      const key = checkpointKey(db, o.actor, o.now());
      hubHead = await hubHeadOf(o.post ?? postToHub, t, key.checkpoint_id, key.private_key_pem, o.now());
      live = true;
    } catch (err) {
      if (!(err instanceof Refused || err instanceof SyncTransportError)) throw err;
    }
  }
  return {
    hubUrl: t?.hubUrl ?? null, localHeadSeq: localHead, hubHeadSeq: hubHead, pending: hubHead === null ? null : Math.max(0, localHead - hubHead), live,
    last: s.last_result_json === null ? null : (JSON.parse(s.last_result_json) as SyncResult), lastOkAt: s.last_ok_at,
  };
}
