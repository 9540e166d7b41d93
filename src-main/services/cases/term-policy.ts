/**
 * The legal-term rules in force: the admin's settings on top of the statutory 30-day term and 30-day
 * extension limit, with the national holiday tables shipped in data/holidays/ (and any holidays an
 * administrator entered, e.g. a year whose table is not shipped yet), and for a decided case the rules
 * frozen at its decision. Every term the app shows, warns about, prints or reports is computed with
 * `termPolicyOf`.
 */
import type { Db } from '../../../db/open.ts';
import { getDocumentSettings } from '../../../db/documents-repo.ts';
import type { CaseTermRules, HolidayCalendarStatus } from '../../../src-shared/contract/cases.ts';
import { DEFAULT_TERM_POLICY, type TermPolicy } from '../../../src-shared/domain/seizure-term.ts';
import {
  coveredYears, holidayDates, holidayTableProblems, HolidayTableSchema, missingHolidayWarning, missingHolidayYears, type HolidayTable,
} from '../../../src-shared/domain/holiday-calendar.ts';
import cn2025 from '../../../data/holidays/cn-2025.json' with { type: 'json' };
import cn2026 from '../../../data/holidays/cn-2026.json' with { type: 'json' };

/** The shipped tables, checked when the app loads: a broken table must stop the app, not shorten a term. */
export const HOLIDAY_TABLES: readonly HolidayTable[] = [cn2025, cn2026].map((json) => {
  const table = HolidayTableSchema.parse(json);
  const problems = holidayTableProblems(table);
  if (problems.length > 0) throw new Error(`data/holidays/cn-${table.year}.json: ${problems.join('; ')}`);
  return table;
});

const SHIPPED_HOLIDAYS: readonly string[] = HOLIDAY_TABLES.flatMap(holidayDates);

export function currentTermPolicy(db: Db): TermPolicy {
  const settings = getDocumentSettings(db).termPolicy;
  return { ...DEFAULT_TERM_POLICY, ...settings, statutoryHolidays: [...new Set([...SHIPPED_HOLIDAYS, ...settings.statutoryHolidays])].sort() };
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

/** Which years have holidays, and a warning for each year a term running from today may reach without. */
export function holidayCalendarStatus(db: Db, today: string): HolidayCalendarStatus {
  const policy = currentTermPolicy(db);
  const adminDates = getDocumentSettings(db).termPolicy.statutoryHolidays;
  const covered = coveredYears(HOLIDAY_TABLES, adminDates);
  return {
    tables: HOLIDAY_TABLES.map((t) => ({ year: t.year, verified: t.verified, source: t.source, holidays: holidayDates(t).length, makeUpWorkdays: t.makeUpWorkdays.length })),
    adminYears: [...new Set(adminDates.map((d) => Number(d.slice(0, 4))))].sort(),
    warnings: missingHolidayYears(today, covered, policy.baseDays + policy.maxExtensionDays).map((y) => missingHolidayWarning(y, today)),
  };
}
