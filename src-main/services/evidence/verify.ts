import type { Db } from '../../../db/open.ts';
import { getCheckpointKey } from '../../../db/handovers-repo.ts';
import type { AuditVerifyResult } from '../../../src-shared/contract/index.ts';
import { verifyAudit } from '../audit.ts';
import { checkAnchors, parseAnchors } from './anchors.ts';
import { compareAuditedTables, compareLedgerBalances, walkRowAuditChain } from './row-audit-verify.ts';

/**
 * `audit verify` in full: the business audit chain and its records, then the row-audit chain, every
 * audited table against its after-images, the derived ledger balances and (given an anchor log) every
 * anchor. Read-only throughout.
 */
export function verifyEvidence(db: Db, anchorLog?: string): AuditVerifyResult {
  const business = verifyAudit(db);
  const chain = walkRowAuditChain(db);
  const findings = [...(chain.broken ? [chain.broken] : []), ...compareAuditedTables(db), ...compareLedgerBalances(db)];
  if (anchorLog !== undefined) {
    const parsed = parseAnchors(anchorLog);
    findings.push(...parsed.findings, ...checkAnchors(db, parsed.anchors, chain.head, getCheckpointKey(db)?.public_key_pem ?? null));
  }
  return { ...business, ok: business.ok && findings.length === 0, findings, head: chain.head };
}
