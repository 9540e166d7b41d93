/** The simulated truck stands still as long as a real one does (issue 9: 10–20 s), and the deck is empty between trucks. */
import { describe, expect, it } from 'vitest';
import { createProtocol } from '../../../drivers/protocols/index.ts';
import { StabilityDetector } from '../../../drivers/stability.ts';
import { readingAt, seededRandom, truckCycleMs } from '../../../drivers/simulators/weight-profile.ts';

const STEP_MS = 80;

/** Lengths (ms) of the runs where `pick` holds, over three whole cycles. */
function runs(pick: (t: number, detector: StabilityDetector) => boolean): number[] {
  const detector = new StabilityDetector({ divisionKg: 20 });
  const encoder = createProtocol('st-gs');
  const parser = createProtocol('st-gs');
  const out: number[] = [];
  let start: number | undefined;
  for (let t = 0; t < 3 * truckCycleMs; t += STEP_MS) {
    const r = readingAt(t, { profile: 'truck', targetKg: 41_220, divisionKg: 20, random: seededRandom(1) });
    const frame = parser.parse(parser.initialState(), encoder.encode({ weightKg: r.weightKg, stable: r.stable })).frames[0]!;
    detector.feed(frame, t);
    const on = pick(t, detector);
    if (on && start === undefined) start = t;
    if (!on && start !== undefined) {
      out.push(t - start);
      start = undefined;
    }
  }
  return out;
}

describe('simulated truck', () => {
  it('stays on the bridge, still, for 10–20 s in every cycle', () => {
    const still = runs((t) => {
      const r = readingAt(t, { profile: 'truck', targetKg: 41_220, divisionKg: 20, random: seededRandom(1) });
      return r.stable && r.weightKg === 41_220;
    });
    // The last swing of the settling wobble may read "still" for one frame: the stand is the long run.
    const stands = still.filter((ms) => ms >= 1000);
    expect(stands.length).toBeGreaterThanOrEqual(2);
    expect(still.filter((ms) => ms < 1000).every((ms) => ms <= 2 * STEP_MS)).toBe(true);
    for (const ms of stands) {
      expect(ms).toBeGreaterThanOrEqual(10_000);
      expect(ms).toBeLessThanOrEqual(20_000);
    }
  });

  it('can be captured for at least 10 s of each stand, so a person never needs luck', () => {
    const capturable = runs((t, d) => d.capture(t).ok);
    expect(capturable.length).toBeGreaterThanOrEqual(2);
    for (const ms of capturable) expect(ms).toBeGreaterThanOrEqual(10_000);
  });

  it('leaves the deck empty between trucks', () => {
    const empty = runs((t) => readingAt(t, { profile: 'truck', targetKg: 41_220, divisionKg: 20, random: seededRandom(1) }).weightKg === 0);
    expect(empty.length).toBeGreaterThanOrEqual(2);
    // The first run starts the cycle (2.5 s); later ones join the previous truck's tail (4 s).
    for (const ms of empty) expect(ms).toBeGreaterThanOrEqual(2500);
  });
});
