/**
 * A report on paper for signing: title, the header lines, each section as a ruled table, notes, and
 * signature lines; "第x页 共y页" at the foot. Uses the bundled CJK fonts of the document printer.
 */
import PDFDocument from 'pdfkit';
import { resolveFonts } from '../documents/pdf/fonts.ts';
import { figureText, headerLines, type ExportHeader, type Section } from './content.ts';

const MARGIN = 56;
const ROW_PAD = 3;
const SIZE = 10;

export interface PdfReport {
  header: ExportHeader;
  sections: Section[];
  /** Findings in plain sentences (problems found, figures not yet available). */
  notes?: { title: string; lines: string[] };
  signatures: string[];
}

export async function reportPdf(report: PdfReport): Promise<Buffer> {
  const fonts = resolveFonts();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `${report.header.title} ${report.header.periodLabel}`, Creator: 'Coal Checkpoint' } });
  doc.registerFont('body', fonts.regular.source, fonts.regular.family);
  doc.registerFont('bold', fonts.bold.source, fonts.bold.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const h = report.header;

  doc.font('bold').fontSize(16).text(h.title, { align: 'center' });
  doc.moveDown(0.6);
  doc.font('body').fontSize(SIZE);
  for (const [label, value] of headerLines(h)) doc.text(`${label}：${value}`);

  for (const section of report.sections) {
    doc.moveDown(0.8);
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.font('bold').fontSize(11).text(section.title, MARGIN, doc.y);
    doc.moveDown(0.3);
    table(section.columns, section.rows.map((r) => r.map(figureText)));
  }

  if (report.notes && report.notes.lines.length > 0) {
    doc.moveDown(0.8);
    doc.font('bold').fontSize(11).text(report.notes.title, MARGIN, doc.y);
    doc.font('body').fontSize(SIZE);
    report.notes.lines.forEach((line, i) => doc.text(`${i + 1}. ${line}`, MARGIN, doc.y, { width }));
  }

  doc.moveDown(2);
  if (doc.y + 40 > bottom()) doc.addPage();
  const y = doc.y;
  const slot = width / report.signatures.length;
  doc.font('body').fontSize(11);
  report.signatures.forEach((s, i) => doc.text(`${s}：__________`, MARGIN + i * slot, y, { width: slot, lineBreak: false }));

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('body').fontSize(9).text(`第 ${i + 1} 页 共 ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;

  /** Ruled rows; the first column is wider (labels), numbers align right. A row that does not fit starts a page under a repeated header. */
  function table(columns: string[], rows: string[][]): void {
    const first = columns.length <= 2 ? width * 0.55 : width * 0.34;
    const rest = (width - first) / Math.max(1, columns.length - 1);
    const widths = columns.map((_, i) => (i === 0 ? first : rest));
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'body').fontSize(SIZE);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * ROW_PAD }))) + 2 * ROW_PAD;
      if (doc.y + height > bottom()) {
        doc.addPage();
        if (!bold) drawRow(columns, true);
      }
      const top = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.text(c, x + ROW_PAD, top + ROW_PAD, { width: widths[i]! - 2 * ROW_PAD, align: i === 0 ? 'left' : 'right' });
        x += widths[i]!;
      });
      doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.5).stroke();
      doc.x = MARGIN;
      doc.y = top + height;
    };
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.8).stroke();
    drawRow(columns, true);
    for (const r of rows) drawRow(r, false);
  }
}
