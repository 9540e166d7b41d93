/**
 * A ruled table in a pdfkit document that breaks across pages: a row that does not fit starts a new
 * page under the repeated header row, and the last row can be kept with what must follow it (the
 * signature block), so that block never stands alone on a page.
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfColumn {
  header: string;
  /** Share of the table width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

export interface PdfFrame {
  left: number;
  width: number;
  /** The lowest y a row may reach on the current page (the footer lives below it, outside the flow). */
  bottom(): number;
}

export interface TableOptions {
  size: number;
  pad: number;
  /** Height that must fit on the page after the last row, e.g. the signature block. */
  keepWithLast?: number;
  /** How many final rows move on to a new page together (with the block after the table). */
  keepLastRows?: number;
}

/** Draws the table; returns the number of body rows drawn. Rows are read once, so they may be streamed. */
export function drawTable(doc: Doc, frame: PdfFrame, columns: PdfColumn[], rows: Iterable<string[]>, opts: TableOptions): number {
  const total = columns.reduce((n, c) => n + c.weight, 0);
  const widths = columns.map((c) => (frame.width * c.weight) / total);
  const headers = columns.map((c) => c.header);
  // Measuring CJK text is the slow part of a long register; carriers, origins and flags repeat row after row.
  const measured = new Map<string, number>();
  const cellHeight = (text: string, i: number, bold: boolean) => {
    const key = `${bold ? 'b' : 'r'}${i}|${text}`;
    let height = measured.get(key);
    if (height === undefined) {
      height = doc.heightOfString(text || ' ', { width: widths[i]! - 2 * opts.pad });
      measured.set(key, height);
    }
    return height;
  };
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(opts.size);
    return Math.max(...cells.map((c, i) => cellHeight(c, i, bold))) + 2 * opts.pad;
  };
  const rule = (y: number, lineWidth: number) => doc.moveTo(frame.left, y).lineTo(frame.left + frame.width, y).lineWidth(lineWidth).stroke();
  const headerHeight = heightOf(headers, true);

  const paint = (cells: string[], bold: boolean, height: number) => {
    doc.font(bold ? 'bold' : 'body').fontSize(opts.size);
    const top = doc.y;
    let x = frame.left;
    cells.forEach((c, i) => {
      const align = bold ? 'center' : (columns[i]!.align ?? 'left');
      doc.text(c, x + opts.pad, top + opts.pad, { width: widths[i]! - 2 * opts.pad, align });
      x += widths[i]!;
    });
    rule(top + height, bold ? 0.8 : 0.4);
    doc.x = frame.left;
    doc.y = top + height;
  };
  const newPageWithHeader = () => {
    doc.addPage();
    rule(doc.y, 0.8);
    paint(headers, true, headerHeight);
  };
  const place = (cells: string[], height: number, reserve: number) => {
    if (doc.y + height + reserve > frame.bottom()) newPageWithHeader();
    paint(cells, false, height);
  };

  // Look-ahead: the last rows are known before they are drawn, so they can move on together with what follows.
  const keep = Math.max(1, opts.keepLastRows ?? 1);
  const iterator = rows[Symbol.iterator]();
  const queue: { cells: string[]; height: number }[] = [];
  let exhausted = false;
  const fill = () => {
    while (queue.length < keep && !exhausted) {
      const next = iterator.next();
      exhausted = next.done === true;
      if (next.done) return;
      queue.push({ cells: next.value, height: heightOf(next.value, false) });
    }
  };
  fill();
  // The header needs at least one row under it, or it would end a page alone.
  if (doc.y + headerHeight + (queue[0]?.height ?? 0) > frame.bottom()) doc.addPage();
  rule(doc.y, 0.8);
  paint(headers, true, headerHeight);
  let drawn = 0;
  let lastGroupPlaced = false;
  for (fill(); queue.length > 0; fill()) {
    const row = queue.shift()!;
    // The first of the final rows reserves room for all of them and for the block after the table.
    const final = !lastGroupPlaced && exhausted;
    const reserve = final ? queue.reduce((n, r) => n + r.height, 0) + (opts.keepWithLast ?? 0) : 0;
    if (final) lastGroupPlaced = true;
    place(row.cells, row.height, reserve);
    drawn++;
  }
  return drawn;
}
