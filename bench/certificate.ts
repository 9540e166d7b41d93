/** Certificate-check benchmarks: one report's latency, and re-checking a register against a corrected table. */
import { performance } from 'node:perf_hooks';
import { report, result } from '../test/unit/certificate/fixtures.ts';
import {
  checkCertificate,
  chengdePolicy,
  shippedLimits,
  type LimitsTable,
  type ReportInput,
} from '../src-shared/domain/certificate/index.ts';

/** The example report, varied per index so the checks do not all take one path. */
function sampleReport(i: number): ReportInput {
  const wobble = (i % 97) / 97;
  const ashAdPct = 10 + 3 * wobble;
  return report({
    reportNumber: `JC-2026-${i}`,
    sampleOrigin: i % 3 === 0 ? 'client' : 'lab',
    results: [
      result('M', 'ad', 1.2),
      result('Mt', 'ar', 6.0),
      result('A', 'ad', ashAdPct),
      result('A', 'd', (ashAdPct * 100) / 98.8),
      result('V', 'ad', 8.4),
      result('St', 'ad', 0.3 + 0.2 * wobble),
      result('Qnet', 'ar', 26.28, 'MJ/kg'),
    ],
  });
}

/** The shipped table with GB 34169 无烟1号 ash tightened, as an administrator's import would change it. */
function correctedTable(): LimitsTable {
  return {
    version: 'bench-corrected',
    rows: shippedLimits.rows.map((r) => (r.standard === 'GB 34169' && r.grade === '无烟1号' && r.item === 'A' ? { ...r, limit: 11.5, verified: true } : r)),
  };
}

export async function benchCertificate(): Promise<Record<string, string | number>> {
  const ctx = { limits: shippedLimits, policy: chengdePolicy, now: new Date('2026-11-28T01:20:00Z') };
  const singles = Array.from({ length: 200 }, (_, i) => sampleReport(i));
  for (const r of singles) checkCertificate(r, ctx); // warm-up

  const timesMs: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const start = performance.now();
    checkCertificate(singles[i % singles.length]!, ctx);
    timesMs.push(performance.now() - start);
  }
  timesMs.sort((a, b) => a - b);
  const meanMs = timesMs.reduce((a, b) => a + b, 0) / timesMs.length;
  const p95Ms = timesMs[Math.floor(timesMs.length * 0.95)]!;

  const register = Array.from({ length: 100_000 }, (_, i) => sampleReport(i));
  const corrected = { ...ctx, limits: correctedTable() };
  const start = performance.now();
  let failing = 0;
  for (const r of register) if (checkCertificate(r, corrected).verdict === 'fail') failing++;
  const recheckMs = performance.now() - start;

  return {
    'certificate check mean (ms)': Number(meanMs.toFixed(4)),
    'certificate check p95 (ms)': Number(p95Ms.toFixed(4)),
    're-check 100,000 reports against a new limits table (ms)': Math.round(recheckMs),
    're-check: reports failing under the new table': failing,
  };
}
