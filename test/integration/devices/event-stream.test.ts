/**
 * Pushed events end to end: a scale, an ID-card reader and a serial scanner on real pseudo-terminals, the
 * real loopback host over HTTP, and subscribers reading its server-sent events as the renderer does.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScaleSimulator } from '../../../drivers/simulators/scale-simulator.ts';
import { IdCardSimulator, sampleCard } from '../../../drivers/simulators/idcard-simulator.ts';
import { SerialTransport } from '../../../drivers/transports/serial.ts';
import { startLoopbackHost } from '../../../src-main/host/loopback-host.ts';
import type { AppEvent } from '../../../src-shared/contract/events.ts';
import { parseSse, type StreamMessage } from '../../../src-shared/contract/event-wire.ts';
import { createFixture } from '../../support/app-fixture.ts';
import { openPtyPair } from './pty.ts';

const dir = mkdtempSync(join(tmpdir(), 'checkpoint-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a host's event stream the way the renderer does: fetch with the bearer header, parse as it arrives. */
function listen(url: string, token: string | undefined, path = 'api/events') {
  const received: StreamMessage[] = [];
  const abort = new AbortController();
  const opened = fetch(url + path, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: abort.signal }).then(async (res) => {
    if (res.ok && res.body) {
      void (async () => {
        let rest = '';
        try {
          const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            const parsed = parseSse(rest + value);
            rest = parsed.rest;
            received.push(...parsed.messages);
          }
        } catch {
          // Aborted at the end of the test.
        }
      })();
    }
    return res.status;
  });
  const events = () => received.filter((m): m is AppEvent => m.name !== 'heartbeat');
  return { received, events, opened, close: () => abort.abort() };
}

const waitFor = async (check: () => boolean, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('events over the loopback host, devices on pseudo-terminals', () => {
  it('a kiosk receives weights in order, a card read and a scan; an officer and a caller without a token receive none', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    const officer = await f.tokenFor('officer');
    const [scalePty, cardPty, scanPty] = await Promise.all(['scale', 'card', 'scan'].map((name) => {
      mkdirSync(join(dir, name));
      return openPtyPair(join(dir, name));
    }));
    const script = [{ weightKg: 12_000, holdMs: 900 }, { weightKg: 27_500, holdMs: 900 }, { weightKg: 49_020, holdMs: 120_000 }];
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    const host = await startLoopbackHost({ port: 0, rendererDir, dispatch: f.app.dispatch, events: f.app.events });

    const noToken = listen(host.url, undefined);
    const tokenInUrl = listen(host.url, undefined, `api/events?token=${kiosk}`);
    expect(await noToken.opened).toBe(401);
    expect(await tokenInUrl.opened).toBe(401);

    await f.call('devices.configure', { kind: 'scale', name: '1号地磅', portPath: scalePty!.a, protocol: 'keli' }, f.adminToken);
    await f.call('devices.configure', { kind: 'idcard', name: '身份证阅读器', portPath: cardPty!.a, baudRate: 115200 }, f.adminToken);
    await f.call('devices.configure', { kind: 'scanner', name: '扫码枪', portPath: scanPty!.a }, f.adminToken);
    const kioskStream = listen(host.url, kiosk);
    const officerStream = listen(host.url, officer);
    expect(await kioskStream.opened).toBe(200);
    expect(await officerStream.opened).toBe(200);
    await f.call('devices.live', {}, kiosk); // opens the devices

    const scaleSim = new ScaleSimulator(new SerialTransport({ path: scalePty!.b, baudRate: 9600 }), { protocol: 'keli', script });
    await scaleSim.start();
    await waitFor(() => kioskStream.events().some((e) => e.name === 'devices.weight' && e.payload?.weightKg === 49_020 && e.payload.stable), 8000, 'the last weight, stable');
    const weights = kioskStream.events().flatMap((e) => (e.name === 'devices.weight' && e.payload?.weightKg != null ? [e.payload.weightKg] : []));
    expect(weights.filter((w, i) => w !== weights[i - 1])).toEqual([12_000, 27_500, 49_020]);
    const states = kioskStream.events().filter((e) => e.name === 'devices.state');
    expect(states.at(-1)?.payload).toMatchObject({ training: false, devices: expect.arrayContaining([expect.objectContaining({ channel: 'cfg-1', status: 'online' })]) });

    const cardSim = new IdCardSimulator(new SerialTransport({ path: cardPty!.b, baudRate: 115200 }), { card: sampleCard });
    await cardSim.start();
    await waitFor(() => kioskStream.events().some((e) => e.name === 'devices.idCard'), 6000, 'a card read');
    const scanner = new SerialTransport({ path: scanPty!.b, baudRate: 9600 });
    await scanner.open();
    await scanner.write(Buffer.from('CD-20261128-0007\r\n'));
    await waitFor(() => kioskStream.events().some((e) => e.name === 'devices.scan'), 4000, 'a scan');

    const cards = kioskStream.events().filter((e) => e.name === 'devices.idCard');
    expect(cards).toHaveLength(1); // the card stays in the field: read once, pushed once
    expect(cards[0]?.payload).toMatchObject({ simulated: false, card: { name: sampleCard.name, idNumber: sampleCard.idNumber } });
    expect(kioskStream.events().filter((e) => e.name === 'devices.scan').map((e) => e.payload)).toEqual([{ text: 'CD-20261128-0007' }]);

    // The officer's stream is alive (heartbeats) but carries none of the registrar's device events.
    await waitFor(() => officerStream.received.some((m) => m.name === 'heartbeat'), 3000, 'an officer heartbeat');
    expect(officerStream.events()).toEqual([]);

    // Logging out ends the stream at the next heartbeat.
    const before = kioskStream.received.length;
    await f.call('auth.logout', {}, kiosk);
    await new Promise((r) => setTimeout(r, 2500));
    const after = kioskStream.received.length;
    await new Promise((r) => setTimeout(r, 1200));
    expect(kioskStream.received.length).toBe(after);
    expect(after - before).toBeLessThan(40);

    for (const s of [kioskStream, officerStream, noToken, tokenInUrl]) s.close();
    await host.close();
    await Promise.all([scaleSim.stop(), cardSim.stop(), scanner.close()]);
    await f.app.devices.stop();
    f.app.close();
    await Promise.all([scalePty, cardPty, scanPty].map((p) => p!.kill()));
  }, 40_000);
});
