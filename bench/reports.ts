/**
 * Reports benchmark on an already-filled database: dashboard figures for the latest complete week, that week's
 * checkpoint log as .xlsx and .pdf, the vehicle register of the week (.pdf) and of a season (.xlsx, streamed), and the monthly report (with heating-season totals) as .xlsx and .pdf.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/open.ts';
import { insertCase, updateProgress } from '../db/cases-repo.ts';
import { CaseDraftInput } from '../src-shared/contract/cases.ts';
import { getStation } from '../src-main/services/accounts/accounts.ts';
import { dashboardFigures, exportRegister, exportWeeklyLog, type Exporter } from '../src-main/services/reports/reports.ts';
import { exportMonthlyReport } from '../src-main/services/reports/monthly-report.ts';
import { getSettings } from '../src-main/services/accounts/settings.ts';
import { addDays, localDate } from '../src-shared/domain/local-time.ts';
import { isoWeekOf, monthOf, weekOf } from '../src-shared/domain/report-period.ts';

/** A season's worth of decided cases over the weeks before `lastDay`, half still under seizure. */
function seedCases(db: Db, lastDay: string, count: number): void {
  const user = db.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: number };
  const draft = CaseDraftInput.parse({});
  for (let i = 0; i < count; i++) {
    const decisionDate = addDays(lastDay, -(i % 120));
    const at = `${decisionDate}T02:00:00.000Z`;
    const id = insertCase(db, { caseNumber: `BENCH-${i}`, registrationId: null, draft, netKg: 25_000 + i, plate: null, finding: null, createdBy: user.id, at });
    updateProgress(db, id, {
      phase: i % 2 === 0 ? 'seized' : 'released', decisionDate, decidedBy: user.id, testing: [], extension: null, release: null, outcomeDate: null, termRules: null,
    }, at);
  }
}

async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: Math.round(performance.now() - t), value };
}

export async function benchReports(db: Db): Promise<Record<string, string | number>> {
  const latest = db.prepare('SELECT MAX(registered_at) AS at FROM registrations').get() as { at: string | null };
  if (!latest.at) return { skipped: 'no registrations' };
  const lastDay = localDate(new Date(latest.at));
  // The latest complete week (the current one may have only begun); the monthly report is on the current
  // month to date, as a supervisor makes it before the 23rd.
  const weekPeriod = weekOf(addDays(weekOf(lastDay).from, -1));
  const week = isoWeekOf(weekPeriod.from);
  const month = monthOf(lastDay);
  const settings = getSettings(db);
  // The benchmark reads only; the audit entries of its exports roll back with the savepoint below.
  const who: Exporter = { station: getStation(db) ?? { name: 'bench', code: 'BENCH' }, actor: { id: null, name: 'bench' }, displayName: 'bench', at: new Date() };
  const result: Record<string, string | number> = { week, month };

  db.exec('SAVEPOINT bench_reports');
  try {
    const dashboard = await timed(() => dashboardFigures(db, new Date(latest.at!), settings, weekPeriod));
    result.dashboardWeekMs = dashboard.ms;
    result.dashboardWeekTrucks = dashboard.value.range.tally.trucks;

    // The same dashboard with 600 cases (300 under seizure): what the enforcement figures add.
    seedCases(db, lastDay, 600);
    const withCases = await timed(() => dashboardFigures(db, new Date(latest.at!), settings, weekPeriod));
    result.dashboardWeekWith600CasesMs = withCases.ms;
    result.dashboardOpenCases = withCases.value.enforcement.openCases.length;

    const xlsx = await timed(() => exportWeeklyLog(db, who, { week, format: 'xlsx', unmasked: false }));
    result.weeklyXlsxMs = xlsx.ms;
    result.weeklyXlsxRows = xlsx.value.trucks;
    result.weeklyXlsxKb = Math.round((xlsx.value.base64.length * 3) / 4 / 1024);

    const csv = await timed(() => exportWeeklyLog(db, who, { week, format: 'csv', unmasked: false }));
    result.weeklyCsvMs = csv.ms;

    // 运煤车辆信息登记台账: the week on paper (target < 3 s for 5,000 trucks), and a season as a streamed xlsx (< 30 s, < 400 MB).
    const registerPdf = await timed(() => exportRegister(db, who, { week, format: 'pdf', unmasked: false }));
    result.registerWeekPdfMs = registerPdf.ms;
    result.registerWeekPdfTrucks = registerPdf.value.trucks;
    const weeklyPdf = await timed(() => exportWeeklyLog(db, who, { week, format: 'pdf', unmasked: false }));
    result.weeklyPdfWithRegisterMs = weeklyPdf.ms;
    const season = { from: addDays(weekPeriod.to, -181), to: weekPeriod.to };
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const seasonXlsx = await timed(() => exportRegister(db, who, { ...season, format: 'xlsx', unmasked: false }));
    result.registerSeasonXlsxMs = seasonXlsx.ms;
    result.registerSeasonXlsxTrucks = seasonXlsx.value.trucks;
    result.registerSeasonXlsxMb = Math.round((seasonXlsx.value.base64.length * 3) / 4 / 2 ** 20);
    result.registerSeasonRssAfterMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    result.registerSeasonRssGrowthMb = Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20);
    result.processPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

    // Made on the last day with data, so the month to date is the month the data fills (target: PDF < 1 s).
    const monthly = { ...who, at: new Date(latest.at!) };
    const monthlyXlsx = await timed(() => exportMonthlyReport(db, monthly, settings, { month, format: 'xlsx' }));
    result.monthlyXlsxMs = monthlyXlsx.ms;
    result.monthlyTrucks = monthlyXlsx.value.trucks;

    const monthlyPdf = await timed(() => exportMonthlyReport(db, monthly, settings, { month, format: 'pdf' }));
    result.monthlyPdfMs = monthlyPdf.ms;
  } finally {
    db.exec('ROLLBACK TO bench_reports; RELEASE bench_reports');
  }
  return result;
}
