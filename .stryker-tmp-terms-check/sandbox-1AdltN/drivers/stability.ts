/**
 * Decides when a weighbridge reading may be captured. Pure: feedStability(state, frame, t) → new state,
 * captureWeight(state, now) → capture or the reason there is none.
 * Rule (reference §1.9): the indicator's motion flag must not say "moving" (where the protocol has one) AND
 * the readings of the last ≥ windowMs span at most one division, with ≥ minFrames frames, above minWeightKg.
 * A reading older than staleMs is never capturable.
 */
// @ts-nocheck

import type { ProtocolName, ScaleFrame } from './protocols/types.ts';

export interface StabilityOptions {
  divisionKg: number;
  windowMs: number;
  minFrames: number;
  minWeightKg: number;
  staleMs: number;
}

export const defaultStabilityOptions: StabilityOptions = {
  divisionKg: 20,
  windowMs: 2000,
  minFrames: 5,
  minWeightKg: 200,
  staleMs: 1000,
};

interface Sample {
  t: number;
  weightKg: number;
}

export interface StabilityState {
  options: StabilityOptions;
  /** Consecutive steady samples, oldest first, trimmed to the window plus one anchor older than it. */
  samples: readonly Sample[];
  last: ScaleFrame | undefined;
  lastAt: number | undefined;
}

export type NotCapturableReason =
  | 'no-data'
  /** Set by the session, not the detector: the link is down. */
  | 'offline'
  | 'stale'
  | 'overload'
  | 'underload'
  | 'motion'
  | 'below-minimum'
  | 'settling';

export type CaptureResult =
  | { ok: true; weightKg: number; frames: number; protocol: ProtocolName; capturedAt: number }
  | { ok: false; reason: NotCapturableReason; weightKg: number | undefined };

export function createStabilityState(options: Partial<StabilityOptions> = {}): StabilityState {
  return { options: { ...defaultStabilityOptions, ...options }, samples: [], last: undefined, lastAt: undefined };
}

const spread = (samples: readonly Sample[]) => {
  let min = Infinity;
  let max = -Infinity;
  for (const s of samples) {
    min = Math.min(min, s.weightKg);
    max = Math.max(max, s.weightKg);
  }
  return max - min;
};

export function feedStability(state: StabilityState, frame: ScaleFrame, t: number): StabilityState {
  const o = state.options;
  const interrupted =
    frame.overload || frame.underload === true || frame.stable === false || (state.lastAt !== undefined && t - state.lastAt > o.staleMs);
  let samples: Sample[] = interrupted ? [] : [...state.samples];
  if (!frame.overload && !frame.underload && frame.stable !== false) samples.push({ t, weightKg: frame.weightKg });
  // A change beyond one division restarts the run from the newest samples that still agree.
  while (samples.length > 1 && spread(samples) > o.divisionKg) samples.shift();
  // Keep one sample at or before the window start so the covered span stays measurable.
  while (samples.length > o.minFrames && (samples[1]?.t ?? t) <= t - o.windowMs) samples.shift();
  return { options: o, samples, last: frame, lastAt: t };
}

export function captureWeight(state: StabilityState, nowMs: number): CaptureResult {
  const { last, lastAt, samples, options: o } = state;
  if (!last || lastAt === undefined) return { ok: false, reason: 'no-data', weightKg: undefined };
  const weightKg = last.overload || last.underload ? undefined : last.weightKg;
  const fail = (reason: NotCapturableReason): CaptureResult => ({ ok: false, reason, weightKg });
  if (nowMs - lastAt > o.staleMs) return fail('stale');
  if (last.overload) return fail('overload');
  if (last.underload) return fail('underload');
  if (last.stable === false) return fail('motion');
  if (last.weightKg < o.minWeightKg) return fail('below-minimum');
  const first = samples[0];
  if (!first || samples.length < o.minFrames || lastAt - first.t < o.windowMs) return fail('settling');
  return { ok: true, weightKg: last.weightKg, frames: samples.length, protocol: last.protocol, capturedAt: nowMs };
}

/** Mutable wrapper for sessions that keep one detector. */
export class StabilityDetector {
  state: StabilityState;

  constructor(options: Partial<StabilityOptions> = {}) {
    this.state = createStabilityState(options);
  }

  feed(frame: ScaleFrame, t: number): this {
    this.state = feedStability(this.state, frame, t);
    return this;
  }

  capture(nowMs: number): CaptureResult {
    return captureWeight(this.state, nowMs);
  }
}
