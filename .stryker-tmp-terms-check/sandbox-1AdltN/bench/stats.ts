// @ts-nocheck
import { performance } from 'node:perf_hooks';

/** Runs `fn` `n` times and returns the p50 and p95 in milliseconds, rounded to 0.01 ms. */
export function timeMany(n: number, fn: (i: number) => unknown): { p50Ms: number; p95Ms: number } {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]! * 100) / 100;
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}
