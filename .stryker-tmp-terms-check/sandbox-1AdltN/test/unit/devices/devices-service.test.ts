// @ts-nocheck
import { afterEach, describe, expect, it } from 'vitest';
import { createProtocol } from '../../../drivers/protocols/index.ts';
import type { EncodeInput, ProtocolName } from '../../../drivers/protocols/types.ts';
import { createInProcessPair, type InProcessTransport } from '../../../drivers/transports/in-process.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

/** The far end of a configured port: an indicator whose reading the test sets. */
class FakeIndicator {
  reading: EncodeInput & { sending: boolean } = { weightKg: 0, sending: true };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly end: InProcessTransport,
    protocol: ProtocolName,
  ) {
    const encoder = createProtocol(protocol);
    void end.open();
    this.timer = setInterval(() => {
      if (this.reading.sending && end.isOpen) void end.write(encoder.encode(this.reading)).catch(() => undefined);
    }, 40);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

let f: Fixture;
let indicator: FakeIndicator | undefined;
afterEach(async () => {
  indicator?.stop();
  indicator = undefined;
  await f.app.devices.stop();
  f.app.close();
});

/** A fixture whose configured scale is a FakeIndicator on an in-process link. */
async function withIndicator(protocol: ProtocolName = 'toledo') {
  const ends = new Map<string, InProcessTransport>();
  f = await createFixture({
    devices: {
      openTransport: (d) => {
        const [host, device] = createInProcessPair();
        ends.set(d.portPath, device);
        return host;
      },
    },
  });
  const kiosk = await f.tokenFor('kiosk');
  await f.call('devices.configure', {
    kind: 'scale', name: '1号地磅', portPath: '/dev/ttyTEST0', protocol, options: { windowMs: 500, divisionKg: 20 },
  }, f.adminToken);
  await f.call('devices.live', {}, kiosk);
  indicator = new FakeIndicator(ends.get('/dev/ttyTEST0')!, protocol);
  return { kiosk, indicator };
}

const refusal = async (token: string) => {
  const r = await f.raw('devices.capture', {}, token);
  return r.ok ? 'captured' : r.error.key;
};

describe('devices.capture', () => {
  it('refuses while settling or moving, captures a stable weight with its frames, then refuses a stale or offline reading', async () => {
    const { kiosk, indicator } = await withIndicator();
    indicator.reading = { weightKg: 32_460, stable: true, sending: true };
    await waitFor(async () => (await f.call('devices.live', {}, kiosk)).scale?.weightKg === 32_460, 2000, 'first frames');
    expect(await refusal(kiosk)).toBe('devices.refused.settling');

    indicator.reading = { weightKg: 32_460, stable: false, sending: true };
    await sleep(200);
    expect(await refusal(kiosk)).toBe('devices.refused.motion');
    expect((await f.call('devices.live', {}, kiosk)).scale).toMatchObject({ light: 'motion', stable: false });

    indicator.reading = { weightKg: 32_460, stable: true, sending: true };
    await waitFor(async () => (await f.call('devices.live', {}, kiosk)).scale?.stable === true, 3000, 'a stable reading');
    const captured = await f.call('devices.capture', {}, kiosk);
    expect(captured).toMatchObject({ weightKg: 32_460, protocol: 'toledo', simulated: false });
    const row = f.app.db.prepare('SELECT * FROM weighings WHERE id = ?').get(captured.weighingId) as Record<string, unknown>;
    expect(row).toMatchObject({ weight_kg: 32_460, protocol: 'toledo', simulated: 0, used_by_registration: null });
    const frames = JSON.parse(String(row.frames_json)) as { weightKg: number; raw: string }[];
    expect(frames.length).toBeGreaterThanOrEqual(5);
    expect(frames.every((fr) => fr.weightKg === 32_460 && /^[0-9a-f]+$/.test(fr.raw))).toBe(true);
    expect(row.device_id).toBe((await f.call('devices.list', {}, f.adminToken))[0]!.id);

    indicator.reading.sending = false;
    await sleep(1200);
    expect(await refusal(kiosk)).toBe('devices.refused.stale');

    indicator.reading.sending = true;
    await waitFor(async () => (await refusal(kiosk)) === 'captured', 3000, 'capturable again');
    indicator.end.unplug();
    await waitFor(async () => (await f.call('devices.live', {}, kiosk)).devices[0]?.status === 'offline', 1000, 'offline');
    expect(await refusal(kiosk)).toBe('devices.refused.offline');
    expect((await f.call('devices.live', {}, kiosk)).scale).toMatchObject({ light: 'offline', weightKg: null });
  });

  it('is for registrars and technicians only; configuration is for technicians only', async () => {
    await withIndicator();
    const officer = await f.tokenFor('officer');
    const kiosk = await f.tokenFor('kiosk');
    expect((await f.raw('devices.capture', {}, officer)).ok).toBe(false);
    const r = await f.raw('devices.configure', { kind: 'scale', name: 'x', portPath: '/dev/x', protocol: 'keli' }, kiosk);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});

describe('registration with a scale weight', () => {
  async function capturedWeighing() {
    const { kiosk, indicator } = await withIndicator();
    indicator.reading = { weightKg: 48_980, stable: true, sending: true };
    await waitFor(async () => (await refusal(kiosk)) === 'captured', 3000, 'a capture');
    const weighing = await f.call('devices.capture', {}, kiosk);
    return { kiosk, weighing };
  }
  const scaleRegistration = (seed: number, grossKg: number, weighingId?: number) => {
    const { manualReason: _reason, ...base } = validRegistration(seed);
    return { ...base, grossKg, tareKg: 16_500, weightSource: 'scale' as const, ...(weighingId === undefined ? {} : { weighingId }) };
  };
  const createKey = async (input: unknown, token: string) => {
    const r = await f.raw('registrations.create', input, token);
    return r.ok ? 'saved' : r.error.key;
  };

  it('needs an existing weighing whose weight is the gross or tare, and a weighing can be used once', async () => {
    const { kiosk, weighing } = await capturedWeighing();
    expect(await createKey(scaleRegistration(1, 48_980), kiosk)).toBe('devices.evidence.required');
    expect(await createKey(scaleRegistration(1, 48_980, weighing.weighingId + 1000), kiosk)).toBe('devices.evidence.notFound');
    expect(await createKey(scaleRegistration(1, 48_960, weighing.weighingId), kiosk)).toBe('devices.evidence.mismatch');
    expect(f.count('registrations')).toBe(0);

    const saved = await f.call('registrations.create', scaleRegistration(1, 48_980, weighing.weighingId), kiosk);
    expect(saved).toMatchObject({ weightSource: 'scale', weighingId: weighing.weighingId, grossKg: 48_980, training: false });
    const used = f.app.db.prepare('SELECT used_by_registration AS r FROM weighings WHERE id = ?').get(weighing.weighingId) as { r: number };
    expect(used.r).toBe(saved.id);

    expect(await createKey(scaleRegistration(2, 48_980, weighing.weighingId), kiosk)).toBe('devices.evidence.used');
    expect(f.count('registrations')).toBe(1);
  });

  it('accepts the weighing as the tare, and a manual weight still needs its reason', async () => {
    const { kiosk, weighing } = await capturedWeighing();
    const asTare = { ...scaleRegistration(3, 60_000, weighing.weighingId), tareKg: 48_980 };
    expect(await createKey(asTare, kiosk)).toBe('saved');
    const { manualReason: _r, ...noReason } = validRegistration(4);
    expect(await createKey(noReason, kiosk)).toBe('validation.manualReason');
  });
});

describe('training mode', () => {
  it('forces training on every record made while it is on, and runs simulators instead of the configured devices', async () => {
    await withIndicator();
    const kiosk = await f.tokenFor('kiosk');
    expect((await f.call('devices.live', {}, kiosk)).training).toBe(false);
    await f.call('devices.setTraining', { training: true }, f.adminToken);
    const live = await f.call('devices.live', {}, kiosk);
    expect(live).toMatchObject({ training: true, simulated: true });
    expect(live.devices.map((d) => d.channel).sort()).toEqual(['sim-idcard', 'sim-scale']);

    const reg = await f.call('registrations.create', validRegistration(5), kiosk);
    expect(reg.training).toBe(true);
    expect((await f.call('registrations.search', {}, kiosk)).rows).toHaveLength(0);

    await f.call('devices.setTraining', { training: false }, f.adminToken);
    expect((await f.call('registrations.create', validRegistration(6), kiosk)).training).toBe(false);
  });

  it('treats a weighing from a simulator as training evidence even with training mode off', async () => {
    f = await createFixture({ devices: { simulation: { scale: { script: [{ weightKg: 41_220, holdMs: 60_000 }] } } } });
    const kiosk = await f.tokenFor('kiosk');
    await waitFor(async () => (await refusal(kiosk)) === 'captured', 5000, 'a simulated capture');
    const weighing = await f.call('devices.capture', {}, kiosk);
    expect(weighing).toMatchObject({ weightKg: 41_220, simulated: true });
    const { manualReason: _r, ...base } = validRegistration(7);
    const reg = await f.call('registrations.create', { ...base, grossKg: 41_220, tareKg: 15_000, weightSource: 'scale', weighingId: weighing.weighingId }, kiosk);
    expect(reg.training).toBe(true);
  });
});

describe('simulated ID-card reader', () => {
  it('reads sample cards and flags an expired one', async () => {
    f = await createFixture({ devices: { simulation: { cardEveryMs: 200 } } });
    const kiosk = await f.tokenFor('kiosk');
    expect(await f.call('devices.lastIdCard', {}, kiosk)).toBeNull();
    await waitFor(async () => (await f.call('devices.live', {}, kiosk)).idCardSeq >= 2, 5000, 'two card reads');
    const seen = new Map<string, boolean>();
    await waitFor(async () => {
      const card = await f.call('devices.lastIdCard', {}, kiosk);
      if (card) seen.set(card.card.name, card.expired);
      return seen.size >= 3;
    }, 5000, 'all three sample cards');
    expect(seen.get('李建军')).toBe(true); // valid to 2024-03-01
    expect(seen.get('张三')).toBe(false);
  });
});
