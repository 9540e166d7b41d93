import { chengdePolicy, parseCertificateInput, type ReportInput, type ReportResult } from '../../../src-shared/domain/certificate/index.ts';

/** The worked example of the reference (A4.4): Mad 1.20, Aad 11.50, Vad 8.40, St,ad 0.35, Mt 6.0, Had 3.20, Qb,ad 28.500. */
export const WORKED = { madPct: 1.2, aadPct: 11.5, vadPct: 8.4, stadPct: 0.35, mtPct: 6.0, hadPct: 3.2, qbAdMjPerKg: 28.5 };

export function result(item: ReportResult['item'], basis: ReportResult['basis'], value: number, unit = '%'): ReportResult {
  return basis === undefined ? { item, value, unit } : { item, basis, value, unit };
}

export const exampleResults: ReportResult[] = [
  result('M', 'ad', 1.2),
  result('Mt', 'ar', 6.0),
  result('A', 'ad', 11.5),
  result('V', 'ad', 8.4),
  result('St', 'ad', 0.35),
  result('Qnet', 'ar', 26.28, 'MJ/kg'),
];

/** The example report of the issue, as lab-sampled (no signals) unless overridden. */
export function report(overrides: Partial<ReportInput> = {}): ReportInput {
  const input = {
    reportNumber: 'JC-2026-1128-07',
    lab: '某某检测有限公司',
    cmaNumber: '201712345678',
    sampleOrigin: 'lab',
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
    hasContract: true,
    results: exampleResults,
    ...overrides,
  };
  const parsed = parseCertificateInput(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value as ReportInput;
}

export const NOW = new Date('2026-11-28T01:20:00Z');

export function replaceResult(results: ReportResult[], replacement: ReportResult): ReportResult[] {
  return results.map((r) => (r.item === replacement.item && r.basis === replacement.basis ? replacement : r));
}

export { chengdePolicy };
