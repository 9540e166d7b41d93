/**
 * Sends a ticket to a CUPS queue: ESC/POS bytes to a raw queue (the thermal printer gets them untouched),
 * a PDF to an ordinary queue on A5 or A4 paper. No shell: arguments go as an array, and the queue name is
 * checked against CUPS's naming rule first.
 */
import { spawn } from 'node:child_process';
import { isCupsPrinterName } from '../services/printing/cups-printer.ts';
import type { TicketFormat } from '../../src-shared/contract/vehicles.ts';

const TIMEOUT_MS = 30_000;
const MEDIA: Record<TicketFormat, string[]> = { 'escpos-80': ['-o', 'raw'], 'pdf-a5': ['-o', 'media=A5'], 'pdf-a4': ['-o', 'media=A4'] };

export type SendOutcome = { ok: true; spoolJobId: string } | { ok: false; error: string };

export function sendTicketToCups(bytes: Buffer, queue: string, format: TicketFormat, title: string, lp = 'lp'): Promise<SendOutcome> {
  if (!isCupsPrinterName(queue)) return Promise.resolve({ ok: false, error: `not a valid CUPS printer name: ${JSON.stringify(queue)}` });
  return new Promise((resolve) => {
    const child = spawn(lp, ['-d', queue, '-t', title, ...MEDIA[format], '-'], {
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'], timeout: TIMEOUT_MS,
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, error: e.code === 'ENOENT' ? `${lp} not found: is CUPS installed?` : e.message }));
    child.on('close', (code) => {
      const id = /request id is (\S+)/.exec(out)?.[1];
      if (code === 0 && id) resolve({ ok: true, spoolJobId: id });
      else resolve({ ok: false, error: (err.trim() || out.trim() || `exit code ${code}`).slice(0, 500) });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(bytes);
  });
}
