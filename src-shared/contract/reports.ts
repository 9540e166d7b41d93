import { z } from 'zod';
import { freeText } from './clean-text.ts';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { COAL_KINDS, WEIGHT_SOURCES } from './registration.ts';
import { isValidDate } from '../domain/local-time.ts';
import { OUTCOMES, VERDICTS } from '../domain/certificate/vocabulary.ts';
import { parseIsoWeek, parseMonth, periodDays, type LocalPeriod, type ReportingReminder } from '../domain/report-period.ts';
import type { CasePhase } from '../domain/case-state.ts';
import type { DisposalMethod } from '../domain/disposal-ledger.ts';
import type { TermState } from '../domain/seizure-term.ts';
import type { RaisedProblem } from '../domain/report-problems.ts';

export { ROUTE_TARGET } from '../domain/route-target.ts';
/** A season is under a year; longer ranges would only scan the whole table. */
export const MAX_REPORT_DAYS = 400;
export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Limit items grouped as supervisors count failures: ash, sulfur, volatiles, calorific value. */
export const FAILING_ITEM_KINDS = ['ash', 'sulfur', 'volatiles', 'calorific'] as const;
export type FailingItemKind = (typeof FAILING_ITEM_KINDS)[number];

export const LocalDate = z.string().refine(isValidDate, { message: 'validation.date' });

export function checkRange(r: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (!r.from || !r.to || !isValidDate(r.from) || !isValidDate(r.to)) return;
  if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.dateRange' });
  else if (periodDays(r as LocalPeriod) > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.reportRange' });
}

export const DashboardInput = z.object({ from: LocalDate, to: LocalDate }).strict().superRefine(checkRange);

/** Narrows a figure to the records behind it; every field set must hold. */
export const RecordsFilter = z
  .object({
    /** A local date within the range. */
    date: LocalDate.optional(),
    /** A local hour 'YYYY-MM-DD HH' (a weighbridge gap). */
    hour: z.string().regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3])$/, { message: 'validation.date' }).optional(),
    origin: freeText(100).optional(),
    coalKind: z.enum(COAL_KINDS, { message: 'validation.choice' }).optional(),
    weightSource: z.enum(WEIGHT_SOURCES, { message: 'validation.choice' }).optional(),
    viaDesignatedRoute: z.boolean().optional(),
    hasReport: z.boolean().optional(),
    transit: z.boolean().optional(),
    outcome: z.enum(OUTCOMES, { message: 'validation.choice' }).optional(),
    verdict: z.enum(VERDICTS, { message: 'validation.choice' }).optional(),
    failingItem: z.enum(FAILING_ITEM_KINDS, { message: 'validation.choice' }).optional(),
  })
  .strict();
export type RecordsFilter = z.infer<typeof RecordsFilter>;

export const RecordsInput = z
  .object({
    from: LocalDate,
    to: LocalDate,
    filter: RecordsFilter.default({}),
    page: z.int().min(1).max(100_000).default(1),
    pageSize: z.int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine(checkRange);

export const IsoWeek = z.string().refine((w) => parseIsoWeek(w) !== null, { message: 'validation.isoWeek' });
export const Month = z.string().refine((m) => parseMonth(m) !== null, { message: 'validation.month' });

/** A week's checkpoint log: an ISO week, or any date range. */
export const WeeklyExportInput = z
  .object({
    week: IsoWeek.optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    format: z.enum(EXPORT_FORMATS, { message: 'validation.choice' }),
    /** Full ID and phone numbers: supervisors and administrators only, and audited. */
    unmasked: z.boolean().default(false),
  })
  .strict()
  .superRefine((r, ctx) => {
    const anyRange = r.from !== undefined || r.to !== undefined;
    if (r.week !== undefined ? anyRange : r.from === undefined || r.to === undefined) {
      ctx.addIssue({ code: 'custom', path: ['week'], message: 'validation.weekOrRange' });
    }
    checkRange(r, ctx);
  });

export const MonthlyExportInput = z
  .object({ month: Month, format: z.enum(EXPORT_FORMATS, { message: 'validation.choice' }) })
  .strict();

/** Counts over a set of trucks. Weights are integer kg; shares are computed by the reader. */
export interface Tally {
  trucks: number;
  netKg: number;
  viaRouteTrucks: number;
  withReportTrucks: number;
  manualTrucks: number;
  /** 过境: destination beyond 承德市; the route target's share is over these (domain/route-target.ts). */
  transitTrucks: number;
  transitViaRouteTrucks: number;
}

export interface TallyOf extends Tally {
  /** The group: a local date, an origin, a coal kind or a weight source. */
  key: string;
}

export interface WeighbridgeGap {
  /** Local 'YYYY-MM-DD HH'. */
  hour: string;
  trucks: number;
}

export interface GroupCount {
  key: string;
  trucks: number;
  netKg: number;
}

/**
 * Certificate checks of the trucks of a period (each truck's latest check; outcomes after overrides).
 * A valid report is one whose check passed.
 */
export interface CertificateTally {
  checkedTrucks: number;
  validReportTrucks: number;
  failingTrucks: number;
  released: number;
  sampled: number;
  seized: number;
  turnedBack: number;
  /** 人工核验 proposed and not yet decided by an officer. */
  awaitingReview: number;
  /** Failing loads by the kind of item that failed (a load may fail several). */
  failingItems: Record<FailingItemKind, number>;
}

/** Seizure terms in these states are close to their end or past it (≤ 5 days left, the last day, expired). */
export const TERM_ALERT_STATES: readonly TermState[] = ['due-soon', 'last-day', 'expired', 'testing-overdue'];
export const DISPOSAL_METHODS = ['blending', 'sale', 'auction', 'destruction', 'transfer'] as const satisfies readonly DisposalMethod[];

/** A decided case and, while it is under seizure (seized or extended), its legal term on the day asked. */
export interface CaseTermRow {
  id: number;
  caseNumber: string;
  phase: CasePhase;
  plate: string | null;
  netKg: number;
  decisionDate: string;
  /** Why the decision came on a later day than the seizure (行政强制法 art.24); null when on the spot. */
  lateDecisionReason: string | null;
  /** Null once the case has an outcome (released, confiscated…). */
  term: { endDate: string | null; remainingDays: number; state: TermState } | null;
}

export interface DisposalTally {
  method: DisposalMethod;
  movements: number;
  quantityKg: number;
}

/** One disposal point's running totals (from the ledger's running balances, or summed up to a moment). */
export interface PointStock {
  pointId: number;
  code: string;
  name: string;
  receivedKg: number;
  disposedKg: number;
  stockKg: number;
}

/**
 * The enforcement side of a period: cases decided (seizures), outgoing handovers, disposals that stand
 * (not reversed), by method. Weights integer kg.
 */
export interface EnforcementTally {
  seizures: { cases: number; netKg: number };
  handovers: { handovers: number; totalKg: number };
  disposals: DisposalTally[];
}

export interface EnforcementFigures extends EnforcementTally {
  /** Cases under seizure now, fewest remaining days first. */
  openCases: CaseTermRow[];
  /** Each disposal point's stock now. */
  stock: PointStock[];
}

export const ENFORCEMENT_FIGURES = ['openCases', 'seizures', 'handovers', 'disposals', 'stock'] as const;
export type EnforcementFigure = (typeof ENFORCEMENT_FIGURES)[number];

export const EnforcementRecordsInput = z
  .object({
    from: LocalDate,
    to: LocalDate,
    figure: z.enum(ENFORCEMENT_FIGURES, { message: 'validation.choice' }),
    /** Disposals: one method only. */
    method: z.enum(DISPOSAL_METHODS, { message: 'validation.choice' }).optional(),
    /** Stock: one disposal point only. */
    pointId: z.int().positive().optional(),
  })
  .strict()
  .superRefine(checkRange);

export interface HandoverRecordRow {
  id: number;
  formNo: string;
  handedOverAt: string;
  disposalPointCode: string;
  totalKg: number;
  caseRefs: string[];
}

export interface DisposalRecordRow {
  id: string;
  at: string;
  pointName: string;
  caseRef: string;
  coalKind: string;
  method: DisposalMethod;
  quantityKg: number;
  authorityRef: string | null;
  counterparty: string | null;
}

export interface StockBucketRow {
  pointName: string;
  caseRef: string;
  coalKind: string;
  receivedKg: number;
  disposedKg: number;
  stockKg: number;
}

/** The records behind one enforcement figure (a season's worth at most: no paging). */
export type EnforcementRecords =
  | { figure: 'openCases' | 'seizures'; rows: CaseTermRow[] }
  | { figure: 'handovers'; rows: HandoverRecordRow[] }
  | { figure: 'disposals'; rows: DisposalRecordRow[] }
  | { figure: 'stock'; rows: StockBucketRow[] };

export interface PeriodTally {
  period: LocalPeriod;
  tally: Tally;
}

export interface DashboardFigures {
  today: PeriodTally;
  week: PeriodTally & { isoWeek: string };
  range: PeriodTally;
  byDay: TallyOf[];
  byOrigin: TallyOf[];
  byCoalKind: TallyOf[];
  byWeightSource: TallyOf[];
  weighbridgeGaps: WeighbridgeGap[];
  certificates: CertificateTally;
  failingOrigins: GroupCount[];
  routeTarget: number;
  reminder: ReportingReminder | null;
  enforcement: EnforcementFigures;
  /** Problems to act on now (the range's weighbridge gaps and reused reports; open seizures, terms and stock as of today). */
  problems: RaisedProblem[];
}

/** One truck behind a figure (no ID or phone numbers: the list is for finding records, not people). */
export interface ReportRecord {
  id: number;
  recordNumber: string;
  revision: number;
  passedAt: string;
  plate: string;
  trailerPlate: string | null;
  driverName: string;
  origin: string;
  coalKind: string;
  netKg: number;
  weightSource: 'manual' | 'scale';
  viaDesignatedRoute: boolean;
  hasReport: boolean;
  transit: boolean;
}

export interface ReportRecordPage {
  rows: ReportRecord[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** A file for the UI to save: bytes in base64 (the contract carries JSON only). */
export interface ExportedFile {
  filename: string;
  mimeType: string;
  base64: string;
  /** Trucks listed (the monthly report: trucks counted in the month). */
  trucks: number;
}

export type { LocalPeriod, ReportingReminder };

/** Supervisors' figures, drill-down lists and the weekly and monthly exports. */
export const reportsContract = {
  'reports.dashboard': method<DashboardFigures>()(DashboardInput, ROLE_GROUPS.oversight),
  'reports.records': method<ReportRecordPage>()(RecordsInput, ROLE_GROUPS.oversight),
  'reports.enforcementRecords': method<EnforcementRecords>()(EnforcementRecordsInput, ROLE_GROUPS.oversight),
  'reports.exportWeekly': method<ExportedFile>()(WeeklyExportInput, ROLE_GROUPS.viewer),
  'reports.exportMonthly': method<ExportedFile>()(MonthlyExportInput, ROLE_GROUPS.oversight),
  /** 运煤车辆信息登记台账 for a week or any range: every truck with what was found. */
  'reports.exportRegister': method<ExportedFile>()(WeeklyExportInput, ROLE_GROUPS.viewer),
} satisfies Record<string, MethodDef>;
