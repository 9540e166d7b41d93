/**
 * The kiosk at shift speed: operator actions for a compliant returning truck and for a new one, counted by
 * the same scripted run as the end-to-end test (Debian Chromium against a loopback host on a fresh database),
 * how soon the form is ready for the next truck after a save, and the weighing ticket's render time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { ticketContent, type TicketFacts } from '../src-main/tickets/ticket-content.ts';
import { renderTicketEscpos, renderTicketPdf } from '../src-main/tickets/weighing-ticket.ts';
import { hostApi, logIn } from '../test/support/e2e.ts';
import { startHostProcess } from '../test/support/host-process.ts';
import { KioskOperator } from '../test/support/kiosk-actions.ts';
import { seedKioskHistory } from '../test/support/kiosk-history.ts';
import { newTruck, returningTruck } from '../test/support/kiosk-scenario.ts';

const TICKET: TicketFacts = {
  stationName: '承德市入市煤炭检查站', recordNumber: 'CD-20261128-0001', revision: 1, plate: '冀A12345', trailerPlate: '冀A1234挂',
  grossKg: 49_000, tareKg: 16_520, netKg: 32_480, weightSource: 'scale', manualReason: null, registeredAt: '2026-11-28T01:30:05.000Z',
  verdict: 'pass', outcome: 'release', operatorName: '登记员 王芳', training: false, copyNumber: 1, printedAt: '2026-11-28T01:31:00.000Z',
};

export async function benchTickets(): Promise<Record<string, string | number>> {
  // The first render parses the CJK font; the kiosk pays that once per start, so it is shown apart.
  let t = performance.now();
  await renderTicketPdf(ticketContent(TICKET), 'pdf-a5', TICKET.printedAt);
  const coldMs = Math.round(performance.now() - t);
  const samples: number[] = [];
  let size = 0;
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    size = (await renderTicketPdf(ticketContent({ ...TICKET, copyNumber: i + 1 }), 'pdf-a5', TICKET.printedAt)).length;
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  t = performance.now();
  for (let i = 0; i < 100; i++) renderTicketEscpos(ticketContent({ ...TICKET, copyNumber: i + 1 }));
  return {
    'weighing ticket PDF (A5), first in process, ms': coldMs,
    'weighing ticket PDF (A5), median of 10, ms (target 100)': Math.round(samples[5]!),
    'weighing ticket PDF size, KB': Math.round(size / 1024),
    'weighing ticket ESC/POS, ms': Math.round(((performance.now() - t) / 100) * 100) / 100,
  };
}

export async function benchKioskActions(): Promise<Record<string, string | number>> {
  if (!fs.existsSync(path.resolve(import.meta.dirname, '../dist-renderer/index.html'))) {
    return { 'operator actions': 'skipped: build the renderer first (npx vite build)' };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-kiosk-'));
  const host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    await seedKioskHistory(hostApi(() => host.url));
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const op = new KioskOperator(page);
    await op.installDevices();
    await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
    const returning = await returningTruck(op, 'JC-2026-1129-03');
    const fresh = await newTruck(op, 'JC-2026-1129-04');
    return {
      'operator actions, compliant returning truck (target ≤ 3)': `${returning.actions} (${returning.log.join(', ')})`,
      'operator actions, new truck (target ≤ 12)': fresh.actions,
      'form ready for the next truck after save, ms (target 100)': `${returning.formReadyMs} / ${fresh.formReadyMs}`,
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}
