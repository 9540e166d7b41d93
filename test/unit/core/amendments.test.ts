import { beforeEach, describe, expect, it } from 'vitest';
import { insertWeighing } from '../../../db/devices-repo.ts';
import type { InputOf } from '../../../src-shared/contract/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

let f: Fixture;
let kiosk: string;
beforeEach(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
});

/** A weighing as the device manager stores a capture (the capture path itself is tested with the devices). */
function weighing(weightKg: number, simulated = false): number {
  return insertWeighing(f.app.db, {
    weightKg, frames: [], protocol: 'test', deviceId: null, deviceLabel: 'test scale', simulated, capturedAt: f.clock.now.toISOString(), capturedBy: 1,
  });
}

function scaleRegistration(seed: number, grossKg: number, weighingId?: number): InputOf<'registrations.create'> {
  const { manualReason: _reason, ...base } = validRegistration(seed);
  return { ...base, grossKg, tareKg: 16_500, weightSource: 'scale', ...(weighingId === undefined ? {} : { weighingId }) };
}

const usedBy = (id: number) => (f.app.db.prepare('SELECT used_by_registration AS r FROM weighings WHERE id = ?').get(id) as { r: number | null }).r;

async function amendKey(id: number, changes: InputOf<'registrations.create'>): Promise<string> {
  const r = await f.raw('registrations.amend', { id, reason: '更正', changes }, kiosk);
  return r.ok ? 'saved' : r.error.key;
}

describe('amending a scale-weighed record', () => {
  it('keeps citing its own weighing while that weighing is still the gross or tare, also when the form names none', async () => {
    const w = weighing(48_980);
    const saved = await f.call('registrations.create', scaleRegistration(1, 48_980, w), kiosk);
    const { weighingId: _w, ...withoutWeighing } = scaleRegistration(1, 48_980);
    const tareCorrected = { ...withoutWeighing, driverName: '李四', tareKg: 16_420 };
    const amended = await f.call('registrations.amend', { id: saved.id, reason: '皮重录错', changes: tareCorrected }, kiosk);
    expect(amended).toMatchObject({ revision: 2, weighingId: w, driverName: '李四', tareKg: 16_420 });
    expect(usedBy(w)).toBe(saved.id);
    // Its own weighing is not "used by another registration" on the next correction either.
    expect(await amendKey(amended.id, { ...scaleRegistration(1, 48_980, w), driverName: '王五' })).toBe('saved');
  });

  it('refuses a changed scale weight that its weighing does not show, and stores nothing', async () => {
    const w = weighing(48_980);
    const saved = await f.call('registrations.create', scaleRegistration(2, 48_980, w), kiosk);
    const before = [f.count('registrations'), f.count('audit_log')];
    expect(await amendKey(saved.id, scaleRegistration(2, 47_000))).toBe('devices.evidence.mismatch');
    expect([f.count('registrations'), f.count('audit_log')]).toEqual(before);
    // Manual entry with a reason is the way to change a weighed weight without a new weighing.
    const { weighingId: _w, ...manual } = { ...scaleRegistration(2, 47_000, w), weightSource: 'manual' as const, manualReason: '地磅故障后人工复核' };
    const corrected = await f.call('registrations.amend', { id: saved.id, reason: '人工复核', changes: manual }, kiosk);
    expect(corrected).toMatchObject({ weightSource: 'manual', weighingId: null, grossKg: 47_000 });
  });

  it('treats another weighing as a new citation: it must exist, be unused and match, and is then claimed', async () => {
    const first = weighing(48_980);
    const other = weighing(49_300);
    const taken = weighing(49_300);
    const saved = await f.call('registrations.create', scaleRegistration(3, 48_980, first), kiosk);
    await f.call('registrations.create', scaleRegistration(4, 49_300, taken), kiosk);
    expect(await amendKey(saved.id, scaleRegistration(3, 49_300, taken))).toBe('devices.evidence.used');
    expect(await amendKey(saved.id, scaleRegistration(3, 49_300, other + 100))).toBe('devices.evidence.notFound');
    expect(await amendKey(saved.id, scaleRegistration(3, 49_310, other))).toBe('devices.evidence.mismatch');
    expect(usedBy(other)).toBeNull();
    const reweighed = await f.call('registrations.amend', { id: saved.id, reason: '重新过磅', changes: scaleRegistration(3, 49_300, other) }, kiosk);
    expect(usedBy(other)).toBe(reweighed.id);
  });

  it('refuses a scale weight without a weighing when the corrected revision had none', async () => {
    const saved = await f.call('registrations.create', validRegistration(5), kiosk);
    expect(await amendKey(saved.id, scaleRegistration(5, 48_980))).toBe('devices.evidence.required');
  });
});

describe('amending in training mode', () => {
  it('refuses to correct a real record in training mode or with a simulated weighing', async () => {
    const saved = await f.call('registrations.create', validRegistration(6), kiosk);
    await f.call('devices.setTraining', { training: true }, f.adminToken);
    const before = [f.count('registrations'), f.count('audit_log')];
    expect(await amendKey(saved.id, { ...validRegistration(6), driverName: '李四' })).toBe('devices.evidence.trainingAmendment');
    expect([f.count('registrations'), f.count('audit_log')]).toEqual(before);
    await f.call('devices.setTraining', { training: false }, f.adminToken);
    const simulated = weighing(48_980, true);
    expect(await amendKey(saved.id, scaleRegistration(6, 48_980, simulated))).toBe('devices.evidence.trainingAmendment');
    expect(await amendKey(saved.id, { ...validRegistration(6), training: true } as ReturnType<typeof validRegistration>)).toBe('errors.invalidInput');
    expect(usedBy(simulated)).toBeNull();
  });

  it('keeps a training record a training record whatever the correction says', async () => {
    await f.call('devices.setTraining', { training: true }, f.adminToken);
    const saved = await f.call('registrations.create', validRegistration(7), kiosk);
    await f.call('devices.setTraining', { training: false }, f.adminToken);
    const amended = await f.call('registrations.amend', { id: saved.id, reason: '练习', changes: validRegistration(7) }, kiosk);
    expect(amended.training).toBe(true);
  });
});
