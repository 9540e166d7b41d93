import type { Db } from '../../../db/open.ts';
import type { AuditVerifyResult } from '../../../src-shared/contract/index.ts';
import { verifyAudit } from '../audit.ts';
import { compareAuditedTables, compareLedgerBalances, walkRowAuditChain } from './row-audit-verify.ts';

/**
 * `audit verify` in full: the business audit chain and its records, then the row-audit chain, every
 * audited table against its after-images and the derived ledger balances. Read-only throughout.
 */
export function verifyEvidence(db: Db): AuditVerifyResult {
  const business = verifyAudit(db);
  const chain = walkRowAuditChain(db);
  const findings = [...(chain.broken ? [chain.broken] : []), ...compareAuditedTables(db), ...compareLedgerBalances(db)];
  return { ...business, ok: business.ok && findings.length === 0, findings, head: chain.head };
}
