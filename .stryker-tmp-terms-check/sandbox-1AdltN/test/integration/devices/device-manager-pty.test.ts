// @ts-nocheck
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScaleSimulator } from '../../../drivers/simulators/scale-simulator.ts';
import { SerialTransport } from '../../../drivers/transports/serial.ts';
import { createFixture, validRegistration } from '../../support/app-fixture.ts';
import { openPtyPair } from './pty.ts';

const dir = mkdtempSync(join(tmpdir(), 'checkpoint-devices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('device manager over real pseudo-terminals', () => {
  it('simulator → devices.live → devices.capture → registrations.create; offline when the link dies, online within 3 s of its return', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    let pty = await openPtyPair(dir);
    const script = [{ weightKg: 16_000, holdMs: 300 }, { weightKg: 49_020, holdMs: 120_000 }];
    const startSimulator = async () => {
      const sim = new ScaleSimulator(new SerialTransport({ path: pty.b, baudRate: 9600 }), { protocol: 'keli', script, profile: 'garbage' });
      await sim.start();
      return sim;
    };
    let sim = await startSimulator();
    await f.call('devices.configure', { kind: 'scale', name: '1号地磅', portPath: pty.a, baudRate: 9600, protocol: 'keli' }, f.adminToken);
    const live = () => f.call('devices.live', {}, kiosk);

    await waitFor(async () => (await live()).scale?.stable === true, 6000, 'a stable weight');
    const shown = await live();
    expect(shown).toMatchObject({ training: false, simulated: false, scale: { weightKg: 49_020, light: 'stable' } });
    expect(shown.devices).toEqual([expect.objectContaining({ channel: 'cfg-1', status: 'online', simulated: false })]);

    const weighing = await f.call('devices.capture', {}, kiosk);
    expect(weighing).toMatchObject({ weightKg: 49_020, protocol: 'keli', simulated: false });
    const { manualReason: _reason, ...form } = validRegistration(11);
    const reg = await f.call('registrations.create', { ...form, grossKg: weighing.weightKg, tareKg: 16_000, weightSource: 'scale', weighingId: weighing.weighingId }, kiosk);
    expect(reg).toMatchObject({ grossKg: 49_020, netKg: 33_020, weightSource: 'scale', weighingId: weighing.weighingId, training: false });

    const tail = await f.call('devices.rawTail', { channel: 'cfg-1', bytes: 256 }, f.adminToken);
    expect(tail.hex.length).toBe(512);
    expect(tail.frames.at(-1)).toMatchObject({ weightKg: 49_020 });

    await pty.kill();
    await sim.stop();
    await waitFor(async () => (await live()).devices[0]?.status === 'offline', 4000, 'offline');
    expect((await f.raw('devices.capture', {}, kiosk)).ok).toBe(false);

    pty = await openPtyPair(dir);
    const back = Date.now();
    sim = await startSimulator();
    await waitFor(async () => (await live()).devices[0]?.status === 'online', 3000, 'online again');
    expect(Date.now() - back).toBeLessThan(3000);

    await f.app.devices.stop();
    f.app.close();
    await sim.stop();
    await pty.kill();
  });
});
