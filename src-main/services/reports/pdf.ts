/**
 * A report on paper for signing: title, the header lines, each section as a ruled table, notes, an
 * optional register (one row per truck, landscape), and the signature lines kept with the content above
 * them. "第x页 共y页" is drawn in a last pass over the buffered pages with the bottom margin lifted:
 * text written below the margin inside the flow would make pdfkit start a new, empty page.
 */
import PDFDocument from 'pdfkit';
import { resolveFonts } from '../documents/pdf/fonts.ts';
import { figureText, headerLines, type ExportHeader, type Section } from './content.ts';
import { drawTable, type PdfColumn, type PdfFrame } from './pdf-table.ts';

const SIZE = 10;
const SIGNATURE_HEIGHT = 48;
/** Heading, a two-line table header and three rows: what must fit under a section heading on its page. */
const HEADING_KEEP_PT = 110;

export interface PdfRegister {
  title: string;
  columns: PdfColumn[];
  /** Body rows, then the totals row; read once. */
  rows: Iterable<string[]>;
}

export interface PdfReport {
  header: ExportHeader;
  sections: Section[];
  /** Findings in plain sentences (problems found, figures not yet available). */
  notes?: { title: string; lines: string[] };
  /** Written passages (the monthly report's 工作进展 etc.), each a heading and paragraphs. */
  passages?: { title: string; text: string }[];
  register?: PdfRegister;
  signatures: string[];
  layout?: 'portrait' | 'landscape';
  /** Pages after the signatures (the report archive's scans), numbered with the rest. */
  appendix?: (doc: InstanceType<typeof PDFDocument>, frame: PdfFrame) => void;
}

export async function reportPdf(report: PdfReport): Promise<Buffer> {
  const fonts = resolveFonts();
  const landscape = report.layout === 'landscape';
  const margin = landscape ? 36 : 56;
  const doc = new PDFDocument({
    size: 'A4', layout: report.layout ?? 'portrait', margin, bufferPages: true,
    info: { Title: `${report.header.title} ${report.header.periodLabel}`, Creator: 'Coal Checkpoint' },
  });
  doc.registerFont('body', fonts.regular.source, fonts.regular.family);
  doc.registerFont('bold', fonts.bold.source, fonts.bold.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * margin;
  const frame: PdfFrame = { left: margin, width, bottom: () => doc.page.height - doc.page.margins.bottom - 2 };
  const h = report.header;

  doc.font('bold').fontSize(16).text(h.title, { align: 'center' });
  doc.moveDown(0.6);
  doc.font('body').fontSize(SIZE);
  for (const [label, value] of headerLines(h)) doc.text(`${label}：${value}`);

  for (const section of report.sections) {
    doc.moveDown(0.8);
    heading(section.title);
    const first = section.columns.length <= 2 ? 55 : 34;
    const rest = (100 - first) / Math.max(1, section.columns.length - 1);
    const columns = section.columns.map((header, i): PdfColumn => ({ header, weight: i === 0 ? first : rest, align: i === 0 ? 'left' : 'right' }));
    drawTable(doc, frame, columns, section.rows.map((r) => r.map(figureText)), { size: SIZE, pad: 3 });
  }

  for (const p of report.passages ?? []) {
    doc.moveDown(0.8);
    heading(p.title);
    doc.font('body').fontSize(SIZE).text(p.text.trim() || '（未填写）', margin, doc.y, { width, paragraphGap: 4 });
  }

  const notes = report.notes?.lines ?? [];
  if (notes.length > 0) {
    doc.moveDown(0.8);
    heading(report.notes!.title);
    doc.font('body').fontSize(SIZE);
    notes.forEach((line, i) => {
      const text = `${i + 1}. ${line}`;
      // The last finding stays with the signatures when the page is nearly full.
      const reserve = !report.register && i === notes.length - 1 ? SIGNATURE_HEIGHT : 0;
      if (doc.y + doc.heightOfString(text, { width }) + reserve > frame.bottom()) doc.addPage();
      doc.text(text, margin, doc.y, { width });
    });
  }

  if (report.register) {
    doc.moveDown(0.8);
    heading(report.register.title);
    drawTable(doc, frame, report.register.columns, report.register.rows, { size: 7, pad: 2, keepWithLast: SIGNATURE_HEIGHT, keepLastRows: 3 });
  }

  if (doc.y + SIGNATURE_HEIGHT > frame.bottom()) doc.addPage();
  doc.y += SIGNATURE_HEIGHT - 16;
  const y = doc.y;
  const slot = width / report.signatures.length;
  doc.font('body').fontSize(11);
  report.signatures.forEach((s, i) => doc.text(`${s}：__________`, margin + i * slot, y, { width: slot, lineBreak: false }));
  report.appendix?.(doc, frame);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(9).text(`第 ${i + 1} 页 共 ${range.count} 页`, margin, doc.page.height - margin + 12, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;

  /**
   * A section heading never ends a page: it moves on unless its table's header (two lines when wrapped) and
   * a few rows fit under it.
   */
  function heading(title: string): void {
    if (doc.y + HEADING_KEEP_PT > frame.bottom()) doc.addPage();
    doc.font('bold').fontSize(11).text(title, margin, doc.y);
    doc.moveDown(0.3);
  }
}
