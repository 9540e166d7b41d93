/** Certificate-check benchmarks: one report's latency, and re-checking a register against a corrected table. */
import { performance } from 'node:perf_hooks';
import {
  checkCertificate,
  chengdePolicy,
  parseCertificateInput,
  shippedLimits,
  type LimitsTable,
  type ReportInput,
} from '../src-main/domain/certificate/index.ts';

function sampleReport(i: number): ReportInput {
  const wobble = (i % 97) / 97;
  const parsed = parseCertificateInput({
    reportNumber: `JC-2026-${i}`,
    lab: '某某检测有限公司',
    cmaNumber: '201712345678',
    sampleOrigin: i % 3 === 0 ? 'client' : 'lab',
    sampledOn: '2026-11-20',
    reportedOn: '2026-11-22',
    arrivedAt: '2026-11-28T09:15:00+08:00',
    coalForm: 'loose',
    coalRank: 'anthracite',
    use: 'civil',
    destinationInHebei: true,
    distanceKm: 850,
    tonnageCoveredKg: 600000,
    truckNetKg: 32480,
    results: [
      { item: 'M', basis: 'ad', value: 1.2, unit: '%' },
      { item: 'Mt', basis: 'ar', value: 6.0, unit: '%' },
      { item: 'A', basis: 'ad', value: 10 + 3 * wobble, unit: '%' },
      { item: 'A', basis: 'd', value: ((10 + 3 * wobble) * 100) / 98.8, unit: '%' },
      { item: 'V', basis: 'ad', value: 8.4, unit: '%' },
      { item: 'St', basis: 'ad', value: 0.3 + 0.2 * wobble, unit: '%' },
      { item: 'Qnet', basis: 'ar', value: 26.28, unit: 'MJ/kg' },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value as ReportInput;
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
