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

/** A cell's lines with their widths when each fits the cell (drawn without the wrapper), else null. */
interface Layout {
  lines: { line: string; width: number }[] | null;
  height: number;
}

/** Draws the table; returns the number of body rows drawn. Rows are read once, so they may be streamed. */
export function drawTable(doc: Doc, frame: PdfFrame, columns: PdfColumn[], rows: Iterable<string[]>, opts: TableOptions): number {
  const total = columns.reduce((n, c) => n + c.weight, 0);
  const widths = columns.map((c) => (frame.width * c.weight) / total);
  const headers = columns.map((c) => c.header);
  // pdfkit's line wrapper runs a Unicode line breaker and measures every CJK character as a word: for a
  // register of thousands of rows that was nearly all the time. A cell whose lines each fit its width is
  // measured once and drawn line by line without the wrapper; only a line too long for the cell is wrapped.
  const laidOut = new Map<string, Layout>();
  const layoutOf = (text: string, i: number, bold: boolean): Layout => {
    const key = `${bold ? 'b' : 'r'}${i}|${text}`;
    let layout = laidOut.get(key);
    if (layout === undefined) {
      const inner = widths[i]! - 2 * opts.pad;
      const lines = text.split('\n').map((line) => ({ line, width: doc.widthOfString(line) }));
      layout = lines.every((l) => l.width <= inner)
        ? { lines, height: lines.length * doc.currentLineHeight(true) }
        : { lines: null, height: doc.heightOfString(text || ' ', { width: inner }) };
      laidOut.set(key, layout);
    }
    return layout;
  };
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(opts.size);
    return Math.max(...cells.map((c, i) => layoutOf(c, i, bold).height)) + 2 * opts.pad;
  };
  const rule = (y: number, lineWidth: number) => doc.moveTo(frame.left, y).lineTo(frame.left + frame.width, y).lineWidth(lineWidth).stroke();
  const headerHeight = heightOf(headers, true);

  const paint = (cells: string[], bold: boolean, height: number) => {
    doc.font(bold ? 'bold' : 'body').fontSize(opts.size);
    const top = doc.y;
    const lineHeight = doc.currentLineHeight(true);
    let x = frame.left;
    cells.forEach((c, i) => {
      const align = bold ? 'center' : (columns[i]!.align ?? 'left');
      const inner = widths[i]! - 2 * opts.pad;
      const layout = layoutOf(c, i, bold);
      if (layout.lines === null) doc.text(c, x + opts.pad, top + opts.pad, { width: inner, align });
      else {
        layout.lines.forEach((l, n) => {
          if (l.line === '') return;
          const slack = inner - l.width;
          const dx = align === 'right' ? slack : align === 'center' ? slack / 2 : 0;
          doc.text(l.line, x + opts.pad + dx, top + opts.pad + n * lineHeight, { lineBreak: false });
        });
      }
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
