/**
 * Page furniture shared by every enforcement document: A4 page, agency and title header, document
 * number, QR code, body text helpers, bordered tables, signature lines, seal area, 副本 stamp and
 * 第x页 共y页 footers. Documents only describe their body; this module owns how it looks.
 *
 * A document may hold several copies (联): each copy is a section whose pages are numbered on
 * their own, since each copy is handed to a different keeper.
 */
import PDFDocument from 'pdfkit';
import type { FontSet } from './fonts.ts';
import type { PrintCopy } from './types.ts';
import { dateTimeZh } from './format.ts';

const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;
/**
 * GB/T 9704-2012 §5.2: 版心 156 mm × 225 mm, 天头 37 mm, 订口 28 mm. The QR code and the copy label sit in
 * the top margin, page numbers in the bottom one (§7.5).
 */
const MARGIN = { top: 37 * MM, bottom: A4.height - 37 * MM - 225 * MM, left: 28 * MM, right: A4.width - 28 * MM - 156 * MM };
/** Forms of the SAMR 范本 are set smaller than 公文 body text (3号) so that a decision fits one sheet. */
const BODY_SIZE = 10.5;
const LINE_GAP = 3.5;
const SIGNATURE_ROW = BODY_SIZE + 10;
const QR_SIZE = 64;
const INK = '#000000';
const STAMP_RED = '#c8161d';

export interface DocumentFrame {
  agencyName: string;
  title: string;
  documentNumber: string;
  contentHash: string;
  /** PNG of the QR code, drawn at the head of every copy. */
  qrPng: Buffer;
  /** Printed size of the QR in points; a signed handover payload needs more than the default. */
  qrSize?: number;
  print: PrintCopy;
}

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface SignatureLine {
  role: string;
  name?: string;
  /** Printed after the name: credential number, relation, etc. */
  note?: string;
}

export class OfficialDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly sectionStarts: number[] = [];
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(
    fonts: FontSet,
    private readonly frame: DocumentFrame,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      info: { Title: frame.title, Subject: frame.documentNumber, Keywords: `sha256:${frame.contentHash}`, Creator: 'Coal Checkpoint' },
    });
    this.doc.registerFont('body', fonts.regular.source, fonts.regular.family);
    this.doc.registerFont('bold', fonts.bold.source, fonts.bold.family);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get left(): number {
    return MARGIN.left;
  }

  get width(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  /** Starts a copy (联) on a new page with the full header; `copyLabel` e.g. 第一联 当事人留存. */
  startCopy(copyLabel?: string): this {
    const doc = this.doc;
    doc.addPage();
    this.sectionStarts.push(doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
    const top = MARGIN.top;
    const qr = this.frame.qrSize ?? QR_SIZE;
    const qrY = Math.max(18, top - qr - 6);
    doc.image(this.frame.qrPng, A4.width - MARGIN.right - qr, qrY, { width: qr, height: qr });
    if (copyLabel) {
      doc.font('bold').fontSize(10).fillColor(INK).text(copyLabel, MARGIN.left, qrY, { width: this.width - qr - 8, align: 'left' });
    }
    // GB/T 9704 §7.3.3: title in 2号 (22 pt), centred; the issuing agency above it as on the SAMR forms.
    doc.font('bold').fontSize(16).fillColor(INK).text(this.frame.agencyName, MARGIN.left + qr, top, { width: this.width - 2 * qr, align: 'center' });
    doc.fontSize(22).text(this.frame.title, MARGIN.left, doc.y + 4, { width: this.width, align: 'center' });
    // The number sits right-aligned under the title and clear of the QR code.
    const numberY = Math.max(doc.y + 4, qrY + qr + 4);
    doc.font('body').fontSize(BODY_SIZE).text(this.frame.documentNumber, MARGIN.left, numberY, { width: this.width, align: 'right' });
    doc.moveDown(0.6);
    return this;
  }

  /** Moves to a new page unless `height` points still fit: keeps a closing block with its text. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > A4.height - MARGIN.bottom) this.doc.addPage();
  }

  /** Height `paragraph(text)` will take, to keep a paragraph and what follows it on one page. */
  paragraphHeight(text: string): number {
    this.doc.font('body').fontSize(BODY_SIZE);
    return this.doc.heightOfString(text, { width: this.width, lineGap: LINE_GAP, indent: BODY_SIZE * 2 }) + this.doc.currentLineHeight(true) * 0.3;
  }

  /**
   * The closing block of a decision: signature lines on the left, the seal area with agency and date on
   * the right, side by side so that the closing paragraphs (`lead`), the seal and the signatures share a
   * page: no sheet ever holds only signatures.
   */
  signaturesWithSeal(lines: SignatureLine[], agencyName: string, dateText: string, lead: readonly string[] = []): this {
    const doc = this.doc;
    const sealHeight = 84;
    const height = Math.max(lines.length * SIGNATURE_ROW, sealHeight) + 12;
    this.ensureSpace(height + lead.reduce((sum, text) => sum + this.paragraphHeight(text), 0));
    for (const text of lead) this.paragraph(text);
    const top = doc.y + 6;
    const sealWidth = 150;
    this.signatureRows(lines, top, this.width - sealWidth - 6);
    const cx = MARGIN.left + this.width - sealWidth / 2;
    const cy = top + 38;
    doc.save().lineWidth(0.6).strokeColor('#888888').dash(3, { space: 3 }).circle(cx, cy, 40).stroke().undash().restore();
    doc.font('body').fontSize(8).fillColor('#888888').text('（印章）', cx - 20, cy - 36, { width: 40, align: 'center' });
    doc.font('body').fontSize(BODY_SIZE).fillColor(INK).text(agencyName, cx - sealWidth / 2, cy - 8, { width: sealWidth, align: 'center' });
    doc.text(dateText, cx - sealWidth / 2, doc.y + 3, { width: sealWidth, align: 'center' });
    doc.x = MARGIN.left;
    doc.y = top + height;
    return this;
  }

  /** A paragraph of body text, first line indented by two characters as in official documents. */
  paragraph(text: string, options: { indent?: boolean; bold?: boolean; size?: number } = {}): this {
    const size = options.size ?? BODY_SIZE;
    this.doc
      .font(options.bold ? 'bold' : 'body')
      .fontSize(size)
      .fillColor(INK)
      .text(text, MARGIN.left, this.doc.y, { width: this.width, lineGap: LINE_GAP, indent: options.indent === false ? 0 : size * 2, align: 'justify' });
    this.doc.moveDown(0.3);
    return this;
  }

  /** "label：value" on one line, with the label bold; long values wrap under themselves. */
  field(label: string, value: string): this {
    const doc = this.doc;
    // Label and value are drawn separately: keep them on one page.
    this.ensureSpace(BODY_SIZE * 2 + LINE_GAP);
    const y = doc.y;
    doc.font('bold').fontSize(BODY_SIZE).fillColor(INK);
    const labelWidth = doc.widthOfString(`${label}：`);
    doc.text(`${label}：`, MARGIN.left, y, { lineBreak: false });
    doc.font('body').text(value || '—', MARGIN.left + labelWidth, y, { width: this.width - labelWidth, lineGap: LINE_GAP });
    doc.moveDown(0.1);
    return this;
  }

  /** Fields side by side, for short values; the optional third element weights a column's width. */
  fieldRow(fields: [label: string, value: string, weight?: number][]): this {
    const doc = this.doc;
    this.ensureSpace(BODY_SIZE * 2 + LINE_GAP);
    const y = doc.y;
    const total = fields.reduce((s, f) => s + (f[2] ?? 1), 0);
    let x = MARGIN.left;
    let bottom = y;
    for (const [label, value, weight = 1] of fields) {
      const colWidth = (this.width * weight) / total;
      doc.font('bold').fontSize(BODY_SIZE).fillColor(INK);
      const labelWidth = doc.widthOfString(`${label}：`);
      doc.text(`${label}：`, x, y, { lineBreak: false });
      doc.font('body').text(value || '—', x + labelWidth, y, { width: colWidth - labelWidth - 6, lineGap: LINE_GAP });
      bottom = Math.max(bottom, doc.y);
      x += colWidth;
    }
    doc.x = MARGIN.left;
    doc.y = bottom;
    doc.moveDown(0.1);
    return this;
  }

  heading(text: string): this {
    this.ensureSpace(40);
    this.doc.moveDown(0.3);
    this.doc.font('bold').fontSize(BODY_SIZE + 0.5).fillColor(INK).text(text, MARGIN.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
    return this;
  }

  /** A bordered table; rows that do not fit move to the next page under a repeated header. */
  table(columns: TableColumn[], rows: string[][]): this {
    const doc = this.doc;
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const pad = 4;
    const size = BODY_SIZE - 1.5;
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * pad, lineGap: 2 }))) + 2 * pad;
    };
    const drawRow = (cells: string[], font: string, height: number) => {
      let x = MARGIN.left;
      const y = doc.y;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        doc.lineWidth(0.7).strokeColor(INK).rect(x, y, w, height).stroke();
        doc.font(font).fontSize(size).fillColor(INK).text(cell, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left', lineGap: 2 });
        x += w;
      });
      doc.x = MARGIN.left;
      doc.y = y + height;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = rowHeight(headers, 'bold');
    this.ensureSpace(headerHeight * 2);
    drawRow(headers, 'bold', headerHeight);
    for (const row of rows) {
      const h = rowHeight(row, 'body');
      if (doc.y + h > A4.height - MARGIN.bottom) {
        doc.addPage();
        drawRow(headers, 'bold', headerHeight);
      }
      drawRow(row, 'body', h);
    }
    doc.moveDown(0.5);
    return this;
  }

  /** Signature lines across the full width, kept together with the closing paragraphs (`lead`). */
  signatures(lines: SignatureLine[], lead: readonly string[] = []): this {
    const height = lines.length * SIGNATURE_ROW + 12;
    this.ensureSpace(height + lead.reduce((sum, text) => sum + this.paragraphHeight(text), 0));
    for (const text of lead) this.paragraph(text);
    const top = this.doc.y + 6;
    this.signatureRows(lines, top, this.width);
    this.doc.x = MARGIN.left;
    this.doc.y = top + height;
    return this;
  }

  /** "执法人员：赵一  执法证号：…" then, in one column for every row, "签名：____" to sign on. */
  private signatureRows(lines: SignatureLine[], top: number, width: number): void {
    const doc = this.doc;
    const size = BODY_SIZE - 0.5;
    const texts = lines.map((line) => [`${line.role}：${line.name ?? ''}`, line.note].filter(Boolean).join('  '));
    doc.font('body').fontSize(size);
    const signWidth = doc.widthOfString('签名：') + 56;
    const signAt = Math.min(MARGIN.left + Math.max(...texts.map((t) => doc.widthOfString(t))) + 12, MARGIN.left + width - signWidth);
    const lineEnd = Math.min(MARGIN.left + width, signAt + signWidth + 60);
    texts.forEach((who, i) => {
      const y = top + i * SIGNATURE_ROW;
      doc.font('body').fontSize(size).fillColor(INK).text(who, MARGIN.left, y, { width: signAt - MARGIN.left - 6, height: size * 1.4, lineBreak: false, ellipsis: true });
      doc.text('签名：', signAt, y, { lineBreak: false });
      const lineStart = signAt + doc.widthOfString('签名：');
      doc.lineWidth(0.5).moveTo(lineStart, y + size + 2).lineTo(lineEnd, y + size + 2).stroke();
    });
  }

  /**
   * Issuing agency and date at the right, inside a dashed circle where the official seal is pressed
   * (行政强制法 art.24(5): 行政机关的名称、印章和日期).
   */
  sealArea(agencyName: string, dateText: string): this {
    const doc = this.doc;
    this.ensureSpace(110);
    doc.moveDown(1);
    const blockWidth = 210;
    const x = MARGIN.left + this.width - blockWidth;
    const y = doc.y;
    const cx = x + blockWidth / 2;
    const cy = y + 30;
    doc.save().lineWidth(0.6).strokeColor('#888888').dash(3, { space: 3 }).circle(cx, cy, 44).stroke().undash().restore();
    doc.font('body').fontSize(8).fillColor('#888888').text('（印章）', cx - 20, cy - 40, { width: 40, align: 'center' });
    doc.font('body').fontSize(BODY_SIZE).fillColor(INK).text(agencyName, x, cy - 8, { width: blockWidth, align: 'center' });
    doc.text(dateText, x, doc.y + 4, { width: blockWidth, align: 'center' });
    doc.x = MARGIN.left;
    doc.y = Math.max(doc.y, cy + 50);
    return this;
  }

  /** Draws footers and stamps on every page, ends the PDF and returns its bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let page = start; page < start + count; page++) {
      doc.switchToPage(page);
      // Writing inside the bottom margin would make pdfkit add a page; lift the margin meanwhile.
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.drawFooter(page);
      if (this.frame.print.kind === 'reprint') this.drawCopyStamp(this.frame.print.printedBy, this.frame.print.printedAt);
      doc.page.margins.bottom = savedBottom;
    }
    doc.flushPages();
    doc.end();
    return this.done;
  }

  private drawFooter(page: number): void {
    const doc = this.doc;
    const starts = this.sectionStarts;
    const sectionIndex = starts.reduce((found, s, i) => (s <= page ? i : found), 0);
    const first = starts[sectionIndex] ?? 0;
    const next = starts[sectionIndex + 1] ?? doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    const y = A4.height - MARGIN.bottom + 22;
    doc.font('body').fontSize(10).fillColor(INK).text(`第${page - first + 1}页 共${next - first}页`, MARGIN.left, y, { width: this.width, align: 'center', lineBreak: false });
    doc.fontSize(6.5).fillColor('#555555').text(`${this.frame.documentNumber}  内容校验 sha256:${this.frame.contentHash.slice(0, 16)}…`, MARGIN.left, y + 16, { width: this.width, align: 'center', lineBreak: false });
  }

  private drawCopyStamp(printedBy: string, printedAt: string): void {
    const doc = this.doc;
    const x = MARGIN.left;
    const y = 4;
    doc.save();
    doc.lineWidth(1.5).strokeColor(STAMP_RED).rect(x, y, 56, 26).stroke();
    doc.font('bold').fontSize(17).fillColor(STAMP_RED).text('副本', x, y + 3, { width: 56, align: 'center', lineBreak: false });
    doc.font('body').fontSize(8).text(`打印人：${printedBy}  打印时间：${dateTimeZh(printedAt)}`, x + 62, y + 9, { lineBreak: false });
    doc.restore();
  }
}

/** A document type: its title, its copies (联) and how to draw the body of one copy. */
export interface DocumentTemplate<D> {
  title: string;
  /** One label per copy; a single-copy document has `[undefined]`. */
  copies: readonly (string | undefined)[];
  draw(w: OfficialDocument, data: D): void;
}
