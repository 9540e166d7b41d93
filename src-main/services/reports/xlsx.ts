/**
 * Excel workbooks for the weekly log and the monthly report (exceljs): Chinese headers, frozen header
 * row, real dates, tonnes as numbers with three decimals, a totals row, A4 landscape printing.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RegisterRow } from './register-rows.ts';
import { headerLines, localMinute, type ExportHeader, type Figure, type Section } from './content.ts';
import { LOG_COLUMNS, LogTotals, type CellValue } from './log-columns.ts';

const OFFSET_MS = 8 * 3600_000;
const TONNES_FORMAT = '0.000';
const NUM_FORMATS: Record<string, string | undefined> = { tonnes: TONNES_FORMAT, datetime: 'yyyy-mm-dd hh:mm', count: '0' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
const THIN: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' } };

/** Excel dates have no zone: write the Beijing wall-clock time so the cell shows what the checkpoint saw. */
const excelLocal = (instant: Date) => new Date(instant.getTime() + OFFSET_MS);

/**
 * Frozen header row and A4 landscape printing, given when the sheet is added: a streamed sheet writes its
 * properties (fit to page among them) as soon as it is created.
 */
function sheetOptions(h: ExportHeader, titleRows?: string): Partial<ExcelJS.AddWorksheetOptions> {
  // '&' starts a header code in Excel, so literal ampersands are doubled.
  const esc = (s: string) => s.replaceAll('&', '&&');
  return {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
    },
    headerFooter: {
      oddHeader: `&C${esc(`${h.station.name}（${h.station.code}） ${h.title} ${h.periodLabel}`)}`,
      oddFooter: `&L${esc(`导出：${h.exportedBy} ${localMinute(h.exportedAt)}`)}&R第 &P 页 共 &N 页`,
    },
  };
}

function describe(wb: ExcelJS.Workbook, h: ExportHeader): void {
  wb.creator = h.exportedBy;
  wb.created = h.exportedAt;
  wb.title = `${h.title} ${h.periodLabel}`;
  wb.company = h.station.name;
}

function newWorkbook(h: ExportHeader): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  describe(wb, h);
  return wb;
}

/**
 * A workbook whose rows are written out as they are committed, so a week's log never sits in memory as
 * cell objects. Strings are written inline: a shared-strings table would have to be kept until the end.
 */
function streamingWorkbook(h: ExportHeader): { wb: ExcelJS.stream.xlsx.WorkbookWriter; bytes: Promise<Buffer> } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    out.on('end', () => resolve(Buffer.concat(chunks)));
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  describe(wb, h);
  return { wb, bytes };
}

function figureCell(cell: ExcelJS.Cell, f: Figure): void {
  switch (f.kind) {
    case 'count':
      cell.value = f.value;
      break;
    case 'kg':
      cell.value = f.value / 1000;
      cell.numFmt = TONNES_FORMAT;
      break;
    case 'share':
      cell.value = f.whole === 0 ? '—' : f.part / f.whole;
      cell.numFmt = '0.0%';
      cell.alignment = { horizontal: 'right' };
      break;
    case 'text':
      cell.value = f.value;
      break;
  }
}

/** A sheet of the header lines followed by each section as a small table. */
function addSectionsSheet(wb: ExcelJS.Workbook, name: string, h: ExportHeader, sections: Section[]): void {
  const sheet = wb.addWorksheet(name, sheetOptions(h));
  const widest = Math.max(2, ...sections.map((s) => s.columns.length));
  sheet.columns = Array.from({ length: widest }, (_, i) => ({ width: i === 0 ? 26 : 16 }));
  const title = sheet.addRow([h.title]);
  title.font = { bold: true, size: 14 };
  for (const line of headerLines(h)) sheet.addRow(line);
  for (const s of sections) {
    sheet.addRow([]);
    sheet.addRow([s.title]).font = { bold: true };
    const head = sheet.addRow(s.columns);
    head.font = { bold: true };
    head.eachCell((c) => { c.fill = HEADER_FILL; c.border = THIN; });
    for (const figures of s.rows) {
      const row = sheet.addRow([]);
      figures.forEach((f, i) => figureCell(row.getCell(i + 1), f));
    }
  }
}

function logCell(value: CellValue): ExcelJS.CellValue {
  return value instanceof Date ? excelLocal(value) : value;
}

/**
 * The register: sheet 登记台账 (one row per truck and a totals row) and, for the weekly log, sheet 汇总. Streamed: each row
 * is committed once written (everything about a sheet's layout is set before its first row goes out).
 */
export async function logWorkbook(h: ExportHeader, rows: Iterable<RegisterRow>, summary: Section[]): Promise<{ bytes: Buffer; trucks: number }> {
  const masked = h.masked ?? true;
  const { wb, bytes } = streamingWorkbook(h);
  const sheet = wb.addWorksheet('登记台账', sheetOptions(h, '1:1'));
  sheet.columns = LOG_COLUMNS.map((c) => ({
    header: c.header, width: c.width, style: NUM_FORMATS[c.kind] ? { numFmt: NUM_FORMATS[c.kind] } : {},
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.eachCell((c) => { c.fill = HEADER_FILL; c.border = THIN; });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LOG_COLUMNS.length } };
  const totals = new LogTotals();
  for (const row of rows) {
    sheet.addRow(LOG_COLUMNS.map((c) => logCell(c.value(row, totals.trucks, masked)))).commit();
    totals.add(row);
  }
  const totalRow = sheet.addRow(totals.cells().map(logCell));
  totalRow.font = { bold: true };
  totalRow.eachCell((c) => { c.border = { top: { style: 'thin' } }; });
  totalRow.commit();
  if (summary.length > 0) addSectionsSheet(wb, '汇总', h, summary);
  await wb.commit();
  return { bytes: await bytes, trucks: totals.trucks };
}

/** A report made of sections only (the monthly report). */
export function sectionsWorkbook(h: ExportHeader, sheetName: string, sections: Section[]): Promise<Buffer> {
  return sheetsWorkbook(h, [{ name: sheetName, sections }]);
}

/** Several sheets of sections (the report archive: its reports, the trucks that used them, the scans). */
export async function sheetsWorkbook(h: ExportHeader, sheets: { name: string; sections: Section[] }[]): Promise<Buffer> {
  const wb = newWorkbook(h);
  for (const s of sheets) addSectionsSheet(wb, s.name, h, s.sections);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
