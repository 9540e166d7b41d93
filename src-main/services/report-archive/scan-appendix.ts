/**
 * The archive's appendix on paper: each report's scans, one image per page under a caption (report number,
 * file, SHA-256, the records it was attached to). A scan is read through the attachments service, which
 * checks it against its recorded hash; a PDF scan (pdfkit cannot embed one), a missing or altered file, or an
 * image that cannot be decoded is listed by name and hash with the reason, never silently left out.
 */
import type PDFDocument from 'pdfkit';
import type { Db } from '../../../db/open.ts';
import type { ArchiveReport, ArchiveScan } from '../../../src-shared/contract/report-archive.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { attachmentContent } from '../certificates/attachments.ts';
import { ServiceError } from '../errors.ts';
import type { PdfFrame } from '../reports/pdf-table.ts';

type Doc = InstanceType<typeof PDFDocument>;

const CAPTION_SIZE = 9;

/** The scan's bytes when they can be drawn, else why not (in Chinese, as printed). */
function imageOf(db: Db, scan: ArchiveScan): { bytes: Buffer } | { reason: string } {
  if (!scan.mime.startsWith('image/')) return { reason: 'PDF文件不能嵌入本档案，按文件名及SHA-256列出，原件见系统附件' };
  try {
    return { bytes: Buffer.from(attachmentContent(db, scan.attachmentId).contentBase64, 'base64') };
  } catch (err) {
    if (err instanceof ServiceError) return { reason: translate('zh-CN', err.key, err.params) };
    throw err;
  }
}

function caption(scan: ArchiveScan, report: ArchiveReport): string[] {
  return [
    `报告编号：${report.reportNumber}    文件：${scan.fileName}（${scan.mime}，${Math.ceil(scan.sizeBytes / 1024)} KB）`,
    `SHA-256：${scan.sha256}`,
    `所附登记：${scan.recordNumbers.join('、')}`,
  ];
}

/** Draws the appendix: the files that cannot be shown, listed under its title, then each image on a page of its own. */
export function drawScanAppendix(doc: Doc, frame: PdfFrame, db: Db, entries: readonly ArchiveReport[]): void {
  const scans = entries.flatMap((report) => report.scans.map((scan) => ({ report, scan, image: imageOf(db, scan) })));
  doc.addPage();
  doc.font('bold').fontSize(14).text('附件：质检报告扫描件', frame.left, doc.y, { width: frame.width, align: 'center' });
  doc.moveDown(0.5);
  if (scans.length === 0) {
    doc.font('body').fontSize(10).text('本期间内的质检报告均无扫描件。', frame.left, doc.y, { width: frame.width });
    return;
  }
  const block = (lines: string[], note?: string) => {
    if (doc.y + 60 > frame.bottom()) doc.addPage();
    doc.font('body').fontSize(CAPTION_SIZE);
    for (const line of lines) doc.text(line, frame.left, doc.y, { width: frame.width });
    if (note) doc.font('bold').text(`未嵌入：${note}`, frame.left, doc.y, { width: frame.width });
  };
  for (const { report, scan, image } of scans) {
    if (!('reason' in image)) continue;
    block(caption(scan, report), image.reason);
    doc.moveDown(0.8);
  }
  let pageHasContent = scans.some(({ image }) => 'reason' in image);
  for (const { report, scan, image } of scans) {
    if (!('bytes' in image)) continue;
    if (pageHasContent) doc.addPage();
    pageHasContent = true;
    block(caption(scan, report));
    const top = doc.y + 4;
    try {
      doc.image(image.bytes, frame.left, top, { fit: [frame.width, frame.bottom() - top], align: 'center' });
    } catch {
      doc.font('bold').text('未嵌入：图像文件无法解码（文件可能已损坏），原件见系统附件', frame.left, doc.y, { width: frame.width });
    }
  }
}
