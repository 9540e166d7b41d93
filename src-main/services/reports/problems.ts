/**
 * Gathers the facts the reports raise problems from (src-shared/domain/report-problems.ts judges them):
 * the period's weighbridge gaps and over-used quality reports, and, as of the day asked, seizures owed,
 * case terms and disposal-point stock. The same list goes to the dashboard, the weekly log and the monthly report.
 */
import { listCaseRows, seizureCandidates } from '../../../db/cases-repo.ts';
import { stockWithAge } from '../../../db/enforcement-report-repo.ts';
import type { Db } from '../../../db/open.ts';
import { overusedReports, type UtcRange } from '../../../db/reports-repo.ts';
import type { WeighbridgeGap } from '../../../src-shared/contract/reports.ts';
import { localDate } from '../../../src-shared/domain/local-time.ts';
import { raiseProblems, type RaisedProblem } from '../../../src-shared/domain/report-problems.ts';
import { currentTermPolicy } from '../cases/term-policy.ts';
import { openCaseTerms } from './enforcement-figures.ts';

/** More seizures owed than this is a different problem; the count still says how many were found. */
const CANDIDATES_READ = 1000;

export interface ProblemScope {
  /** The period's range, for its gaps and reports. */
  range: UtcRange;
  gaps: WeighbridgeGap[];
  /** Local date the open matters are judged on. */
  today: string;
  stockHeldMaxDays: number;
}

export function reportProblems(db: Db, scope: ProblemScope): RaisedProblem[] {
  return raiseProblems({
    seizureCandidates: seizureCandidates(db, CANDIDATES_READ).map((c) => c.recordNumber),
    undecidedCases: listCaseRows(db, 'draft').map((c) => c.case_number),
    openCases: openCaseTerms(db, scope.today).flatMap((c) => (c.term ? [{ caseNumber: c.caseNumber, state: c.term.state }] : [])),
    warnWithinDays: currentTermPolicy(db).warnWithinDays,
    stock: stockWithAge(db).map((s) => ({ pointName: s.pointName, caseRef: s.caseRef, stockKg: s.stockKg, firstReceivedOn: localDate(new Date(s.firstAt)) })),
    today: scope.today,
    stockHeldMaxDays: scope.stockHeldMaxDays,
    weighbridgeGaps: scope.gaps.map((g) => g.hour),
    overusedReports: overusedReports(db, scope.range),
  });
}
