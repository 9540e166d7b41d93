/**
 * What a new limits table would change: every stored check is run again with the same input, policy,
 * labs and moment, only the table replaced. Nothing is written; stored verdicts stay as decided.
 */
import { allChecks } from '../../../db/certificates-repo.ts';
import type { Db } from '../../../db/open.ts';
import { listPolicyActivations } from '../../../db/standards-repo.ts';
import { checkCertificate, shippedPolicies, type CertificateInput, type LimitsTable, type Policy } from '../../../src-shared/domain/certificate/index.ts';
import type { Outcome, Verdict } from '../../../src-shared/domain/certificate/vocabulary.ts';
import { checkContextAt } from './standards.ts';

export interface RecheckChange {
  checkId: number;
  registrationId: number;
  before: { outcome: Outcome; verdict: Verdict };
  after: { outcome: Outcome; verdict: Verdict };
}

export interface RecheckSummary {
  limitsVersion: string;
  checked: number;
  changed: number;
  changes: RecheckChange[];
}

export function recheckAll(db: Db, limits: LimitsTable): RecheckSummary {
  const policies = new Map<string, Policy>(shippedPolicies.map((p) => [p.version, p]));
  for (const a of listPolicyActivations(db)) policies.set(a.version, JSON.parse(a.policy_json) as Policy);
  const changes: RecheckChange[] = [];
  let checked = 0;
  for (const row of allChecks(db)) {
    const at = new Date(row.checked_at);
    const ctx = checkContextAt(db, at);
    const result = checkCertificate(JSON.parse(row.input_json) as CertificateInput, {
      ...ctx, limits, policy: policies.get(row.policy_version) ?? ctx.policy,
    });
    checked++;
    if (result.outcome !== row.outcome || result.verdict !== row.verdict) {
      changes.push({
        checkId: row.id, registrationId: row.registration_id,
        before: { outcome: row.outcome as Outcome, verdict: row.verdict as Verdict },
        after: { outcome: result.outcome, verdict: result.verdict },
      });
    }
  }
  return { limitsVersion: limits.version, checked, changed: changes.length, changes };
}
