/**
 * The legal-term rules in force: the admin's settings on top of the statutory 30-day term and 30-day
 * extension limit, and for a decided case the rules frozen at its decision. Every term the app shows,
 * warns about, prints or reports is computed with `termPolicyOf`.
 */
import type { Db } from '../../db/open.ts';
import { getDocumentSettings } from '../../db/documents-repo.ts';
import type { CaseTermRules } from '../contract/cases.ts';
import { DEFAULT_TERM_POLICY, type TermPolicy } from '../domain/seizure-term.ts';

export function currentTermPolicy(db: Db): TermPolicy {
  return { ...DEFAULT_TERM_POLICY, ...getDocumentSettings(db).termPolicy };
}

/** What a case stores when it is decided. */
export function termRulesOf(policy: TermPolicy): CaseTermRules {
  return { startDayRule: policy.startDayRule, baseDays: policy.baseDays, maxExtensionDays: policy.maxExtensionDays, statutoryHolidays: [...policy.statutoryHolidays] };
}

/**
 * A decided case keeps the rules it was decided under: a later change of the start-day rule or of the
 * holiday list must not move the term printed on its decision and told to the party (a holiday entered
 * afterwards does not lengthen it either — releasing by the printed date is always lawful). A draft
 * takes the current rules. The warning threshold is an alerting preference, not a term rule, so it
 * always follows the settings.
 */
export function termPolicyOf(db: Db, c: { termRules: CaseTermRules | null }): TermPolicy {
  const current = currentTermPolicy(db);
  return c.termRules === null ? current : { ...c.termRules, warnWithinDays: current.warnWithinDays };
}
