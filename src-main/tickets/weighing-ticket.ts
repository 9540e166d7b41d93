/**
 * The weighing ticket on paper: an A5 or A4 PDF for a sheet printer, or ESC/POS bytes for an 80 mm thermal
 * printer. Both print the same content (ticket-content.ts); a reprint carries 补打 in large type on either.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { resolveFonts, type FontConfig } from '../services/documents/pdf/fonts.ts';
import { EscPosBuilder } from './escpos.ts';
import type { TicketContent } from './ticket-content.ts';

const PAPER = { 'pdf-a5': { size: 'A5', width: 419.53, height: 595.28 }, 'pdf-a4': { size: 'A4', width: 595.28, height: 841.89 } } as const;
const MARGIN = 36;
const QR_SIZE = 96;
const INK = '#000000';
const STAMP = '#c00000';

export async function renderTicketPdf(c: TicketContent, paper: keyof typeof PAPER, printedAtIso: string, fonts: FontConfig = {}): Promise<Buffer> {
  const p = PAPER[paper];
  const faces = resolveFonts(fonts);
  const qrPng = await QRCode.toBuffer(c.qrText, { errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  // A fixed creation date keeps the same print byte-identical when rendered again (e.g. to check it).
  const doc = new PDFDocument({
    size: p.size, margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: c.title, Subject: c.rows[0]![1], Keywords: `sha256:${c.contentHash}`, Creator: 'Coal Checkpoint', CreationDate: new Date(printedAtIso) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', faces.regular.source, faces.regular.family);
  doc.registerFont('bold', faces.bold.source, faces.bold.family);
  const width = p.width - 2 * MARGIN;
  const scale = paper === 'pdf-a4' ? 1.25 : 1;

  doc.image(qrPng, p.width - MARGIN - QR_SIZE, MARGIN, { width: QR_SIZE, height: QR_SIZE });
  doc.font('bold').fontSize(12 * scale).fillColor(INK).text(c.stationName, MARGIN, MARGIN + 8, { width: width - QR_SIZE - 8 });
  doc.fontSize(15 * scale).text(c.title, MARGIN, doc.y + 6, { width: width - QR_SIZE - 8 });
  if (c.reprintMark) doc.fillColor(STAMP).fontSize(18 * scale).text(c.reprintMark, MARGIN, doc.y + 6).fillColor(INK);
  if (c.trainingMark) doc.fillColor(STAMP).fontSize(12 * scale).text(c.trainingMark, MARGIN, doc.y + 4).fillColor(INK);

  let y = Math.max(doc.y + 12, MARGIN + QR_SIZE + 12);
  const labelWidth = 78 * scale;
  for (const [label, value] of c.rows) {
    const big = label === '净重' || label === '处理结果';
    doc.font('body').fontSize(11 * scale).text(label, MARGIN, y, { width: labelWidth });
    doc.font(big ? 'bold' : 'body').fontSize((big ? 14 : 11) * scale).text(value, MARGIN + labelWidth, y, { width: width - labelWidth });
    y = doc.y + 6 * scale;
    doc.moveTo(MARGIN, y - 3 * scale).lineTo(MARGIN + width, y - 3 * scale).lineWidth(0.4).strokeColor('#888888').stroke();
  }
  y += 18 * scale;
  doc.font('body').fontSize(11 * scale).text('驾驶员签字：', MARGIN, y).text('登记员签字：', MARGIN + width / 2, y);
  doc.fontSize(8 * scale).fillColor('#444444')
    .text(`打印时间 ${c.printedAtText}（北京时间）  内容校验 SHA-256 ${c.contentHash}`, MARGIN, p.height - MARGIN - 24 * scale, { width, lineBreak: true });
  doc.end();
  return done;
}

export function renderTicketEscpos(c: TicketContent): Buffer {
  const b = new EscPosBuilder().align('center').bold(true).line(c.stationName).size(1, 2).line(c.title).size(1, 1).bold(false);
  if (c.reprintMark) b.size(2, 2).bold(true).line(c.reprintMark).size(1, 1).bold(false);
  if (c.trainingMark) b.bold(true).line(c.trainingMark).bold(false);
  b.align('left').rule();
  for (const [label, value] of c.rows) b.pair(label, value);
  b.rule().line().line('驾驶员签字：').line().line('登记员签字：').line();
  b.align('center').qr(c.qrText).line(`打印 ${c.printedAtText}`).line(`SHA-256 ${c.contentHash.slice(0, 32)}`).line(c.contentHash.slice(32));
  return b.feed(4).cut().build();
}
