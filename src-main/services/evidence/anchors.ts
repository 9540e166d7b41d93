import { sign, verify, createPrivateKey, createPublicKey } from 'node:crypto';
import type { Db } from '../../../db/open.ts';
import type { AuditFinding } from '../../../src-shared/contract/index.ts';
import { toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { canonicalJson } from '../../signing/handover-signature.ts';
import type { ChainHead } from './row-audit-verify.ts';

/**
 * An anchor: the row-audit chain's head at a moment, signed with the checkpoint key, one JSON line per
 * anchor in a log kept outside the database. A later rewrite, back-dated insertion or deleted tail moves
 * the chain off an anchored (seq, hash), and the signature keeps the anchor log itself from being forged.
 */
export interface Anchor {
  v: 1;
  checkpointId: string;
  seq: number;
  hash: string;
  /** Beijing time, offset explicit. */
  at: string;
  signature: string;
}

type Unsigned = Omit<Anchor, 'signature'>;

export function signAnchor(head: ChainHead, checkpointId: string, at: Date, privateKeyPem: string): Anchor {
  const body: Unsigned = { v: 1, checkpointId, seq: head.seq, hash: head.hash, at: toLocalIso(at) };
  const signature = sign(null, Buffer.from(canonicalJson(body)), createPrivateKey(privateKeyPem)).toString('base64');
  return { ...body, signature };
}

function signatureHolds(a: Anchor, publicKeyPem: string): boolean {
  const { signature, ...body } = a;
  try {
    return verify(null, Buffer.from(canonicalJson(body)), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Parses an anchor log; a line that is not an anchor is a finding, never a crash. */
export function parseAnchors(text: string): { anchors: Anchor[]; findings: AuditFinding[] } {
  const anchors: Anchor[] = [];
  const findings: AuditFinding[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const a = JSON.parse(line) as Anchor;
      if (a.v !== 1 || !Number.isSafeInteger(a.seq) || typeof a.hash !== 'string' || typeof a.signature !== 'string') throw new Error('shape');
      anchors.push(a);
    } catch {
      findings.push({ table: 'anchors', key: `line ${i + 1}`, problem: 'anchor', detail: 'not an anchor' });
    }
  });
  return { anchors, findings };
}

/** Checks that the chain (already walked up to `head`) passes through every anchor, and that each anchor is signed. */
export function checkAnchors(db: Db, anchors: Anchor[], head: ChainHead, publicKeyPem: string | null): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const hashAt = db.prepare('SELECT hash FROM row_audit WHERE seq = ?').pluck();
  for (const a of anchors) {
    const key = `anchor ${a.seq} (${a.at})`;
    if (!publicKeyPem || !signatureHolds(a, publicKeyPem)) findings.push({ table: 'anchors', key, problem: 'anchor', detail: 'signature does not verify with the checkpoint key' });
    else if (a.seq > head.seq) findings.push({ table: 'row_audit', key, problem: 'anchor', detail: `chain ends at ${head.seq}: entries after it were removed` });
    else if (hashAt.get(a.seq) !== a.hash) findings.push({ table: 'row_audit', key, problem: 'anchor', detail: 'chain no longer passes through this anchor: history was rewritten or entries inserted before it' });
  }
  return findings;
}
