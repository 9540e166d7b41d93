/**
 * The archive's signals over every truck that presented one report number (承德 2020 附件6, 质检报告专管档案):
 * the check's own reuse rules applied to all uses, the same number from different labs, and the checks'
 * other signals once each.
 */
import { describe, expect, it } from 'vitest';
import { archiveSignals, distinct, labSignal } from '../../../src-shared/domain/report-archive.ts';
import { usageSignals } from '../../../src-shared/domain/certificate/signals.ts';

const uses = (...kg: number[]) => kg.map((truckNetKg) => ({ truckNetKg, origin: '山西大同' }));

describe('usageSignals (tonnage covered vs the trucks that used the report)', () => {
  it.each([
    { kg: [30_000, 30_000], covered: 60_000, exceeded: false },
    { kg: [30_000, 30_001], covered: 60_000, exceeded: true },
    { kg: [61_000], covered: 60_000, exceeded: true },
    { kg: [30_000, 40_000], covered: undefined, exceeded: false },
  ])('$kg against $covered kg: exceeded $exceeded', ({ kg, covered, exceeded }) => {
    expect(usageSignals(uses(...kg), covered).some((s) => s.code === 'tonnage-exceeded')).toBe(exceeded);
  });

  it('names every origin once, trimmed, when they differ', () => {
    const found = usageSignals([{ origin: '山西大同' }, { origin: ' 山西大同 ' }, { origin: '陕西榆林' }, {}], undefined);
    expect(found).toEqual([expect.objectContaining({ code: 'origin-mismatch', zh: '同一报告编号出现在不同产地的车辆上（山西大同、陕西榆林）' })]);
    expect(usageSignals([{ origin: '山西大同' }, { origin: '山西大同 ' }], undefined)).toEqual([]);
  });
});

describe('labSignal', () => {
  it('is raised by two different labs, not by one lab written twice', () => {
    expect(labSignal(['甲检测所', ' 甲检测所'])).toBeNull();
    expect(labSignal(['甲检测所', '乙检测所', '甲检测所'])?.zh).toBe('同一报告编号出自不同检测机构（甲检测所、乙检测所）');
  });
});

describe('archiveSignals', () => {
  it('recomputes reuse over all trucks and keeps the other check signals once each', () => {
    const partial = { code: 'tonnage-exceeded' as const, zh: '同一报告已累计使用10.00吨，超过报告覆盖的5.00吨', en: 'x' };
    const noCma = { code: 'no-cma' as const, zh: '报告无CMA资质认定证书编号', en: 'The report carries no CMA certificate number' };
    const found = archiveSignals({ uses: uses(30_000, 40_000), tonnageCoveredKg: 60_000, labs: ['甲检测所'], checkSignals: [[partial, noCma], [noCma]] });
    expect(found.map((s) => s.code)).toEqual(['tonnage-exceeded', 'no-cma']);
    expect(found[0]!.zh).toBe('同一报告已累计使用70.00吨，超过报告覆盖的60.00吨');
    expect(archiveSignals({ uses: uses(30_000), tonnageCoveredKg: null, labs: [], checkSignals: [] })).toEqual([]);
  });

  it('distinct drops blanks and keeps first-seen order', () => {
    expect(distinct(['b', null, 'a', '', ' ', 'b', undefined])).toEqual(['b', 'a']);
  });
});
