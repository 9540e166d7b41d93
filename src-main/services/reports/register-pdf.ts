/**
 * The vehicle register (运煤车辆信息登记台账) on landscape paper: the log's columns, several stacked in
 * one printed cell so a truck fits one row of A4. Built from LOG_COLUMNS, so paper, xlsx and csv say
 * the same for every truck.
 */
import type { RegisterRow } from './register-rows.ts';
import { cellText, LOG_COLUMNS, LogTotals, type CellValue } from './log-columns.ts';
import type { PdfRegister } from './pdf.ts';
import type { PdfColumn } from './pdf-table.ts';

interface PrintedColumn extends PdfColumn {
  /** Log columns shown in this cell, one line each (empty values skipped). */
  parts: string[];
}

const PRINTED: PrintedColumn[] = [
  { header: '序号', weight: 3, align: 'right', parts: ['序号'] },
  { header: '登记编号\n版本', weight: 10.5, parts: ['登记编号', '版本'] },
  { header: '登记时间', weight: 6, parts: ['登记时间'] },
  { header: '号牌\n挂车', weight: 7, parts: ['牵引车号牌', '挂车号牌'] },
  { header: '驾驶员\n电话', weight: 7, parts: ['驾驶员', '联系电话'] },
  { header: '承运单位', weight: 8, parts: ['承运单位'] },
  { header: '煤炭来源', weight: 7, parts: ['煤炭来源'] },
  { header: '目的地', weight: 7, parts: ['目的地'] },
  { header: '煤种\n用途', weight: 5, parts: ['煤种', '用途'] },
  { header: '净重\n(吨)', weight: 6, align: 'right', parts: ['净重(吨)'] },
  { header: '称重\n方式', weight: 5, parts: ['称重方式'] },
  { header: '专用\n通道', weight: 3, parts: ['专用通道'] },
  { header: '过境', weight: 3, parts: ['过境车辆'] },
  { header: '报告编号\n检测机构 CMA', weight: 11, parts: ['报告编号', '检测机构', 'CMA编号'] },
  { header: '核查\n处置', weight: 5, parts: ['核查结论', '处置'] },
  { header: '样品编号', weight: 6, parts: ['样品编号'] },
  { header: '案号\n案件状态', weight: 11, parts: ['案号', '案件状态'] },
  { header: '登记人\n执法人员', weight: 7, parts: ['登记人', '执法人员'] },
];
/** On paper only an amended truck shows its revision; "1" under every record number would be noise. */
const ORIGINAL_REVISION = '1';

const INDEX = new Map(LOG_COLUMNS.map((c, i) => [c.header, i]));

function printedRow(values: CellValue[]): string[] {
  return PRINTED.map((col) => col.parts
    .map((p) => [p, cellText(values[INDEX.get(p)!]!, LOG_COLUMNS[INDEX.get(p)!]!.kind)] as const)
    .filter(([p, s]) => s !== '' && !(p === '版本' && s === ORIGINAL_REVISION))
    .map(([, s]) => s)
    .join('\n'));
}

/** The register's rows then its totals row, produced while the trucks are read. */
function* registerRows(trucks: Iterable<RegisterRow>, masked: boolean, totals: LogTotals): Generator<string[]> {
  for (const truck of trucks) {
    const values = LOG_COLUMNS.map((c) => c.value(truck, totals.trucks, masked));
    totals.add(truck);
    yield printedRow(values);
  }
  yield printedRow(totals.cells());
}

export function registerForPdf(trucks: Iterable<RegisterRow>, masked: boolean): { register: PdfRegister; totals: LogTotals } {
  const totals = new LogTotals();
  return { register: { title: '运煤车辆信息登记台账', columns: PRINTED, rows: registerRows(trucks, masked, totals) }, totals };
}
