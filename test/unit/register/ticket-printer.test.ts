import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendTicketToCups } from '../../../src-main/tickets/ticket-printer.ts';

/** A stand-in for CUPS's lp: records its arguments and the bytes it was given, answers like lp. */
function fakeLp(answer: string, exitCode = 0): { lp: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-lp-'));
  const lp = path.join(dir, 'lp');
  fs.writeFileSync(lp, `#!/bin/sh\necho "$@" > "${dir}/args"\ncat > "${dir}/bytes"\necho "${answer}"\nexit ${exitCode}\n`, { mode: 0o755 });
  return { lp, dir };
}

describe('a ticket sent to a CUPS queue', () => {
  it('ESC/POS goes to a raw queue byte for byte', async () => {
    const { lp, dir } = fakeLp('request id is thermal-7 (1 file(s))');
    const bytes = Buffer.from([0x1b, 0x40, 0x1c, 0x26, 0xb2, 0xb9, 0x0a]);
    expect(await sendTicketToCups(bytes, 'thermal', 'escpos-80', 'ticket-CD-1', lp)).toEqual({ ok: true, spoolJobId: 'thermal-7' });
    expect(fs.readFileSync(path.join(dir, 'args'), 'utf8').trim()).toBe('-d thermal -t ticket-CD-1 -o raw -');
    expect(fs.readFileSync(path.join(dir, 'bytes'))).toEqual(bytes);
  });

  it('a PDF goes on its paper size', async () => {
    const { lp, dir } = fakeLp('request id is office-3 (1 file(s))');
    await sendTicketToCups(Buffer.from('%PDF-1.3'), 'office', 'pdf-a5', 't', lp);
    expect(fs.readFileSync(path.join(dir, 'args'), 'utf8')).toContain('-o media=A5');
  });

  it('gives the print system’s error instead of throwing', async () => {
    const { lp } = fakeLp('lp: The printer or class does not exist.', 1);
    expect(await sendTicketToCups(Buffer.from('x'), 'nowhere', 'escpos-80', 't', lp)).toEqual({ ok: false, error: 'lp: The printer or class does not exist.' });
    expect(await sendTicketToCups(Buffer.from('x'), 'q', 'escpos-80', 't', '/no/such/lp')).toEqual({ ok: false, error: '/no/such/lp not found: is CUPS installed?' });
  });

  it('refuses a queue name CUPS would not accept, before any command runs', async () => {
    const { lp, dir } = fakeLp('request id is x-1');
    for (const name of ['-d evil', 'a b', 'a/b', '']) {
      expect((await sendTicketToCups(Buffer.from('x'), name, 'escpos-80', 't', lp)).ok).toBe(false);
    }
    expect(fs.existsSync(path.join(dir, 'args'))).toBe(false);
  });
});
