// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { ScaleFrame } from '../../../drivers/protocols/index.ts';
import { captureWeight, createStabilityState, feedStability, StabilityDetector, type StabilityState } from '../../../drivers/stability.ts';

const frame = (weightKg: number, extra: Partial<ScaleFrame> = {}): ScaleFrame => ({
  protocol: 'yaohua-tf0',
  weightKg,
  stable: undefined,
  kind: undefined,
  overload: false,
  raw: Buffer.alloc(0),
  ...extra,
});

/** Feeds weights every `stepMs` starting at t0; returns the state and the last timestamp. */
function feed(state: StabilityState, weights: number[], t0 = 0, stepMs = 100, extra: Partial<ScaleFrame> = {}) {
  let t = t0;
  for (const w of weights) {
    state = feedStability(state, frame(w, extra), t);
    t += stepMs;
  }
  return { state, lastT: t - stepMs };
}

describe('stability detector', () => {
  const opts = { divisionKg: 20, windowMs: 2000, minFrames: 5, minWeightKg: 200, staleMs: 1000 };

  it('captures only after 2 s of readings within one division', () => {
    const { state, lastT } = feed(createStabilityState(opts), Array(20).fill(32480), 0, 100);
    expect(captureWeight(state, lastT)).toMatchObject({ ok: false, reason: 'settling' }); // 1.9 s
    const next = feedStability(state, frame(32500), 2000);
    expect(captureWeight(next, 2000)).toEqual({ ok: true, weightKg: 32500, frames: 21, protocol: 'yaohua-tf0', capturedAt: 2000 });
  });

  it('needs at least 5 frames even over a long span', () => {
    const { state } = feed(createStabilityState(opts), [32480, 32480, 32480, 32480], 0, 900);
    expect(captureWeight(state, 2700)).toMatchObject({ ok: false, reason: 'settling' });
    expect(captureWeight(feedStability(state, frame(32480), 3600), 3600)).toMatchObject({ ok: true });
  });

  it('restarts the window on a change beyond one division', () => {
    const a = feed(createStabilityState(opts), Array(25).fill(32480), 0, 100);
    const b = feed(a.state, [32520], 2500);
    expect(captureWeight(b.state, 2500)).toMatchObject({ ok: false, reason: 'settling' });
    const c = feed(b.state, Array(20).fill(32520), 2600, 100);
    expect(captureWeight(c.state, c.lastT)).toMatchObject({ ok: true, weightKg: 32520 });
  });

  it('tolerates a one-division wobble', () => {
    const { state, lastT } = feed(createStabilityState(opts), Array.from({ length: 25 }, (_, i) => (i % 2 ? 32480 : 32500)));
    expect(captureWeight(state, lastT)).toMatchObject({ ok: true });
  });

  it('honours the motion flag where the protocol has one', () => {
    const { state, lastT } = feed(createStabilityState(opts), Array(25).fill(32480), 0, 100, { stable: true });
    expect(captureWeight(state, lastT)).toMatchObject({ ok: true });
    const moving = feedStability(state, frame(32480, { stable: false }), lastT + 100);
    expect(captureWeight(moving, lastT + 100)).toMatchObject({ ok: false, reason: 'motion' });
    // The flag clearing again does not make it capturable before a fresh window.
    const again = feedStability(moving, frame(32480, { stable: true }), lastT + 200);
    expect(captureWeight(again, lastT + 200)).toMatchObject({ ok: false, reason: 'settling' });
  });

  it('never captures a stale, overloaded or too-light reading', () => {
    const { state, lastT } = feed(createStabilityState(opts), Array(25).fill(32480));
    expect(captureWeight(state, lastT + 1000)).toMatchObject({ ok: true });
    expect(captureWeight(state, lastT + 1001)).toMatchObject({ ok: false, reason: 'stale', weightKg: 32480 });
    const over = feedStability(state, frame(0, { overload: true }), lastT + 100);
    expect(captureWeight(over, lastT + 100)).toMatchObject({ ok: false, reason: 'overload', weightKg: undefined });
    const light = feed(createStabilityState(opts), Array(25).fill(180));
    expect(captureWeight(light.state, light.lastT)).toMatchObject({ ok: false, reason: 'below-minimum' });
    expect(captureWeight(createStabilityState(opts), 0)).toMatchObject({ ok: false, reason: 'no-data' });
  });

  it('restarts after a gap in the frames longer than the stale limit', () => {
    const a = feed(createStabilityState(opts), Array(10).fill(32480), 0, 100);
    const b = feed(a.state, Array(12).fill(32480), 3000, 100);
    expect(captureWeight(b.state, b.lastT)).toMatchObject({ ok: false, reason: 'settling' });
  });

  it('keeps memory bounded on a long stable stream and the wrapper agrees with the pure functions', () => {
    const d = new StabilityDetector(opts);
    for (let t = 0; t < 600_000; t += 50) d.feed(frame(32480), t);
    expect(d.state.samples.length).toBeLessThanOrEqual(42);
    expect(d.capture(599_950)).toMatchObject({ ok: true, weightKg: 32480 });
  });
});
