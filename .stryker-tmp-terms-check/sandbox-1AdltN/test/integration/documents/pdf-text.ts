// @ts-nocheck
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cc-docs-'));
let n = 0;

export function writePdf(pdf: Buffer, name = `doc-${n++}`): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** Text of the PDF (or one page) with all whitespace removed: pdftotext breaks lines mid-sentence. */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}
