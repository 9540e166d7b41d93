/**
 * Supervisors' figures and exports: the dashboard, the records behind each figure, the weekly
 * checkpoint log (xlsx, csv, pdf); the pieces the monthly report (monthly-report.ts) shares with it.
 * Truck figures come from SQL aggregates over the trucks of a period (see db/reports-repo.ts); the
 * enforcement figures (seizures, handovers, disposals, stock, seizure terms) from enforcement-figures.ts.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/open.ts';
import {
  breakdown, certificateTally, failingOrigins, tally, tallyWithGaps, truckPage, weighbridgeGaps, type TruckFilter, type UtcRange,
} from '../../../db/reports-repo.ts';
import type { Station } from '../../../src-shared/contract/accounts.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import {
  ROUTE_TARGET, type CertificateTally, type DashboardFigures, type GroupCount, type ExportFormat, type ExportedFile, type RecordsInput,
  FAILING_ITEM_KINDS, type FailingItemKind, type ReportRecordPage, type Tally, type TallyOf, type WeeklyExportInput, type WeighbridgeGap,
} from '../../../src-shared/contract/reports.ts';
import type { Settings } from '../../../src-shared/contract/settings.ts';
import {
  isoWeekOf, parseIsoWeek, periodBounds, reportingReminder, seasonToDate, todayAndWeek, type LocalPeriod,
} from '../../../src-shared/domain/report-period.ts';
import { shanghaiDate } from '../../../src-shared/domain/seizure-term.ts';
import { routeShares } from '../../../src-shared/domain/route-target.ts';
import { count, kg, share, text, type ExportHeader, type Section, shareText } from './content.ts';
import { logCsv } from './csv.ts';
import { reportPdf } from './pdf.ts';
import { registerForPdf } from './register-pdf.ts';
import { registerRows } from './register-rows.ts';
import { logWorkbook } from './xlsx.ts';
import { appendAudit } from '../audit.ts';
import type { Actor } from '../context.ts';
import { enforcementColumn, enforcementFigures, enforcementSections, stockAtEndOf } from './enforcement-figures.ts';
import { reportProblems } from './problems.ts';
import { problemSentence } from '../../../src-shared/contract/monthly-report.ts';
import { getMonthlyReport } from '../../../db/monthly-report-repo.ts';
import { getSettings } from '../accounts/settings.ts';

/** The dashboard lists the busiest origins; the drill-down finds any. */
const TOP_ORIGINS = 20;

const bounds = (p: LocalPeriod): UtcRange => periodBounds(p);

export function dashboardFigures(db: Db, now: Date, settings: Settings, range: LocalPeriod): DashboardFigures {
  const { today, week } = todayAndWeek(now);
  const r = bounds(range);
  const gaps = weighbridgeGaps(db, r);
  const reminder = reportingReminder(today.from, settings.reportingDay);
  return {
    today: { period: today, tally: tally(db, bounds(today)) },
    week: { period: week, isoWeek: isoWeekOf(week.from), tally: tally(db, bounds(week)) },
    range: { period: range, tally: tally(db, r) },
    byDay: breakdown(db, r, 'day'),
    byOrigin: breakdown(db, r, 'origin').slice(0, TOP_ORIGINS),
    byCoalKind: breakdown(db, r, 'coalKind'),
    byWeightSource: breakdown(db, r, 'weightSource'),
    weighbridgeGaps: gaps,
    certificates: certificateTally(db, r),
    failingOrigins: failingOrigins(db, r),
    routeTarget: ROUTE_TARGET,
    // A month signed off is ready to send: no need to remind.
    reminder: reminder && getMonthlyReport(db, reminder.month)?.status !== 'signed' ? reminder : null,
    enforcement: enforcementFigures(db, now, range),
    problems: reportProblems(db, { range: r, gaps, today: today.from, stockHeldMaxDays: settings.stockHeldMaxDays }),
  };
}

/** A day or an hour narrows the scanned range itself, so a drill-down reads only those rows. */
function narrowedRange(period: LocalPeriod, filter: z.output<typeof RecordsInput>['filter']): UtcRange {
  const outer = bounds(period);
  let inner = outer;
  if (filter.date) inner = bounds({ from: filter.date, to: filter.date });
  if (filter.hour) {
    const start = new Date(Date.parse(bounds({ from: filter.hour.slice(0, 10), to: filter.hour.slice(0, 10) }).fromIso) + Number(filter.hour.slice(11)) * 3600_000);
    inner = { fromIso: start.toISOString(), toIso: new Date(start.getTime() + 3600_000).toISOString() };
  }
  return {
    fromIso: inner.fromIso > outer.fromIso ? inner.fromIso : outer.fromIso,
    toIso: inner.toIso < outer.toIso ? inner.toIso : outer.toIso,
  };
}

export function reportRecords(db: Db, input: z.output<typeof RecordsInput>): ReportRecordPage {
  const { date: _date, hour: _hour, ...columns } = input.filter;
  const range = narrowedRange(input, input.filter);
  const page = range.fromIso < range.toIso
    ? truckPage(db, range, columns as TruckFilter, input.pageSize, (input.page - 1) * input.pageSize)
    : { rows: [], hasMore: false };
  return {
    page: input.page,
    pageSize: input.pageSize,
    hasMore: page.hasMore,
    rows: page.rows.map((r) => ({
      id: r.id, recordNumber: r.recordNumber, revision: r.revision, passedAt: r.passedAt, plate: r.plate, trailerPlate: r.trailerPlate,
      driverName: r.driverName, origin: r.origin, coalKind: r.coalKind, netKg: r.netKg, weightSource: r.weightSource,
      viaDesignatedRoute: r.viaDesignatedRoute === 1, hasReport: r.hasReport === 1, transit: r.transit === 1,
    })),
  };
}

// ---- report content -------------------------------------------------------------------------------

const zh = (key: string) => translate('zh-CN', key);
const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
};
const FAILING_ITEM_ZH: Record<FailingItemKind, string> = { ash: '灰分', sulfur: '硫分', volatiles: '挥发分', calorific: '发热量' };
const TARGET_LABEL = `目标 ≥ ${ROUTE_TARGET * 100}%`;

/** Figures of one period, as the headline rows add them up. */
export interface PeriodFigures {
  tally: Tally;
  certificates: CertificateTally;
  gaps: number;
}

export function periodFigures(db: Db, r: UtcRange, tallied = tallyWithGaps(db, r)): PeriodFigures {
  return { tally: tallied.tally, certificates: certificateTally(db, r), gaps: tallied.gaps.length };
}

/** The headline rows, one column per period (a week; or a month and its season to date). */
export function overviewRows(periods: PeriodFigures[]): Section['rows'] {
  const tallies = periods.map((p) => p.tally);
  const checks = periods.map((p) => p.certificates);
  return [
    [text('登记车辆（辆）'), ...tallies.map((t) => count(t.trucks))],
    [text('净重合计（吨）'), ...tallies.map((t) => kg(t.netKg))],
    [text('出示质检报告（辆）'), ...tallies.map((t) => count(t.withReportTrucks))],
    [text('出示质检报告比例'), ...tallies.map((t) => share(t.withReportTrucks, t.trucks))],
    ...routeRows(tallies),
    [text('手工录入重量（辆）'), ...tallies.map((t) => count(t.manualTrucks))],
    [text('地磅数据缺失时段（小时）'), ...periods.map((p) => count(p.gaps))],
    [text('质检报告已核查（辆）'), ...checks.map((c) => count(c.checkedTrucks))],
    [text('报告有效（核查合格）比例'), ...periods.map((p) => share(p.certificates.validReportTrucks, p.tally.trucks))],
    [text('核查不合格（辆）'), ...checks.map((c) => count(c.failingTrucks))],
    [text('放行（辆）'), ...checks.map((c) => count(c.released))],
    [text('抽样送检（辆）'), ...checks.map((c) => count(c.sampled))],
    [text('查封扣押（辆）'), ...checks.map((c) => count(c.seized))],
    [text('劝返（辆）'), ...checks.map((c) => count(c.turnedBack))],
    [text('待人工核验（辆）'), ...checks.map((c) => count(c.awaitingReview))],
    ...FAILING_ITEM_KINDS.map((k) => [text(`不合格项目：${FAILING_ITEM_ZH[k]}（辆）`), ...checks.map((c) => count(c.failingItems[k]))]),
  ];
}

/** The route target's rows: the share over transit trucks (the target's own), the share over all trucks beside it. */
function routeRows(tallies: Tally[]): Section['rows'] {
  const shares = tallies.map(routeShares);
  return [
    [text('过境车辆（辆）'), ...tallies.map((t) => count(t.transitTrucks))],
    [text('过境车辆经运煤专用通道（辆）'), ...tallies.map((t) => count(t.transitViaRouteTrucks))],
    [text(`过境车辆专用通道使用率（${TARGET_LABEL}）`), ...shares.map((r) => share(r.transit.part, r.transit.whole))],
    [text('经运煤专用通道（辆，全部车辆）'), ...tallies.map((t) => count(t.viaRouteTrucks))],
    [text('专用通道使用率（全部车辆）'), ...shares.map((r) => share(r.all.part, r.all.whole))],
  ];
}

function groupSection(title: string, keyHeader: string, groups: TallyOf[], label: (key: string) => string = (k) => k): Section {
  return {
    title,
    columns: [keyHeader, '车辆（辆）', '净重（吨）'],
    rows: groups.map((g) => [text(label(g.key)), count(g.trucks), kg(g.netKg)]),
  };
}

function dailySection(title: string, days: TallyOf[]): Section {
  return {
    title,
    columns: ['日期', '车辆（辆）', '净重（吨）', '过境车辆专用通道使用率', '全部车辆专用通道使用率', '质检报告比例', '手工录入（辆）'],
    rows: days.map((d) => [
      text(d.key), count(d.trucks), kg(d.netKg), share(d.transitViaRouteTrucks, d.transitTrucks), share(d.viaRouteTrucks, d.trucks),
      share(d.withReportTrucks, d.trucks), count(d.manualTrucks),
    ]),
  };
}

export function breakdownSections(db: Db, r: UtcRange, gaps: WeighbridgeGap[], dayTitle: string): Section[] {
  const sections = [
    dailySection(dayTitle, breakdown(db, r, 'day')),
    groupSection('按煤种统计', '煤种', breakdown(db, r, 'coalKind'), (k) => zh(`coalKinds.${k}`)),
    groupSection('按煤炭来源统计', '煤炭来源', breakdown(db, r, 'origin')),
    groupSection('按称重方式统计', '称重方式', breakdown(db, r, 'weightSource'), (k) => zh(`weightSources.${k}`)),
  ];
  const failing: GroupCount[] = failingOrigins(db, r);
  if (failing.length > 0) {
    sections.push({ title: '核查不合格煤炭来源', columns: ['煤炭来源', '车辆（辆）', '净重（吨）'], rows: failing.map((g) => [text(g.key), count(g.trucks), kg(g.netKg)]) });
  }
  if (gaps.length > 0) {
    sections.push({ title: '地磅数据缺失时段（有登记、无地磅采集）', columns: ['时段', '登记车辆（辆）'], rows: gaps.map((g) => [text(`${g.hour}时`), count(g.trucks)]) });
  }
  return sections;
}

/** The period's shortfalls a supervisor must explain upward, in sentences (the open matters are raised by report-problems). */
export function problemsFound(t: Tally, c: CertificateTally): string[] {
  const lines: string[] = [];
  const route = routeShares(t);
  const beside = `（全部车辆 ${shareText(route.all.part, route.all.whole)}）`;
  if (route.belowTarget) {
    lines.push(`过境车辆专用通道使用率 ${shareText(route.transit.part, route.transit.whole)}${beside}，低于 ${ROUTE_TARGET * 100}% 的目标；${route.transitOffRoute} 辆过境车辆未经运煤专用通道。`);
  } else if (route.transitOffRoute > 0) {
    lines.push(`${route.transitOffRoute} 辆过境车辆未经运煤专用通道（过境车辆使用率 ${shareText(route.transit.part, route.transit.whole)}，达到目标${beside}）。`);
  }
  if (t.trucks > t.withReportTrucks) lines.push(`${t.trucks - t.withReportTrucks} 辆未出示煤质检验报告。`);
  if (c.failingTrucks > 0) {
    const kinds = FAILING_ITEM_KINDS.filter((k) => c.failingItems[k] > 0).map((k) => `${FAILING_ITEM_ZH[k]} ${c.failingItems[k]} 辆`).join('，');
    lines.push(`${c.failingTrucks} 辆煤质核查不合格${kinds ? `（${kinds}）` : ''}；查封扣押 ${c.seized} 辆，劝返 ${c.turnedBack} 辆，抽样送检 ${c.sampled} 辆。`);
  }
  if (c.awaitingReview > 0) lines.push(`${c.awaitingReview} 辆待人工核验（适用标准限值未载入等，须由执法人员决定处置）。`);
  if (t.manualTrucks > 0) lines.push(`${t.manualTrucks} 辆重量为手工录入（未经地磅采集）。`);
  return lines;
}

// ---- exports -----------------------------------------------------------------------------------------

export interface Exporter {
  station: Station;
  actor: Actor;
  /** As printed on the export, e.g. 周建华（supervisor）. */
  displayName: string;
  at: Date;
}

export function audited(db: Db, who: Exporter, action: string, after: Record<string, unknown>): void {
  db.transaction(() => appendAudit(db, { actor: who.actor, action, entity: 'report', entityId: String(after.period), after, at: who.at }))();
}

export function file(name: string, format: ExportFormat, bytes: Buffer, trucks: number): ExportedFile {
  return { filename: `${name}.${format}`, mimeType: MIME[format], base64: bytes.toString('base64'), trucks };
}

export function weeklyPeriod(input: { week?: string; from?: string; to?: string }): { period: LocalPeriod; label: string; slug: string } {
  const weekPeriod = input.week ? parseIsoWeek(input.week) : null;
  if (input.week && weekPeriod) {
    return { period: weekPeriod, label: `${input.week}（${weekPeriod.from} 至 ${weekPeriod.to}）`, slug: input.week };
  }
  const period = { from: input.from!, to: input.to! };
  return { period, label: `${period.from} 至 ${period.to}`, slug: `${period.from}_${period.to}` };
}

/** Which log: the register alone (运煤车辆信息登记台账), or the weekly log, which is the register plus the summary. */
type LogKind = 'register' | 'weekly';
const LOG_TITLES: Record<LogKind, string> = { register: '运煤车辆信息登记台账', weekly: '运煤车辆登记周报' };

/** The checkpoint log of a week or range. Every export is audited, saying whether numbers were masked. */
export const exportWeeklyLog = (db: Db, who: Exporter, input: z.output<typeof WeeklyExportInput>) => exportLog(db, who, input, 'weekly');
export const exportRegister = (db: Db, who: Exporter, input: z.output<typeof WeeklyExportInput>) => exportLog(db, who, input, 'register');

async function exportLog(db: Db, who: Exporter, input: z.output<typeof WeeklyExportInput>, kind: LogKind): Promise<ExportedFile> {
  const { period, label, slug } = weeklyPeriod(input);
  const r = bounds(period);
  const title = LOG_TITLES[kind];
  const header: ExportHeader = { title, station: who.station, periodLabel: label, exportedBy: who.displayName, exportedAt: who.at, masked: !input.unmasked };
  // The csv carries the rows only, so it needs no figures.
  const summary = kind === 'weekly' && input.format !== 'csv' ? weeklySummary(db, who, period) : { sections: [], problems: [] };
  let out: { bytes: Buffer; trucks: number };
  if (input.format === 'xlsx') out = await logWorkbook(header, registerRows(db, r), [...summary.sections, ...problemsTable(summary.problems)]);
  else if (input.format === 'csv') out = logCsv(header, registerRows(db, r));
  else {
    const { register, totals } = registerForPdf(registerRows(db, r), !input.unmasked);
    const bytes = await reportPdf({
      header, sections: summary.sections, notes: { title: '发现的问题', lines: summary.problems }, register,
      signatures: ['填报人', '审核人（主管）', '日期'], layout: 'landscape',
    });
    out = { bytes, trucks: totals.trucks };
  }
  audited(db, who, kind === 'weekly' ? 'reports.exportWeekly' : 'reports.exportRegister', { period: slug, format: input.format, unmasked: input.unmasked, trucks: out.trucks });
  return file(`${title}_${who.station.code}_${slug}`, input.format, out.bytes, out.trucks);
}

/** The weekly log's figures: the week beside the heating season to date, and the problems to explain. */
function weeklySummary(db: Db, who: Exporter, period: LocalPeriod): { sections: Section[]; problems: string[] } {
  const r = bounds(period);
  const tallied = tallyWithGaps(db, r);
  const season = seasonToDate(period, getSettings(db).heatingSeasonStart);
  const today = shanghaiDate(who.at);
  const enforcement = [enforcementColumn(db, period, today), enforcementColumn(db, season, today)];
  const figures = periodFigures(db, r, tallied);
  const sections = [
    { title: '总体情况', columns: ['项目', '数值'], rows: overviewRows([figures]) },
    ...enforcementSections(enforcement, ['本周期', `采暖季累计（${season.from} 至 ${season.to}）`], stockAtEndOf(db, period)),
    ...breakdownSections(db, r, tallied.gaps, '按日统计'),
  ];
  const raised = reportProblems(db, { range: r, gaps: tallied.gaps, today, stockHeldMaxDays: getSettings(db).stockHeldMaxDays });
  return { sections, problems: [...problemsFound(figures.tally, figures.certificates), ...raised.map((p) => problemSentence('zh-CN', p))] };
}

/** Spreadsheets carry the problems as one more table; the PDF prints them as sentences. */
export const problemsTable = (problems: string[]): Section[] =>
  problems.length === 0 ? [] : [{ title: '发现的问题', columns: ['序号', '问题'], rows: problems.map((p, i) => [count(i + 1), text(p)]) }];
