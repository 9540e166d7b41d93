/**
 * CSV as Excel on a Chinese Windows opens it without a wizard: UTF-8 with BOM, CRLF line ends, fields
 * quoted when they hold a comma, quote or line break. The header lines come first, a blank line, then
 * the table. Every field passes the formula guard.
 */
import type { RegisterRow } from './register-rows.ts';
import { figureText, headerLines, type ExportHeader, type Section } from './content.ts';
import { neutralisedCsvText } from './formula-guard.ts';
import { cellText, LOG_COLUMNS, LogTotals } from './log-columns.ts';

export function csvField(raw: string): string {
  const value = neutralisedCsvText(raw);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const csvLine = (fields: string[]) => fields.map(csvField).join(',') + '\r\n';

function csvDocument(lines: string[]): Buffer {
  return Buffer.from('\uFEFF' + lines.join(''), 'utf8');
}

const headerBlock = (h: ExportHeader) => [csvLine([h.title]), ...headerLines(h).map((l) => csvLine(l)), '\r\n'];

/** The log: header lines, the column row, one row per truck, the totals row. */
export function logCsv(header: ExportHeader, rows: Iterable<RegisterRow>): { bytes: Buffer; trucks: number } {
  const masked = header.masked ?? true;
  const lines = [...headerBlock(header), csvLine(LOG_COLUMNS.map((c) => c.header))];
  const totals = new LogTotals();
  for (const row of rows) {
    lines.push(csvLine(LOG_COLUMNS.map((c) => cellText(c.value(row, totals.trucks, masked), c.kind))));
    totals.add(row);
  }
  lines.push(csvLine(totals.cells().map((v, i) => cellText(v, LOG_COLUMNS[i]!.kind))));
  return { bytes: csvDocument(lines), trucks: totals.trucks };
}

/** A report of sections (the monthly report): each section's title, columns and rows, a blank line between. */
export function sectionsCsv(header: ExportHeader, sections: Section[]): Buffer {
  const lines = headerBlock(header);
  for (const s of sections) {
    lines.push(csvLine([s.title]), csvLine(s.columns));
    for (const row of s.rows) lines.push(csvLine(row.map(figureText)));
    lines.push('\r\n');
  }
  return csvDocument(lines);
}
