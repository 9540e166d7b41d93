/**
 * The enforcement side of the supervisors' figures: cases under seizure and their legal terms, seizures
 * decided, handovers signed, disposals and disposal-point stock, for the dashboard, its drill-down lists
 * and the sections the weekly log and the monthly report print. Terms are judged on the day asked (the
 * dashboard's or the export's), since a term's state is about today, not about the period.
 */
import type { z } from 'zod';
import { listCaseRows, toStoredCase, type CaseRow } from '../../../db/cases-repo.ts';
import {
  casesDecidedIn, disposalsIn, enforcementTally, handoversIn, stockBefore, stockBuckets,
} from '../../../db/enforcement-report-repo.ts';
import type { Db } from '../../../db/open.ts';
import {
  DISPOSAL_METHODS, TERM_ALERT_STATES, type CaseTermRow, type EnforcementFigures, type EnforcementRecords, type EnforcementRecordsInput,
  type EnforcementTally, type PointStock,
} from '../../../src-shared/contract/reports.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { formatPlate } from '../../../src-shared/domain/plate.ts';
import { periodBounds, type LocalPeriod } from '../../../src-shared/domain/report-period.ts';
import { shanghaiDate, type TermState } from '../../../src-shared/domain/seizure-term.ts';
import { count, kg, text, type Section } from './content.ts';
import { termOf } from '../cases/cases.ts';
import { currentTermPolicy } from '../cases/term-policy.ts';
import { balances } from '../ledger/ledger.ts';

const UNDER_SEIZURE = ['seized', 'extended'] as const;

function caseTermRow(db: Db, row: CaseRow, today: string): CaseTermRow {
  const c = toStoredCase(row);
  const term = termOf(db, c, today);
  return {
    id: c.id, caseNumber: c.caseNumber, phase: c.phase, plate: c.plate, netKg: c.netKg, decisionDate: c.decisionDate ?? '', lateDecisionReason: c.lateDecisionReason,
    term: term && { endDate: term.endDate, remainingDays: term.remainingDays, state: term.state },
  };
}

const isTermAlert = (r: CaseTermRow): boolean => r.term !== null && TERM_ALERT_STATES.includes(r.term.state);

/** Cases under seizure, fewest remaining legal days first. */
export function openCaseTerms(db: Db, today: string): CaseTermRow[] {
  return UNDER_SEIZURE.flatMap((phase) => listCaseRows(db, phase))
    .map((r) => caseTermRow(db, r, today))
    .sort((a, b) => (a.term?.remainingDays ?? 0) - (b.term?.remainingDays ?? 0) || a.id - b.id);
}

const stockNow = (db: Db): PointStock[] =>
  balances(db).map((p) => ({ pointId: p.id, code: p.code, name: p.name, receivedKg: p.receivedKg, disposedKg: p.disposedKg, stockKg: p.stockKg }));

export function enforcementFigures(db: Db, now: Date, period: LocalPeriod): EnforcementFigures {
  return { ...enforcementTally(db, period, periodBounds(period)), openCases: openCaseTerms(db, shanghaiDate(now)), stock: stockNow(db) };
}

export function enforcementRecords(db: Db, now: Date, input: z.output<typeof EnforcementRecordsInput>): EnforcementRecords {
  const today = shanghaiDate(now);
  const range = periodBounds(input);
  switch (input.figure) {
    case 'openCases': return { figure: 'openCases', rows: openCaseTerms(db, today) };
    case 'seizures': return { figure: 'seizures', rows: casesDecidedIn(db, input).map((r) => caseTermRow(db, r, today)) };
    case 'handovers': return { figure: 'handovers', rows: handoversIn(db, range) };
    case 'disposals': return { figure: 'disposals', rows: disposalsIn(db, range, input.method) };
    case 'stock': return { figure: 'stock', rows: stockBuckets(db, input.pointId) };
  }
}

// ---- report sections -----------------------------------------------------------------------------------

const zh = (key: string) => translate('zh-CN', key);
const TERM_STATE_ZH: Partial<Record<TermState, string>> = { 'due-soon': '即将届满', 'last-day': '今日届满', expired: '已届满', 'testing-overdue': '检测期间已届满' };

/** One column of the enforcement table: a period and what happened in it. */
export interface EnforcementColumn {
  tally: EnforcementTally;
  /** Cases decided in the period, still under seizure, whose term is close to its end or past it. */
  termAlerts: CaseTermRow[];
  /** The warning threshold the alerts were judged by (the current term settings). */
  warnWithinDays: number;
}

export function enforcementColumn(db: Db, period: LocalPeriod, today: string): EnforcementColumn {
  const termAlerts = casesDecidedIn(db, period).map((r) => caseTermRow(db, r, today)).filter(isTermAlert);
  return { tally: enforcementTally(db, period, periodBounds(period)), termAlerts, warnWithinDays: currentTermPolicy(db).warnWithinDays };
}

const disposedKg = (t: EnforcementTally, method?: string) =>
  t.disposals.filter((d) => method === undefined || d.method === method).reduce((sum, d) => sum + d.quantityKg, 0);

/**
 * The enforcement table (one column per period, e.g. the month and the season to date), each point's
 * stock at the end of the last period, and the cases whose term needs acting on.
 */
export function enforcementSections(columns: EnforcementColumn[], headers: string[], stockAtEnd: PointStock[]): Section[] {
  const tallies = columns.map((c) => c.tally);
  const totalStockKg = stockAtEnd.reduce((sum, p) => sum + p.stockKg, 0);
  const sections: Section[] = [{
    title: '查封扣押、移交及处置情况',
    columns: ['项目', ...headers],
    rows: [
      [text('作出查封扣押决定（件）'), ...tallies.map((t) => count(t.seizures.cases))],
      [text('查封扣押煤炭（吨）'), ...tallies.map((t) => kg(t.seizures.netKg))],
      [text('移交处置点（次）'), ...tallies.map((t) => count(t.handovers.handovers))],
      [text('移交煤炭（吨）'), ...tallies.map((t) => kg(t.handovers.totalKg))],
      [text('处置（笔）'), ...tallies.map((t) => count(t.disposals.reduce((n, d) => n + d.movements, 0)))],
      [text('处置煤炭合计（吨）'), ...tallies.map((t) => kg(disposedKg(t)))],
      ...DISPOSAL_METHODS.map((m) => [text(`处置方式：${zh(`cases.methods.${m}`)}（吨）`), ...tallies.map((t) => kg(disposedKg(t, m)))]),
      [text('处置点期末库存（吨）'), ...tallies.map(() => kg(totalStockKg))],
      [text('期限临近或已届满的在押案件（件）'), ...columns.map((c) => count(c.termAlerts.length))],
    ],
  }];
  if (stockAtEnd.length > 0) {
    sections.push({
      title: '处置点库存（截至期末）',
      columns: ['处置点', '累计入库（吨）', '累计处置（吨）', '期末库存（吨）'],
      rows: stockAtEnd.map((p) => [text(`${p.name}（${p.code}）`), kg(p.receivedKg), kg(p.disposedKg), kg(p.stockKg)]),
    });
  }
  const alerts = columns.at(-1)?.termAlerts ?? [];
  if (alerts.length > 0) {
    sections.push({
      title: '查封扣押期限临近或已届满的案件（截至导出时）',
      columns: ['案号', '车牌', '决定日期', '期限届满', '剩余天数', '状态'],
      rows: [...alerts].sort((a, b) => a.term!.remainingDays - b.term!.remainingDays).map((r) => [
        text(r.caseNumber), text(r.plate ? formatPlate(r.plate) : '—'), text(r.decisionDate), text(r.term!.endDate ?? '—'),
        count(r.term!.remainingDays), text(TERM_STATE_ZH[r.term!.state] ?? ''),
      ]),
    });
  }
  return sections;
}

/** The stock of every point at the end of a period. */
export const stockAtEndOf = (db: Db, period: LocalPeriod): PointStock[] => stockBefore(db, periodBounds(period).toIso);
