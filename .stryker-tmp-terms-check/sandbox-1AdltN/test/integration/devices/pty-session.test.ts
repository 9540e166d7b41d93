// @ts-nocheck
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScaleSession, type SessionStatus } from '../../../drivers/device-session.ts';
import { ScaleSimulator } from '../../../drivers/simulators/scale-simulator.ts';
import { SerialTransport } from '../../../drivers/transports/serial.ts';
import { openPtyPair } from './pty.ts';

const dir = mkdtempSync(join(tmpdir(), 'checkpoint-pty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const waitFor = async (check: () => boolean, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('scale session over real pseudo-terminals', () => {
  it('captures a stable weight, goes offline when the link dies, and resumes within 3 s of its return', async () => {
    let pty = await openPtyPair(dir);
    const script = [{ weightKg: 18000, holdMs: 400 }, { weightKg: 32460, holdMs: 60_000 }];
    // DTR/RTS are requested on purpose: PTYs reject them and the transport must carry on.
    let sim = new ScaleSimulator(new SerialTransport({ path: pty.b, baudRate: 9600, dtr: true, rts: true }), { protocol: 'yaohua-a12e', script, profile: 'garbage' });
    const session = new ScaleSession({ transport: new SerialTransport({ path: pty.a, baudRate: 9600 }), protocol: 'yaohua-a12e' });
    const statuses: SessionStatus[] = [];
    session.on('status', (s: SessionStatus) => statuses.push(s));
    await sim.start();
    await session.start();

    await waitFor(() => session.capture().ok, 6000, 'a stable capture');
    expect(session.capture()).toMatchObject({ ok: true, weightKg: 32460, protocol: 'yaohua-a12e' });
    expect(session.health().droppedBytes).toBeGreaterThan(0); // the garbage profile really sent garbage

    await pty.kill();
    await sim.stop();
    await waitFor(() => statuses.at(-1) === 'offline', 4000, 'offline');
    expect(session.capture().ok).toBe(false);

    pty = await openPtyPair(dir);
    const back = Date.now();
    sim = new ScaleSimulator(new SerialTransport({ path: pty.b, baudRate: 9600 }), { protocol: 'yaohua-a12e', script });
    await sim.start();
    const framesBefore = session.health().frames;
    await waitFor(() => statuses.at(-1) === 'online' && session.health().frames > framesBefore, 3000, 'reading to resume');
    expect(Date.now() - back).toBeLessThan(3000);

    await session.stop();
    await sim.stop();
    await pty.kill();
  });
});
