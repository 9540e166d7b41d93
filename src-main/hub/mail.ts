/**
 * The hub's mailbox: a signed paper (a handover, a confiscation notice) from one installation to another.
 * The same paper sent twice is stored once; a different paper under a uid already held is refused. An
 * installation fetches only what is addressed to it, after the last id it has.
 */
import { MailFetch, MailSend, type MailItem } from '../../src-shared/contract/hub.ts';
import type { HubSql } from '../../db/hub/sql.ts';
import { HubRefusedError, verifySignedRequest } from './signed-request.ts';

const FETCH_LIMIT = 100;

export async function hubMailSend(sql: HubSql, now: () => Date, raw: unknown): Promise<{ id: number; stored: boolean }> {
  const { installation, body } = await verifySignedRequest(sql, raw, MailSend);
  const to = (await sql.query<{ id: string; kind: string; revoked_at: Date | null }>('SELECT id, kind, revoked_at FROM installations WHERE id = $1', [body.to])).rows[0];
  if (!to || to.revoked_at !== null) throw new HubRefusedError('unknown-installation', { installationId: body.to });
  if (body.kind === 'handover' && to.kind !== 'disposal') throw new HubRefusedError('malformed', { reason: 'handover to a checkpoint' });
  const inserted = (await sql.query<{ id: number }>(
    `INSERT INTO hub_mail (kind, from_installation, to_installation, uid, signed_file_text, sent_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (kind, uid, to_installation) DO NOTHING RETURNING id`,
    [body.kind, installation.id, body.to, body.uid, body.signedFileText, now().toISOString()],
  )).rows[0];
  if (inserted) return { id: inserted.id, stored: true };
  const held = (await sql.query<{ id: number; from_installation: string; signed_file_text: string }>(
    'SELECT id, from_installation, signed_file_text FROM hub_mail WHERE kind = $1 AND uid = $2 AND to_installation = $3', [body.kind, body.uid, body.to],
  )).rows[0]!;
  if (held.from_installation !== installation.id || held.signed_file_text !== body.signedFileText) throw new HubRefusedError('fork', { seq: body.uid });
  return { id: held.id, stored: false };
}

export async function hubMailFetch(sql: HubSql, raw: unknown): Promise<MailItem[]> {
  const { installation, body } = await verifySignedRequest(sql, raw, MailFetch);
  const rows = (await sql.query<{ id: number; kind: MailItem['kind']; from_installation: string; uid: string; signed_file_text: string; sent_at: Date }>(
    `SELECT id, kind, from_installation, uid, signed_file_text, sent_at FROM hub_mail WHERE to_installation = $1 AND id > $2 ORDER BY id LIMIT ${FETCH_LIMIT}`,
    [installation.id, body.afterId],
  )).rows;
  return rows.map((r) => ({ id: r.id, kind: r.kind, from: r.from_installation, uid: r.uid, signedFileText: r.signed_file_text, sentAt: new Date(r.sent_at).toISOString() }));
}
