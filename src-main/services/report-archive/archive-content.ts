/**
 * What the exported archive says, for the workbook (three sheets: reports, the trucks that used them, the
 * scans) and for paper (one table: each report's facts on its first row, then one row per truck, the report
 * number repeated so no truck is ever read without its report).
 */
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import type { ArchiveReport, ArchiveTruck } from '../../../src-shared/contract/report-archive.ts';
import { formatPlate } from '../../../src-shared/domain/plate.ts';
import { count, figureText, kg, localMinute, text, tonnesText, type Section } from '../reports/content.ts';
import type { PdfColumn } from '../reports/pdf-table.ts';

const zh = (key: string) => translate('zh-CN', key);
const list = (values: readonly string[], sep = '、') => values.join(sep);
const sampleOrigins = (r: ArchiveReport) => list(r.sampleOrigins.map((o) => zh(`certificates.sampleOrigins.${o}`)));
const verdictText = (t: ArchiveTruck) => (t.verdict ? zh(`certificates.verdicts.${t.verdict}`) : '未核验');
const outcomeText = (t: ArchiveTruck) => (t.outcome ? zh(`certificates.outcomes.${t.outcome}`) : '');
const plates = (t: ArchiveTruck) => [formatPlate(t.plate), t.trailerPlate ? formatPlate(t.trailerPlate) : ''].filter(Boolean).join(' / ');
const coverage = (r: ArchiveReport) => (r.tonnageCoveredKg === null ? '未载明' : tonnesText(r.tonnageCoveredKg));
const verdicts = (r: ArchiveReport) => list(r.trucks.map(verdictText).filter((v, i, all) => all.indexOf(v) === i));
const signals = (r: ArchiveReport, sep = '；') => (r.signals.length ? list(r.signals.map((s) => s.zh), sep) : '无');

export interface ArchiveTotals {
  reports: number;
  trucks: number;
  netKg: number;
  withSignals: number;
  scans: number;
}

export function totalsOf(entries: readonly ArchiveReport[]): ArchiveTotals {
  return {
    reports: entries.length,
    trucks: entries.reduce((n, e) => n + e.truckCount, 0),
    netKg: entries.reduce((n, e) => n + e.netKg, 0),
    withSignals: entries.filter((e) => e.signals.length > 0).length,
    scans: entries.reduce((n, e) => n + e.scanCount, 0),
  };
}

export function overviewSection(t: ArchiveTotals): Section {
  return {
    title: '总体情况',
    columns: ['项目', '数值'],
    rows: [
      [text('质检报告（份）'), count(t.reports)],
      [text('使用报告的车辆（辆次）'), count(t.trucks)],
      [text('使用车辆净重合计（吨）'), kg(t.netKg)],
      [text('有提示的报告（份）'), count(t.withSignals)],
      [text('扫描件（份）'), count(t.scans)],
    ],
  };
}

export function reportsSection(entries: readonly ArchiveReport[]): Section {
  return {
    title: '质检报告（每份报告一行）',
    columns: ['序号', '报告编号', '检测机构', 'CMA编号', '采样方式', '采样日期', '报告日期', '覆盖重量（吨）', '使用车辆（辆）', '净重合计（吨）', '核查结论', '扫描件（份）', '提示'],
    rows: entries.map((e, i) => [
      count(i + 1), text(e.reportNumber), text(list(e.labs) || '未核验'), text(list(e.cmaNumbers)), text(sampleOrigins(e)), text(list(e.sampledOn)),
      text(list(e.reportedOn)), e.tonnageCoveredKg === null ? text('未载明') : kg(e.tonnageCoveredKg), count(e.truckCount), kg(e.netKg),
      text(verdicts(e)), count(e.scanCount), text(signals(e)),
    ]),
  };
}

export function trucksSection(entries: readonly ArchiveReport[]): Section {
  return {
    title: '使用报告的车辆（每车一行，按当前版本）',
    columns: ['报告编号', '登记编号', '版本', '首次登记时间', '号牌', '煤炭来源', '煤种', '净重（吨）', '核查结论', '处置'],
    rows: entries.flatMap((e) => e.trucks.map((t) => [
      text(e.reportNumber), text(t.recordNumber), count(t.revision), text(localMinute(new Date(t.firstRegisteredAt))), text(plates(t)), text(t.origin),
      text(zh(`coalKinds.${t.coalKind}`)), kg(t.netKg), text(verdictText(t)), text(outcomeText(t)),
    ])),
  };
}

export function scansSection(entries: readonly ArchiveReport[]): Section {
  return {
    title: '扫描件（正文见PDF附件）',
    columns: ['报告编号', '文件名', '类型', '大小（KB）', 'SHA-256', '所附登记编号', '上传时间'],
    rows: entries.flatMap((e) => e.scans.map((s) => [
      text(e.reportNumber), text(s.fileName), text(s.mime), count(Math.ceil(s.sizeBytes / 1024)), text(s.sha256), text(list(s.recordNumbers)),
      text(localMinute(new Date(s.addedAt))),
    ])),
  };
}

/** The paper table's columns: the report's facts, then the truck's. */
export const PDF_COLUMNS: PdfColumn[] = [
  { header: '序号', weight: 3, align: 'right' },
  { header: '报告编号', weight: 10 },
  { header: '检测机构\nCMA编号', weight: 12 },
  { header: '采样方式\n采样/报告日期', weight: 8 },
  { header: '覆盖\n(吨)', weight: 5, align: 'right' },
  { header: '合计\n(辆/吨)', weight: 6, align: 'right' },
  { header: '提示', weight: 14 },
  { header: '登记编号', weight: 10 },
  { header: '号牌', weight: 8 },
  { header: '首次登记', weight: 7 },
  { header: '煤炭来源', weight: 9 },
  { header: '净重\n(吨)', weight: 5, align: 'right' },
  { header: '核查\n处置', weight: 5 },
];

/** Rows for PDF_COLUMNS, then a totals row. */
export function* pdfRows(entries: readonly ArchiveReport[], totals: ArchiveTotals): Generator<string[]> {
  let index = 0;
  for (const e of entries) {
    index++;
    const facts = [
      String(index), e.reportNumber, [list(e.labs) || '未核验', list(e.cmaNumbers)].filter(Boolean).join('\n'),
      [sampleOrigins(e), list(e.sampledOn), list(e.reportedOn)].filter(Boolean).join('\n'), coverage(e),
      `${e.truckCount}\n${tonnesText(e.netKg)}`, signals(e, '\n'),
    ];
    for (const [i, t] of e.trucks.entries()) {
      const truck = [
        t.recordNumber + (t.revision > 1 ? `\n第${t.revision}版` : ''), plates(t), localMinute(new Date(t.firstRegisteredAt)), t.origin, tonnesText(t.netKg),
        [verdictText(t), outcomeText(t)].filter(Boolean).join('\n'),
      ];
      yield [...(i === 0 ? facts : ['', e.reportNumber, '', '', '', '', '']), ...truck];
    }
  }
  yield ['', '合计', `${totals.reports} 份`, '', '', `${totals.trucks}\n${figureText(kg(totals.netKg))}`, '', '', '', '', '', '', ''];
}
