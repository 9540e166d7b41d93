/**
 * The kiosk as an operator works it, with every operator action counted: a click, a typing burst into one
 * field (its keys, with the Tab presses that reach the field), a card swipe, a scan, a function key.
 * Waiting (for the weighbridge, for the form) is not an action. Shared by the end-to-end test, which asserts
 * the counts, and `npm run bench`, which prints them.
 *
 * Devices are fed through the page's own event stream: a swipe or scan is a devices.idCard or devices.scan
 * event, exactly what a reader or serial scanner makes the host push, so a swipe happens when the script says
 * rather than every 45 s. The weighbridge is the host's real simulator.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { CertificateReport } from '../../src-shared/contract/index.ts';

export interface Card {
  name: string;
  idNumber: string;
}

export class KioskOperator {
  readonly log: string[] = [];

  constructor(readonly page: Page) {}

  get actions(): number {
    return this.log.length;
  }

  /** Starts counting afresh for the next truck. */
  nextTruck(): void {
    this.log.length = 0;
  }

  /**
   * Lets the test push device events into the page's own event stream: the page's fetch of /api/events is
   * wrapped so that, between the host's complete events, it also yields the ones the script injects.
   */
  async installDevices(): Promise<void> {
    await this.page.addInitScript(() => {
      const realFetch = window.fetch.bind(window);
      const streams = new Set<(text: string) => void>();
      (window as unknown as { injectEvent(text: string): void }).injectEvent = (text) => streams.forEach((push) => push(text));
      window.fetch = async (input, init) => {
        const res = await realFetch(input, init);
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (!url.includes('/api/events') || !res.body) return res;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        const encoder = new TextEncoder();
        let push: (text: string) => void = () => undefined;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            push = (text) => controller.enqueue(encoder.encode(text));
            streams.add(push);
            void (async () => {
              // Only whole host events are passed on, so an injected one never lands inside another.
              let partial = '';
              try {
                for (;;) {
                  const { done, value } = await reader.read();
                  if (done) break;
                  partial += value;
                  const cut = partial.lastIndexOf('\n\n') + 2;
                  if (cut > 1) push(partial.slice(0, cut));
                  partial = cut > 1 ? partial.slice(cut) : partial;
                }
                controller.close();
              } catch (e) {
                controller.error(e);
              } finally {
                streams.delete(push);
              }
            })();
          },
          cancel(reason) {
            streams.delete(push);
            return reader.cancel(reason);
          },
        });
        return new Response(body, { status: res.status, headers: res.headers });
      };
    });
  }

  private async inject(name: string, payload: unknown): Promise<void> {
    const text = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    await this.page.evaluate((t) => (window as unknown as { injectEvent(text: string): void }).injectEvent(t), text);
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

  async swipe(c: Card): Promise<void> {
    await this.inject('devices.idCard', {
      seq: 0, readAt: new Date().toISOString(), simulated: false, expired: false,
      card: {
        name: c.name, sex: '男', nation: '汉', birthDate: `${c.idNumber.slice(6, 10)}-${c.idNumber.slice(10, 12)}-${c.idNumber.slice(12, 14)}`,
        address: '山西省大同市平城区', idNumber: c.idNumber, idNumberValid: true, issuer: '大同市公安局平城分局',
        validFrom: '2020-01-01', validTo: '2040-01-01',
      },
    });
    this.log.push(`swipe ${c.name}`);
  }

  async scan(text: string): Promise<void> {
    await this.inject('devices.scan', { text });
    this.log.push('scan');
  }
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
