/**
 * The monthly report in the seed's form (附件6 四(三): 每月23日前报告当月工作进度和累计进度情况; the 报送
 * requirement: 整体情况、数据统计、存在问题、原因剖析及意见建议): the current month to date beside the figures
 * since the heating season began, the supervisor's written sections (draft or signed), and the problems
 * the figures raise. The figures are the weekly log's (same queries), so the two never disagree.
 */
import type { z } from 'zod';
import { getMonthlyReport } from '../../../db/monthly-report-repo.ts';
import type { Db } from '../../../db/open.ts';
import { tallyWithGaps } from '../../../db/reports-repo.ts';
import { MONTHLY_SECTIONS, MONTHLY_SECTION_TITLES, problemSentence } from '../../../src-shared/contract/monthly-report.ts';
import type { ExportedFile, MonthlyExportInput } from '../../../src-shared/contract/reports.ts';
import type { Settings } from '../../../src-shared/contract/settings.ts';
import { monthToDate, parseMonth, periodBounds, seasonToDate } from '../../../src-shared/domain/report-period.ts';
import { shanghaiDate } from '../../../src-shared/domain/seizure-term.ts';
import { localMinute, text, type ExportHeader, type Section } from './content.ts';
import { sectionsCsv } from './csv.ts';
import { enforcementColumn, enforcementSections, stockAtEndOf } from './enforcement-figures.ts';
import { reportPdf } from './pdf.ts';
import { reportProblems } from './problems.ts';
import { audited, breakdownSections, file, overviewRows, periodFigures, problemsFound, problemsTable, type Exporter } from './reports.ts';
import { sectionsWorkbook } from './xlsx.ts';
import { ServiceError } from '../errors.ts';

const STATUS_ZH = { new: '未填写', draft: '草稿（未签发）', signed: '已签发' } as const;

export async function exportMonthlyReport(db: Db, who: Exporter, settings: Settings, input: z.output<typeof MonthlyExportInput>): Promise<ExportedFile> {
  const today = shanghaiDate(who.at);
  const month = monthToDate(input.month, today);
  if (!month) throw new ServiceError('invalid-input', 'monthlyReport.errors.future', { month: input.month });
  const season = seasonToDate(month, settings.heatingSeasonStart);
  const m = periodBounds(month);
  const monthTallied = tallyWithGaps(db, m);
  const monthFigures = periodFigures(db, m, monthTallied);
  const enforcement = [enforcementColumn(db, month, today), enforcementColumn(db, season, today)];
  const [year, mm] = input.month.split('-');
  // A month still running is reported to date.
  const toDate = month.to !== parseMonth(input.month)!.to ? '，本月截至当日' : '';
  const header: ExportHeader = {
    title: '煤炭检查站工作月报', station: who.station, periodLabel: `${year}年${Number(mm)}月（${month.from} 至 ${month.to}${toDate}）`,
    exportedBy: who.displayName, exportedAt: who.at,
  };
  const seasonHeader = `采暖季累计（${season.from} 至 ${season.to}）`;
  const written = getMonthlyReport(db, input.month);
  const status: Section = {
    title: '月报签发情况',
    columns: ['项目', '内容'],
    rows: [
      [text('状态'), text(STATUS_ZH[written?.status ?? 'new'])],
      ...(written ? [[text('最近保存'), text(`${written.saved_by_name} ${localMinute(new Date(written.saved_at))}`)]] : []),
      ...(written?.signed_at ? [[text('签发'), text(`${written.signed_by_name} ${localMinute(new Date(written.signed_at))}`)]] : []),
    ],
  };
  const sections: Section[] = [
    { title: '本月及采暖季累计', columns: ['项目', '本月', seasonHeader], rows: overviewRows([monthFigures, periodFigures(db, periodBounds(season))]) },
    ...enforcementSections(enforcement, ['本月', seasonHeader], stockAtEndOf(db, month)),
    ...breakdownSections(db, m, monthTallied.gaps, '本月按日统计'),
    status,
  ];
  const raised = reportProblems(db, { range: m, gaps: monthTallied.gaps, today, stockHeldMaxDays: settings.stockHeldMaxDays });
  const problems = [...problemsFound(monthFigures.tally, monthFigures.certificates), ...raised.map((p) => problemSentence('zh-CN', p))];
  const passages = MONTHLY_SECTIONS.map((s) => ({ title: MONTHLY_SECTION_TITLES[s], text: written?.[s] ?? '' }));
  let bytes: Buffer;
  if (input.format === 'pdf') {
    bytes = await reportPdf({ header, sections, passages, notes: { title: '发现的问题', lines: problems }, signatures: ['填报人', '审核人', '检查站负责人'] });
  } else {
    const tables = [
      ...sections,
      ...passages.map((p): Section => ({ title: p.title, columns: ['内容'], rows: [[text(p.text || '（未填写）')]] })),
      ...problemsTable(problems),
    ];
    bytes = input.format === 'xlsx' ? await sectionsWorkbook(header, '月报', tables) : sectionsCsv(header, tables);
  }
  audited(db, who, 'reports.exportMonthly', { period: input.month, to: month.to, format: input.format, trucks: monthFigures.tally.trucks, status: written?.status ?? 'new' });
  return file(`煤炭检查站工作月报_${who.station.code}_${input.month}`, input.format, bytes, monthFigures.tally.trucks);
}
