import { describe, expect, it } from 'vitest';
import { parseScannedReport } from '../../../src-shared/contract/scanned-report.ts';

const compact = JSON.stringify({
  reportNumber: 'JC-2026-1128-07', lab: '山西省煤炭质量检测中心', cmaNumber: '201712345678', sampleOrigin: 'lab', sampledOn: '2026-11-20',
  reportedOn: '2026-11-22', coalRank: 'anthracite', tonnageCoveredKg: 500000,
  results: [{ item: 'A', basis: 'ad', value: 11.5, unit: '%' }, { item: 'St', basis: 'ad', value: 0.35, unit: '%' }],
});

describe('a report read from its QR code', () => {
  it('takes every report field of compact certificate JSON', () => {
    expect(parseScannedReport(compact)).toEqual(JSON.parse(compact));
  });

  it('ignores the truck fields of a full certificate JSON', () => {
    const full = { ...JSON.parse(compact), arrivedAt: '2026-11-28T09:15:00+08:00', coalForm: 'loose', use: 'civil', destinationInHebei: true };
    expect(parseScannedReport(JSON.stringify(full))).toEqual(JSON.parse(compact));
  });

  it('leaves out malformed fields and results instead of guessing', () => {
    const bad = {
      ...JSON.parse(compact), sampledOn: '2026-02-30', coalRank: 'peat', tonnageCoveredKg: -5, sampleOrigin: 'mail',
      results: [{ item: 'A', basis: 'ad', value: '11.5', unit: '%' }, { item: 'Zz', value: 1, unit: '%' }, { item: 'V', basis: 'ad', value: 8.4, unit: '%' }],
    };
    const r = parseScannedReport(JSON.stringify(bad))!;
    expect(r).not.toHaveProperty('sampledOn');
    expect(r).not.toHaveProperty('coalRank');
    expect(r).not.toHaveProperty('tonnageCoveredKg');
    expect(r).not.toHaveProperty('sampleOrigin');
    expect(r.results).toEqual([{ item: 'V', basis: 'ad', value: 8.4, unit: '%' }]);
    expect(r.lab).toBe('山西省煤炭质量检测中心');
  });

  it.each([
    ['a plain report number', 'JC-2026-1128-07'],
    ['broken JSON', '{"reportNumber":"JC-1"'],
    ['JSON without a report number', '{"lab":"x"}'],
    ['a blank report number', '{"reportNumber":"   "}'],
    ['a JSON array', '[1,2]'],
    ['null', 'null'],
  ])('is not a report: %s', (_, code) => {
    expect(parseScannedReport(code)).toBeNull();
  });
});
