/**
 * The kiosk as an operator works it, with every operator action counted: a click, a typing burst into one
 * field (its keys, with the Tab presses that reach the field), a card swipe, a scan, a function key.
 * Waiting (for the weighbridge, for the form) is not an action. Shared by the end-to-end test, which asserts
 * the counts, and `npm run bench`, which prints them.
 *
 * Devices are fed through the page's own calls: devices.live reports a new card or scan and
 * devices.lastIdCard returns the card, exactly what a reader or serial scanner makes the host report, so a
 * swipe happens when the script says rather than every 45 s. The weighbridge is the host's real simulator.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { CertificateReport } from '../../src-shared/contract/index.ts';

export interface Card {
  name: string;
  idNumber: string;
}

export class KioskOperator {
  readonly log: string[] = [];
  private cardSeq = 1_000;
  private card: Card | null = null;
  private scanSeq = 0;
  private scanText = '';

  constructor(readonly page: Page) {}

  get actions(): number {
    return this.log.length;
  }

  /** Starts counting afresh for the next truck. */
  nextTruck(): void {
    this.log.length = 0;
  }

  async installDevices(): Promise<void> {
    await this.page.route('**/api/devices.live', async (route) => {
      let response: Awaited<ReturnType<typeof route.fetch>>;
      let body: { ok: boolean; value?: Record<string, unknown> };
      try {
        response = await route.fetch();
        body = (await response.json()) as typeof body;
      } catch (e) {
        // The page closed or navigated while this poll was in flight: nobody is waiting for its answer.
        if (this.page.isClosed() || isDisposed(e)) return;
        throw e;
      }
      if (body.ok && body.value) {
        body.value.idCardSeq = this.cardSeq;
        // As the host does: no last scan (null) until the first one, which the kiosk must not drop.
        body.value.lastScan = this.scanSeq === 0 ? null : { seq: this.scanSeq, text: this.scanText };
      }
      await route.fulfill({ response, json: body }).catch((e: unknown) => {
        if (!this.page.isClosed() && !isDisposed(e)) throw e;
      });
    });
    await this.page.route('**/api/devices.lastIdCard', (route) => {
      const c = this.card;
      return route.fulfill({
        json: {
          ok: true,
          value: c && {
            seq: this.cardSeq, readAt: new Date().toISOString(), simulated: false, expired: false,
            card: {
              name: c.name, sex: '男', nation: '汉', birthDate: `${c.idNumber.slice(6, 10)}-${c.idNumber.slice(10, 12)}-${c.idNumber.slice(12, 14)}`,
              address: '山西省大同市平城区', idNumber: c.idNumber, idNumberValid: true, issuer: '大同市公安局平城分局',
              validFrom: '2020-01-01', validTo: '2040-01-01',
            },
          },
        },
      });
    });
  }

  /** Stops feeding the devices; a poll still in flight when the test ends is dropped, not reported. */
  async removeDevices(): Promise<void> {
    await this.page.unrouteAll({ behavior: 'ignoreErrors' });
  }

  async click(target: Locator, what: string): Promise<void> {
    await target.click();
    this.log.push(`click ${what}`);
  }

  /** Types into the focused field, after pressing Tab `tabs` times to reach it. */
  async type(text: string, what: string, tabs = 0): Promise<void> {
    for (let i = 0; i < tabs; i++) await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(text, { delay: 15 });
    this.log.push(`type ${what}`);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.log.push(`key ${key}`);
  }

  swipe(card: Card): void {
    this.card = card;
    this.cardSeq++;
    this.log.push(`swipe ${card.name}`);
  }

  scan(text: string): void {
    this.scanText = text;
    this.scanSeq++;
    this.log.push('scan');
  }
}

/** Errors Playwright raises for a routed request whose page, context or response went away meanwhile. */
function isDisposed(e: unknown): boolean {
  return e instanceof Error && /disposed|has been closed|already handled/i.test(e.message);
}

/** A report's QR code in the compact certificate JSON form (docs/certificate-json.md). */
export function reportQr(report: CertificateReport): string {
  return JSON.stringify(report).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Turns auto-capture on if it is off: a setting of the booth, made once a shift (the issue asks for it to be
 * on by default), so not counted per truck.
 */
export async function autoCaptureOn(page: Page): Promise<void> {
  // The switch shows the checkpoint's setting only once the host's first reading is in (the lamp leaves 'offline').
  await page.waitForFunction(() => {
    const light = document.querySelector('[data-testid="stability-light"]')?.getAttribute('data-light');
    return !!light && light !== 'offline';
  });
  const sw = page.getByTestId('auto-capture');
  if ((await sw.getAttribute('aria-checked')) !== 'true') await sw.click();
  await expect(sw).toHaveAttribute('aria-checked', 'true');
}

/** Waits for the weighbridge: the gross weight captured into the form once the truck stands still. */
export async function grossCaptured(page: Page, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="grossKg"] input, input[data-testid="grossKg"]') as HTMLInputElement | null;
    return !!el && el.value.replace(/\D/g, '') !== '';
  }, undefined, { timeout: timeoutMs });
  return Number((await page.getByTestId('grossKg').inputValue()).replace(/\D/g, ''));
}

/**
 * Saves with F9 (counted) and measures, by the page's own clock, how long after the save's answer reached the
 * page the form is empty and the plate field focused again for the next truck.
 */
export async function saveWithF9(op: KioskOperator): Promise<{ recordNumber: string; registrationId: number; formReadyMs: number }> {
  await op.page.evaluate(() => {
    const w = window as unknown as { kioskSave?: { answeredAt: number | null; readyAt: number | null } };
    const probe = { answeredAt: null as number | null, readyAt: null as number | null };
    w.kioskSave = probe;
    const fetchBefore = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const res = await fetchBefore(...args);
      if (String(args[0]).endsWith('/api/registrations.register')) {
        window.fetch = fetchBefore;
        probe.answeredAt = performance.now();
        const watch = () => {
          const plate = document.querySelector('input[data-testid="plate"], [data-testid="plate"] input') as HTMLInputElement | null;
          if (plate && plate.value === '' && document.activeElement === plate) probe.readyAt = performance.now();
          else requestAnimationFrame(watch);
        };
        queueMicrotask(watch);
      }
      return res;
    };
  });
  const answer = op.page.waitForResponse((r) => r.url().endsWith('/api/registrations.register'));
  await op.press('F9');
  const body = (await (await answer).json()) as { ok: boolean; value: { registration: { id: number; recordNumber: string } }; error?: unknown };
  if (!body.ok) throw new Error(`save refused: ${JSON.stringify(body.error)}`);
  const formReadyMs = await op.page.waitForFunction(() => {
    const probe = (window as unknown as { kioskSave: { answeredAt: number | null; readyAt: number | null } }).kioskSave;
    return probe.readyAt !== null && probe.answeredAt !== null && { ms: Math.round(probe.readyAt - probe.answeredAt) };
  }, undefined, { timeout: 10_000 }).then(async (h) => ((await h.jsonValue()) as { ms: number }).ms);
  const { id, recordNumber } = body.value.registration;
  return { recordNumber, registrationId: id, formReadyMs };
}
