import { describe, expect, it } from 'vitest';
import { insertWeighing } from '../../../db/devices-repo.ts';
import { createFixture, validRegistration } from '../../support/app-fixture.ts';
import { sampleRegistration, seededRandom } from '../../../src-main/demo/sample-registration.ts';

describe('a weighbridge weight carries no manual-entry reason', () => {
  it('is refused with the reason named, and nothing is stored', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    const reg = validRegistration(3);
    const weighingId = insertWeighing(f.app.db, {
      weightKg: reg.grossKg, frames: [], protocol: 'test', deviceId: null, deviceLabel: 'test', simulated: false, capturedAt: f.clock.now.toISOString(), capturedBy: 1,
    });
    const r = await f.raw('registrations.create', { ...reg, weightSource: 'scale', weighingId, manualReason: '地磅通讯故障' }, kiosk);
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error.issues?.map((i) => [i.path, i.key])).toEqual([['manualReason', 'validation.scaleNoManualReason']]);
    expect((await f.call('registrations.search', { query: '' }, kiosk)).rows).toHaveLength(0);
    // The same truck without the reason is stored as a scale weight with none.
    const { manualReason: _r, ...scale } = reg;
    const saved = await f.call('registrations.create', { ...scale, weightSource: 'scale', weighingId }, kiosk);
    expect(saved).toMatchObject({ weightSource: 'scale', manualReason: null });
  });

  it('the demo gives a reason only to its hand-entered weights, and most of its trucks are weighed by the scale', () => {
    const rnd = seededRandom(42);
    const trucks = Array.from({ length: 400 }, () => sampleRegistration(rnd));
    for (const t of trucks) expect(Boolean(t.manualReason)).toBe(t.weightSource === 'manual');
    expect(trucks.filter((t) => t.weightSource === 'scale').length).toBeGreaterThan(340);
  });
});
