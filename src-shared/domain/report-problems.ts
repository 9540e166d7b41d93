/**
 * Problems the weekly and monthly reports raise by name, not only count (issue 16 item 5): each is a kind,
 * how many, and the records it concerns, so the supervisor can act on it and explain it upward
 * (附件6 四(二): 强化问题导向，查短板，找不足，发现问题立行立改). The service gathers the facts; this only
 * judges them. Sentences come from the i18n catalogue (`problems.<kind>`), the same for screen and paper.
 */
import type { TermState } from './seizure-term.ts';

export const PROBLEM_KINDS = [
  'undecidedSeizure', 'termExpired', 'testingOverdue', 'termDueSoon', 'stockHeldTooLong', 'weighbridgeGaps', 'reportOverused',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface RaisedProblem {
  kind: ProblemKind;
  count: number;
  /** What it concerns: record or case numbers, hours, report numbers; at most REFS_LISTED of them. */
  refs: string[];
  /** Placeholders of the sentence besides count and refs (days, tonnes). */
  params: Record<string, string | number>;
}

export interface ProblemFacts {
  /** Trucks whose check stands at seizure with no case opened: record numbers. */
  seizureCandidates: string[];
  /** Cases opened (draft) and not yet decided: case numbers. */
  undecidedCases: string[];
  /** Cases under seizure now and their term on the day asked. */
  openCases: { caseNumber: string; state: TermState }[];
  /** The term settings' warning threshold (days left that count as "about to expire"). */
  warnWithinDays: number;
  /** Disposal-point stock by case and coal kind, with the local date it was first received. */
  stock: { pointName: string; caseRef: string; stockKg: number; firstReceivedOn: string }[];
  /** Local date the facts are judged on. */
  today: string;
  /** Stock held longer than this many days is raised (a setting). */
  stockHeldMaxDays: number;
  /** Local hours of the period with trucks registered but no weighbridge capture ('YYYY-MM-DD HH'). */
  weighbridgeGaps: string[];
  /** Report numbers used, in the period, on more tonnage than the report covers. */
  overusedReports: string[];
}

/** A report names this many records per problem; the count says how many there are in all. */
export const REFS_LISTED = 10;

const DAY_MS = 86400_000;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
const problem = (kind: ProblemKind, refs: string[], params: RaisedProblem['params'] = {}): RaisedProblem[] =>
  refs.length === 0 ? [] : [{ kind, count: refs.length, refs: refs.slice(0, REFS_LISTED), params }];

/** The problems in the order a supervisor acts on them: decisions owed first, then terms, stock, devices, reports. */
export function raiseProblems(f: ProblemFacts): RaisedProblem[] {
  const inState = (...states: TermState[]) => f.openCases.filter((c) => states.includes(c.state)).map((c) => c.caseNumber);
  const heldTooLong = f.stock.filter((s) => s.stockKg > 0 && daysBetween(s.firstReceivedOn, f.today) > f.stockHeldMaxDays);
  const heldKg = heldTooLong.reduce((sum, s) => sum + s.stockKg, 0);
  return [
    // 行政强制法 art.24: the decision is made on the spot (or within 24 hours with approval).
    ...problem('undecidedSeizure', [...f.undecidedCases, ...f.seizureCandidates]),
    // 行政强制法 art.25: 30 days, one extension of 30; at the end the coal is released or dealt with.
    ...problem('termExpired', inState('expired')),
    // 行政强制法 art.25: a testing period must be definite and notified; past its end the term runs again.
    ...problem('testingOverdue', inState('testing-overdue')),
    ...problem('termDueSoon', inState('due-soon', 'last-day'), { days: f.warnWithinDays }),
    ...problem('stockHeldTooLong', heldTooLong.map((s) => `${s.caseRef}（${s.pointName}）`), { days: f.stockHeldMaxDays, tonnes: (heldKg / 1000).toFixed(3) }),
    ...problem('weighbridgeGaps', f.weighbridgeGaps.map((h) => `${h}时`)),
    ...problem('reportOverused', f.overusedReports),
  ];
}
