/** What a simulated weighbridge shows at time t: a truck arriving, a noisy deck, or a scripted sequence. Pure. */
// @ts-nocheck


export type ScaleProfile = 'truck' | 'noise' | 'garbage';

export interface ScriptStep {
  weightKg: number;
  holdMs: number;
}

export interface SimulatedReading {
  weightKg: number;
  /** What the indicator's motion detector would say. */
  stable: boolean;
}

/** Truck cycle phases in ms: empty, ramp up, wobble, settled, ramp down, empty. */
export const truckCycle = { empty: 1500, rampUp: 2500, wobble: 1500, settled: 6000, rampDown: 2000, tail: 1500 } as const;
export const truckCycleMs = Object.values(truckCycle).reduce((a, b) => a + b, 0);

const roundTo = (kg: number, divisionKg: number) => Math.round(kg / divisionKg) * divisionKg;

function truckWeight(t: number, targetKg: number, divisionKg: number): number {
  let p = ((t % truckCycleMs) + truckCycleMs) % truckCycleMs;
  const c = truckCycle;
  if ((p -= c.empty) < 0) return 0;
  if ((p -= c.rampUp) < 0) return roundTo(targetKg * (1 + p / c.rampUp), divisionKg);
  if ((p -= c.wobble) < 0) {
    // Decaying oscillation as the suspension settles.
    const decay = -p / c.wobble;
    return roundTo(targetKg + targetKg * 0.01 * decay * Math.sin((p / 150) * Math.PI), divisionKg);
  }
  if ((p -= c.settled) < 0) return targetKg;
  if ((p -= c.rampDown) < 0) return roundTo(targetKg * (-p / c.rampDown), divisionKg);
  return 0;
}

export function scriptDurationMs(script: readonly ScriptStep[]): number {
  return script.reduce((sum, s) => sum + s.holdMs, 0);
}

function scriptWeight(t: number, script: readonly ScriptStep[]): number {
  let end = 0;
  for (const step of script) {
    end += step.holdMs;
    if (t < end) return step.weightKg;
  }
  return script.at(-1)?.weightKg ?? 0;
}

export interface ProfileOptions {
  profile: ScaleProfile;
  targetKg: number;
  divisionKg: number;
  script?: readonly ScriptStep[];
  /** For the noise profile; injected so tests are deterministic. */
  random: () => number;
}

/** The reading at t ms after start. Stable means unchanged over the last 600 ms, as an indicator judges it. */
export function readingAt(t: number, o: ProfileOptions): SimulatedReading {
  if (o.profile === 'noise') {
    return { weightKg: roundTo(o.targetKg + (o.random() - 0.5) * 400, o.divisionKg), stable: false };
  }
  const at = (x: number) => (o.script ? scriptWeight(x, o.script) : truckWeight(x, o.targetKg, o.divisionKg));
  const weightKg = at(t);
  return { weightKg, stable: at(t - 300) === weightKg && at(t - 600) === weightKg };
}

/** Small seeded PRNG (mulberry32) so simulator runs can be reproduced. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
