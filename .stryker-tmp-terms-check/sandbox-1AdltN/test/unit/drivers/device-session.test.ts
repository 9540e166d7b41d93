// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ScaleSession, type SessionStatus } from '../../../drivers/device-session.ts';
import type { ProtocolName, ScaleFrame } from '../../../drivers/protocols/index.ts';
import { ScaleSimulator } from '../../../drivers/simulators/scale-simulator.ts';
import { createInProcessPair } from '../../../drivers/transports/in-process.ts';

const waitFor = async (check: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const fastStability = { divisionKg: 20, windowMs: 600, minFrames: 5, minWeightKg: 200, staleMs: 1000 };

describe('ScaleSession over the in-process (training mode) transport', () => {
  it.each<ProtocolName>(['yaohua-tf0', 'yaohua-tf1', 'keli-modbus', 'mt-sics', 'toledo'])(
    '%s: simulator → session → stable capture of the scripted weight',
    async (protocol) => {
      const [host, device] = createInProcessPair();
      const sim = new ScaleSimulator(device, { protocol, script: [{ weightKg: 1000, holdMs: 300 }, { weightKg: 25400, holdMs: 5000 }], frameIntervalMs: 40 });
      const session = new ScaleSession({ transport: host, protocol, stability: fastStability, pollIntervalMs: 40 });
      const frames: ScaleFrame[] = [];
      session.on('frame', (f: ScaleFrame) => frames.push(f));
      await sim.start();
      await session.start();
      await waitFor(() => session.capture().ok, 4000);
      expect(session.capture()).toMatchObject({ ok: true, weightKg: 25400, protocol });
      expect(frames.some((f) => f.weightKg === 1000)).toBe(true);
      expect(session.health()).toMatchObject({ status: 'online', droppedBytes: 0 });
      await session.stop();
      await sim.stop();
    },
  );

  it('goes offline when the link dies silently, reopens with backoff, and resumes', async () => {
    const [host, device] = createInProcessPair();
    const script = [{ weightKg: 32480, holdMs: 60_000 }];
    const sim = new ScaleSimulator(device, { protocol: 'yaohua-tf0', script, frameIntervalMs: 40 });
    const session = new ScaleSession({ transport: host, protocol: 'yaohua-tf0', offlineAfterMs: 400, reopenInitialMs: 50, reopenMaxMs: 200 });
    const statuses: SessionStatus[] = [];
    session.on('status', (s: SessionStatus) => statuses.push(s));
    await sim.start();
    await session.start();
    await waitFor(() => statuses.includes('online'), 1000);
    // Silence without a close event: only the watchdog can notice.
    await sim.stop();
    await waitFor(() => statuses.at(-1) === 'offline', 1500);
    await new Promise((r) => setTimeout(r, 700));
    expect(session.capture()).toMatchObject({ ok: false, reason: 'stale', weightKg: 32480 });
    const sim2 = new ScaleSimulator(device, { protocol: 'yaohua-tf0', script, frameIntervalMs: 40 });
    await sim2.start();
    const before = session.health().frames;
    await waitFor(() => session.health().frames > before && statuses.at(-1) === 'online', 2000);
    expect(session.health().reopens).toBeGreaterThan(0);
    await session.stop();
    await sim2.stop();
  });

  it('reports an error while the device cannot be opened, then recovers', async () => {
    const [host, device] = createInProcessPair();
    host.unplug();
    const session = new ScaleSession({ transport: host, protocol: 'st-gs', reopenInitialMs: 30, reopenMaxMs: 60 });
    const statuses: string[] = [];
    session.on('status', (s: string) => statuses.push(s));
    await session.start();
    expect(session.health()).toMatchObject({ status: 'error', detail: 'simulated device is not connected' });
    host.reconnect();
    const sim = new ScaleSimulator(device, { protocol: 'st-gs', weightKg: 5000, frameIntervalMs: 30 });
    await sim.start();
    await waitFor(() => statuses.at(-1) === 'online', 1500);
    expect(statuses).toEqual(['error', 'online']);
    await session.stop();
    await sim.stop();
  });
});
