import { beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';
import { decidedCase, setUpEnforcement, type Enforcement } from '../cases/helpers.ts';
import { pdfText, writePdf } from '../documents/pdf-text.ts';
import { PrinterError, type PrinterBackend, type PrinterInfo } from '../../../src-main/services/printing/printer.ts';

/** Records what reaches the "printer"; fails while `failWith` is set, waits while `hold` is set. */
class FakePrinter implements PrinterBackend {
  sent: { pdf: Buffer; printerName: string; copies: number }[] = [];
  printers: PrinterInfo[] = [{ name: 'Office', isDefault: true }, { name: 'Counter-2', isDefault: false }];
  failWith: string | null = null;
  listError: string | null = null;
  hold: Promise<void> | null = null;

  async listPrinters() {
    if (this.listError) throw new PrinterError(this.listError);
    return this.printers;
  }

  async print(pdf: Buffer, printerName: string, copies: number) {
    if (this.hold) await this.hold;
    if (this.failWith) throw new PrinterError(this.failWith);
    this.sent.push({ pdf, printerName, copies });
    return { jobId: `${printerName}-${this.sent.length}` };
  }
}

let f: Fixture;
let e: Enforcement;
let printer: FakePrinter;

beforeEach(async () => {
  printer = new FakePrinter();
  f = await createFixture({ printer });
  e = await setUpEnforcement(f);
});

const text = (pdf: Buffer) => pdfText(writePdf(pdf));
const auditActions = () => (f.app.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);

describe('documents.print', () => {
  it('prints the original, then a 副本 stamped with who printed it, counting each', async () => {
    const c = await decidedCase(f, e);
    const first = await f.call('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Office', copies: 2 }, e.officer);
    expect(first).toMatchObject({ printCount: 1, job: { status: 'printed', copy: 'original', printerName: 'Office', copies: 2, attempts: 1, error: null } });
    const second = await f.call('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Office', copies: 1 }, e.supervisor);
    expect(second).toMatchObject({ printCount: 2, job: { status: 'printed', copy: 'reprint' } });
    expect(printer.sent.map((s) => [s.printerName, s.copies])).toEqual([['Office', 2], ['Office', 1]]);
    expect(text(printer.sent[0]!.pdf)).not.toContain('副本');
    expect(text(printer.sent[1]!.pdf)).toContain('副本');
    expect(text(printer.sent[1]!.pdf)).toContain('supervisor');
    expect(await f.call('documents.queue', {}, e.officer)).toEqual([]);
    // Printed jobs keep no bytes; the frozen data and hash remain the record.
    expect(f.count('print_job_pdfs')).toBe(0);
    expect(auditActions().filter((a) => a === 'documents.print' || a === 'documents.send')).toEqual(['documents.print', 'documents.send', 'documents.print', 'documents.send']);
  });

  it('keeps a failed print queued with its error; the retry sends the same bytes and counts nothing new', async () => {
    const c = await decidedCase(f, e);
    printer.failWith = 'lp: The printer is not responding.';
    const failed = await f.call('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Office', copies: 1 }, e.officer);
    expect(failed).toMatchObject({ printCount: 1, job: { status: 'failed', copy: 'original', error: 'lp: The printer is not responding.' } });
    expect((await f.call('documents.queue', {}, e.officer)).map((j) => [j.id, j.status, j.error])).toEqual([[failed.job.id, 'failed', 'lp: The printer is not responding.']]);
    const stored = f.app.db.prepare('SELECT pdf FROM print_job_pdfs WHERE job_id = ?').get(failed.job.id) as { pdf: Buffer };

    printer.failWith = null;
    f.clock.now = new Date(f.clock.now.getTime() + 3_600_000);
    const retried = await f.call('documents.retry', { jobId: failed.job.id }, e.supervisor);
    expect(retried).toMatchObject({ printCount: 1, job: { id: failed.job.id, status: 'printed', copy: 'original', error: null, attempts: 2, printerName: 'Office' } });
    // The very bytes rendered for the failed attempt: still the original, no 副本 stamp, no second count.
    expect(printer.sent).toHaveLength(1);
    expect(printer.sent[0]!.pdf.equals(stored.pdf)).toBe(true);
    expect(text(printer.sent[0]!.pdf)).not.toContain('副本');
    expect(await f.call('documents.queue', {}, e.officer)).toEqual([]);
    expect((await f.call('documents.verify', { contentHash: (await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer)).contentHash }, e.officer))?.printCount).toBe(2);
  });

  it('sends the job rendered for the preview without counting it twice', async () => {
    const c = await decidedCase(f, e);
    const preview = await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    const sent = await f.call('documents.send', { jobId: preview.jobId, printerName: 'Counter-2', copies: 1 }, e.officer);
    expect(sent).toMatchObject({ printCount: 1, job: { id: preview.jobId, status: 'printed', copy: 'original' } });
    expect(printer.sent[0]!.pdf.equals(Buffer.from(preview.pdfBase64, 'base64'))).toBe(true);
  });

  it('refuses to resend a printed job, to retry one that did not fail, and to send one job twice at once', async () => {
    const c = await decidedCase(f, e);
    const done = await f.call('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Office', copies: 1 }, e.officer);
    const again = await f.raw('documents.send', { jobId: done.job.id, printerName: 'Office', copies: 1 }, e.officer);
    expect(again).toMatchObject({ ok: false, error: { key: 'printing.errors.alreadyPrinted' } });
    const preview = await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    expect(await f.raw('documents.retry', { jobId: preview.jobId }, e.officer)).toMatchObject({ ok: false, error: { key: 'printing.errors.notFailed' } });

    let release!: () => void;
    printer.hold = new Promise((r) => (release = r));
    const firstSend = f.call('documents.send', { jobId: preview.jobId, printerName: 'Office', copies: 1 }, e.officer);
    await new Promise((r) => setImmediate(r));
    expect(await f.raw('documents.send', { jobId: preview.jobId, printerName: 'Office', copies: 1 }, e.supervisor)).toMatchObject({ ok: false, error: { key: 'printing.errors.busy' } });
    release();
    expect((await firstSend).job.status).toBe('printed');
    expect(printer.sent).toHaveLength(2);
  });

  it('validates the input and leaves printing to the enforcement roles', async () => {
    const c = await decidedCase(f, e);
    expect(await f.raw('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Office', copies: 0 }, e.officer)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await f.raw('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'a\nb', copies: 1 }, e.officer)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await f.raw('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Office', copies: 1 }, e.disposal)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(f.count('print_jobs')).toBe(0);
  });
});

describe('printers.list', () => {
  it('lists the printers and remembers each user\'s printer and copies', async () => {
    const c = await decidedCase(f, e);
    expect(await f.call('printers.list', {}, e.officer)).toEqual({ printers: printer.printers, choice: null, error: null });
    await f.call('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Counter-2', copies: 3 }, e.officer);
    expect((await f.call('printers.list', {}, e.officer)).choice).toEqual({ printerName: 'Counter-2', copies: 3 });
    expect((await f.call('printers.list', {}, e.supervisor)).choice).toBeNull();
    // The same choice again is not a change: one audit entry.
    await f.call('documents.print', { caseId: c.id, kind: 'seizure-decision', printerName: 'Counter-2', copies: 3 }, e.officer);
    expect(auditActions().filter((a) => a === 'printers.choose')).toHaveLength(1);
  });

  it('says why when the print system does not answer', async () => {
    printer.listError = 'lpstat: scheduler is not running';
    expect(await f.call('printers.list', {}, e.officer)).toEqual({ printers: [], choice: null, error: 'lpstat: scheduler is not running' });
  });
});
