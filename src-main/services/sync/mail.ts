/**
 * Handovers online: the checkpoint sends each signed handover and confiscation notice it issued to the
 * disposal point's installation through the hub (after its row audit, on every push); the disposal point's
 * clerk pulls them and they are imported exactly as a scanned QR code or file would be, under the clerk's
 * name. A paper already imported by the offline path is counted as held, not imported twice.
 */
import type { Db } from '../../../db/open.ts';
import { handoverImported } from '../../../db/handovers-repo.ts';
import { noticeImported } from '../../../db/confiscations-repo.ts';
import { HUB_PATHS, HUB_PROTOCOL, type MailItem, type MailSend } from '../../../src-shared/contract/hub.ts';
import type { CallContext } from '../context.ts';
import { importHandover } from '../handovers/handovers.ts';
import { importConfiscationNotice } from '../confiscations/confiscations.ts';

/** Posts one signed request and returns its value, or throws the hub's refusal. */
export type AskHub = <T>(path: string, body: unknown) => Promise<T>;

interface Outgoing {
  id: number;
  uid: string;
  to: string;
  text: string;
}

/** Sends every outgoing paper not yet sent; returns how many the hub newly stored. */
export async function sendOutgoingMail(db: Db, installationId: string, at: string, ask: AskHub): Promise<number> {
  let stored = 0;
  const kinds = [
    { kind: 'handover' as const, column: 'mail_handover_id', sql: "SELECT id, uid, disposal_point_code AS \"to\", signed_file_text AS text FROM handovers WHERE direction = 'outgoing' AND id > ? ORDER BY id" },
    { kind: 'confiscation-notice' as const, column: 'mail_notice_id', sql: "SELECT id, uid, disposal_point_code AS \"to\", signed_file_text AS text FROM confiscation_notices WHERE direction = 'outgoing' AND id > ? ORDER BY id" },
  ];
  for (const k of kinds) {
    const after = (db.prepare(`SELECT ${k.column} AS n FROM sync_state WHERE id = 1`).get() as { n: number }).n;
    for (const paper of db.prepare(k.sql).all(after) as Outgoing[]) {
      const mail: MailSend = { protocol: HUB_PROTOCOL, installationId, kind: k.kind, to: paper.to, uid: paper.uid, signedFileText: paper.text, at };
      if ((await ask<{ stored: boolean }>(HUB_PATHS.mailSend, mail)).stored) stored++;
      db.prepare(`UPDATE sync_state SET ${k.column} = ? WHERE id = 1`).run(paper.id);
    }
  }
  return stored;
}

export interface PullCounts {
  imported: number;
  alreadyHeld: number;
}

/** Fetches and imports the papers addressed to this installation; stops at the first one that is refused. */
export async function pullMail(ctx: CallContext, installationId: string, ask: AskHub): Promise<PullCounts> {
  const counts: PullCounts = { imported: 0, alreadyHeld: 0 };
  for (;;) {
    const after = (ctx.db.prepare('SELECT mail_fetched_id AS n FROM sync_state WHERE id = 1').get() as { n: number }).n;
    const items = await ask<MailItem[]>(HUB_PATHS.mailFetch, { protocol: HUB_PROTOCOL, installationId, afterId: after, at: ctx.now().toISOString() });
    if (items.length === 0) return counts;
    for (const item of items) {
      const held = item.kind === 'handover' ? handoverImported(ctx.db, item.uid) : item.kind === 'confiscation-notice' ? noticeImported(ctx.db, item.uid) : false;
      if (held) counts.alreadyHeld++;
      else if (item.kind === 'handover') importHandover(ctx, item.signedFileText);
      else if (item.kind === 'confiscation-notice') importConfiscationNotice(ctx, item.signedFileText);
      if (!held && item.kind !== 'receipt') counts.imported++;
      ctx.db.prepare('UPDATE sync_state SET mail_fetched_id = ? WHERE id = 1').run(item.id);
    }
  }
}
