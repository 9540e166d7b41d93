/**
 * The hub's side of a push: a signed batch of an installation's row audit is checked (signature, shape,
 * continuity with what the hub holds, own data) and then stored in ONE transaction: the entries, their
 * projection into current rows, the installation's new head. A refused batch stores nothing; a batch (or
 * its beginning) already held identically is counted as duplicates and stored once.
 */
import { HeadRequest, SyncBatch, type HeadAnswer, type PushAck, type SyncEntry } from '../../src-shared/contract/hub.ts';
import type { HubSql } from '../../db/hub/sql.ts';
import type { RowAuditFields } from '../../db/row-audit.ts';
import { checkBatchShape, checkOwnData, finalRowStates } from './batch-checks.ts';
import { HubRefusedError, verifySignedRequest } from './signed-request.ts';

/** An entry as the hub holds it: the row audit's fields, its hash, and whether its after-image stayed home. */
interface HeldEntry extends RowAuditFields {
  hash: string;
  redacted: boolean;
}

function sameEntry(held: HeldEntry, e: SyncEntry): boolean {
  return held.hash === e.hash && held.prev_hash === e.prevHash && held.tbl === e.tbl && held.pk === e.pk && held.op === e.op
    && held.after_json === e.afterJson && held.actor_id === e.actorId && held.actor_name === e.actorName && held.at === e.at && held.redacted === e.redacted;
}

/** Answers `HeadRequest`: where this installation's next push must start. */
export async function hubHead(sql: HubSql, raw: unknown): Promise<HeadAnswer> {
  const { installation } = await verifySignedRequest(sql, raw, HeadRequest);
  return { installationId: installation.id, headSeq: installation.head_seq, headHash: installation.head_hash };
}

/** Verifies and stores one signed batch; throws HubRefusedError (nothing stored) when it may not be taken. */
export async function hubPush(sql: HubSql, now: () => Date, raw: unknown): Promise<PushAck> {
  const { installation, body: batch } = await verifySignedRequest(sql, raw, SyncBatch);
  checkBatchShape(batch);
  checkOwnData(installation.id, batch.entries);
  return sql.transaction(async (tx) => {
    // The row lock serialises two pushes of one installation: the second sees the first one's head.
    const head = (await tx.query<{ head_seq: number; head_hash: string; revoked_at: string | null }>(
      'SELECT head_seq, head_hash, revoked_at FROM installations WHERE id = $1 FOR UPDATE', [installation.id],
    )).rows[0]!;
    if (head.revoked_at !== null) throw new HubRefusedError('revoked', { installationId: installation.id });
    if (batch.fromSeq > head.head_seq + 1) throw new HubRefusedError('gap', { headSeq: head.head_seq, fromSeq: batch.fromSeq });
    const held = batch.entries.filter((e) => e.seq <= head.head_seq);
    await checkHeldIdentical(tx, installation.id, held);
    const fresh = batch.entries.filter((e) => e.seq > head.head_seq);
    if (fresh.length > 0 && fresh[0]!.prevHash !== head.head_hash) throw new HubRefusedError('fork', { seq: fresh[0]!.seq });
    const at = now().toISOString();
    if (fresh.length > 0) {
      await insertEntries(tx, installation.id, fresh, at);
      await project(tx, installation.id, fresh);
    }
    const last = fresh[fresh.length - 1];
    const moved = await tx.query<{ head_seq: number; head_hash: string }>(
      `UPDATE installations SET head_seq = $2, head_hash = $3, last_sync_at = $4, last_sent_at = $5 WHERE id = $1 RETURNING head_seq, head_hash`,
      [installation.id, last?.seq ?? head.head_seq, last?.hash ?? head.head_hash, at, batch.sentAt],
    );
    const after = moved.rows[0]!;
    return { installationId: installation.id, stored: fresh.length, duplicates: held.length, headSeq: after.head_seq, headHash: after.head_hash };
  });
}

/** A resent entry must be exactly the one held; any difference is a fork of the chain. */
async function checkHeldIdentical(tx: HubSql, installationId: string, held: readonly SyncEntry[]): Promise<void> {
  if (held.length === 0) return;
  const rows = (await tx.query<HeldEntry>(
    `SELECT seq, tbl, pk, op, after_json, actor_id, actor_name, at, prev_hash, hash, redacted FROM hub_entries
     WHERE installation_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`,
    [installationId, held[0]!.seq, held[held.length - 1]!.seq],
  )).rows;
  held.forEach((e, i) => {
    const stored = rows[i];
    if (!stored || stored.seq !== e.seq || !sameEntry(stored, e)) throw new HubRefusedError('fork', { seq: e.seq });
  });
}

/** One statement per batch (arrays unnested), not one per entry. */
async function insertEntries(tx: HubSql, installationId: string, entries: readonly SyncEntry[], receivedAt: string): Promise<void> {
  await tx.query(
    `INSERT INTO hub_entries (installation_id, seq, tbl, pk, op, after_json, actor_id, actor_name, at, prev_hash, hash, redacted, received_at)
     SELECT $1, u.*, $13::timestamptz FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::boolean[]) AS u`,
    [
      installationId, entries.map((e) => e.seq), entries.map((e) => e.tbl), entries.map((e) => e.pk), entries.map((e) => e.op),
      entries.map((e) => e.afterJson), entries.map((e) => e.actorId), entries.map((e) => e.actorName), entries.map((e) => e.at),
      entries.map((e) => e.prevHash), entries.map((e) => e.hash), entries.map((e) => e.redacted), receivedAt,
    ],
  );
}

/** Moves `hub_rows` to each row's state after the batch: its latest after-image, or gone after a delete. */
async function project(tx: HubSql, installationId: string, entries: readonly SyncEntry[]): Promise<void> {
  const { upserts, deletes } = finalRowStates(entries);
  if (deletes.length > 0) {
    await tx.query(
      'DELETE FROM hub_rows WHERE installation_id = $1 AND (tbl, pk) IN (SELECT * FROM unnest($2::text[], $3::text[]))',
      [installationId, deletes.map((e) => e.tbl), deletes.map((e) => e.pk)],
    );
  }
  if (upserts.length > 0) {
    await tx.query(
      `INSERT INTO hub_rows (installation_id, tbl, pk, after, seq)
       SELECT $1, u.t, u.p, u.a::jsonb, u.s FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS u(t, p, a, s)
       ON CONFLICT (installation_id, tbl, pk) DO UPDATE SET after = EXCLUDED.after, seq = EXCLUDED.seq`,
      [installationId, upserts.map((e) => e.tbl), upserts.map((e) => e.pk), upserts.map((e) => e.afterJson), upserts.map((e) => e.seq)],
    );
  }
}
