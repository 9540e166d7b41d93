/**
 * Prints through a real CUPS with the cups-pdf "printer", which writes each job as a PDF file. Needs
 * `apt-get install -y cups printer-driver-cups-pdf` (CI installs them); runs as root to start cupsd.
 */
// @ts-nocheck

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';
import { decidedCase, setUpEnforcement, type Enforcement } from '../cases/helpers.ts';
import { pageCount, writePdf } from '../documents/pdf-text.ts';

const CUPSD = '/usr/sbin/cupsd';
const PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const PRINTER = 'CheckpointTestPDF';
const missing = [CUPSD, PPD].filter((p) => !fs.existsSync(p));
const skipNote = missing.length ? ` [skipped: ${missing.join(', ')} missing; apt-get install -y cups printer-driver-cups-pdf]` : '';
// cups-pdf writes to the submitting user's ~/PDF, or to its ANONYMOUS folder for unknown users.
const OUTPUT_DIRS = [path.join(os.homedir(), 'PDF'), '/var/spool/cups-pdf/ANONYMOUS'];

let cupsd: ChildProcess | null = null;
let f: Fixture;
let e: Enforcement;

// `lpstat -r` exits 0 either way: only its words tell.
const schedulerRunning = () =>
  /^scheduler is running/.test(execFileSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }));

async function until<T>(what: string, probe: () => T | null | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The complete PDF cups-pdf wrote for a job title after `sinceMs`, with its page count. */
function outputOf(title: string, sinceMs: number): { file: string; pages: number } | null {
  for (const dir of OUTPUT_DIRS) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const name of names.filter((n) => n.startsWith(title) && n.endsWith('.pdf'))) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      if (stat.mtimeMs < sinceMs - 1000) continue;
      if (stat.size === 0) return null; // still being written
      try {
        return { file, pages: pageCount(file) };
      } catch {
        return null; // still being written
      }
    }
  }
  return null;
}

describe.skipIf(missing.length > 0)(`printing through CUPS${skipNote}`, () => {
  beforeAll(async () => {
    if (!schedulerRunning()) {
      cupsd = spawn(CUPSD, ['-f'], { stdio: 'ignore' });
      await until('cupsd to start', () => (schedulerRunning() ? true : null));
    }
    execFileSync('lpadmin', ['-p', PRINTER, '-v', 'cups-pdf:/', '-E', '-P', PPD], { stdio: 'ignore' });
    f = await createFixture();
    e = await setUpEnforcement(f);
  });

  afterAll(() => {
    try {
      execFileSync('lpadmin', ['-x', PRINTER], { stdio: 'ignore' });
    } finally {
      cupsd?.kill();
    }
  });

  it('prints a seizure decision to the cups-pdf printer; a failed print stays queued and goes out on resend', async () => {
    const listed = await f.call('printers.list', {}, e.officer);
    expect(listed.error).toBeNull();
    expect(listed.printers.map((p) => p.name)).toContain(PRINTER);

    const c = await decidedCase(f, e);
    const preview = await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    const expectedPages = pageCount(writePdf(Buffer.from(preview.pdfBase64, 'base64')));
    expect(expectedPages).toBeGreaterThan(0);

    // CUPS refuses an unknown destination: the job stays queued as failed, with lp's own words.
    const failed = await f.call('documents.send', { jobId: preview.jobId, printerName: 'NoSuchPrinter', copies: 1 }, e.officer);
    expect(failed.job).toMatchObject({ status: 'failed', copy: 'original' });
    expect(failed.job.error).toMatch(/does not exist/);
    expect((await f.call('documents.queue', {}, e.officer)).map((j) => j.id)).toContain(preview.jobId);

    const since = Date.now();
    const sent = await f.call('documents.send', { jobId: preview.jobId, printerName: PRINTER, copies: 1 }, e.officer);
    expect(sent).toMatchObject({ printCount: 1, job: { status: 'printed', attempts: 2, printerName: PRINTER } });
    const out = await until('cups-pdf output', () => outputOf(`checkpoint-job-${preview.jobId}`, since));
    expect(out.pages).toBe(expectedPages);
    fs.rmSync(out.file);

    // documents.print renders and sends in one step: the second print is a 副本 and is counted.
    const reprint = await f.call('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: PRINTER, copies: 1 }, e.officer);
    expect(reprint).toMatchObject({ printCount: 2, job: { status: 'printed', copy: 'reprint' } });
    const reprinted = await until('cups-pdf output', () => outputOf(`checkpoint-job-${reprint.job.id}`, since));
    expect(reprinted.pages).toBe(expectedPages);
    fs.rmSync(reprinted.file);
  });
});

