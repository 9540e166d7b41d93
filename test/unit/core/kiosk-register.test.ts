import { beforeEach, describe, expect, it } from 'vitest';
import type { CertificateReport } from '../../../src-shared/contract/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

let f: Fixture;
let kiosk: string;
beforeEach(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
});

/** A lab-sampled anthracite report from the day before arrival (the fixture's clock: 2026-11-28 16:00 Beijing). */
function report(n: number, results: CertificateReport['results']): CertificateReport {
  return {
    reportNumber: `R-${n}`, lab: '河北省煤炭产品质量监督检验站', cmaNumber: '201612345678', sampleOrigin: 'lab',
    sampledOn: '2026-11-26', reportedOn: '2026-11-27', coalRank: 'anthracite', results,
  };
}
const PASSING: CertificateReport['results'] = [
  { item: 'Mt', basis: 'ar', value: 5, unit: '%' }, { item: 'M', basis: 'ad', value: 1, unit: '%' },
  { item: 'A', basis: 'ad', value: 10, unit: '%' }, { item: 'V', basis: 'ad', value: 7, unit: '%' },
  { item: 'St', basis: 'ad', value: 0.3, unit: '%' }, { item: 'Qnet', basis: 'ar', value: 27, unit: 'MJ/kg' },
];
// Over the national floor of 商品煤质量管理暂行办法 (A,d ≤ 40 %, St,d ≤ 3 %) whatever else applies.
const FAILING = PASSING.map((r) => (r.item === 'St' ? { ...r, value: 3.5 } : r.item === 'A' ? { ...r, value: 45 } : r));
const INCOMPLETE = PASSING.filter((r) => r.item !== 'St');
// 散煤 for civil use within the area: the truck the seed's "no report → seize" clause is about (附件6 三(二)2).
const LOOSE_CIVIL_FOR_HEBEI = { coalKind: 'anthracite-lump', intendedUse: 'civil', destination: '承德市双桥区', destinationInHebei: true } as const;

describe('the kiosk save stores the registration and its check together', () => {
  it('gives every truck of a sequence its check: pass, fail, incomplete and no report, read back from the ledger', async () => {
    const cases = [
      { report: report(1, PASSING), verdict: 'pass' },
      { report: report(2, FAILING), verdict: 'fail' },
      { report: report(3, INCOMPLETE), verdict: 'incomplete' },
      { report: null, verdict: 'incomplete' },
    ] as const;
    for (const [i, c] of cases.entries()) {
      const saved = await f.call('registrations.register', { registration: { ...validRegistration(10 + i), ...LOOSE_CIVIL_FOR_HEBEI, hasReport: false }, report: c.report }, kiosk);
      expect(saved.check.result.verdict).toBe(c.verdict);
      expect(saved.registration.hasReport).toBe(c.report !== null);
      expect(saved.registration.reportNumber).toBe(c.report?.reportNumber ?? null);
    }
    const page = await f.call('registrations.search', { pageSize: 10 }, kiosk);
    const stored = page.rows.reverse().map((r) => r.check?.verdict);
    expect(stored).toEqual(cases.map((c) => c.verdict));
    // The policy decides the outcome: a failing report is a seizure, as is loose civil coal without one (Chengde 2020).
    expect(page.rows[1]!.check?.outcome).toBe('seize');
    expect(page.rows[3]!.check?.outcome).toBe('seize');
  });

  it('stores nothing when the report is refused, and nothing when the registration is refused', async () => {
    const before = f.count('registrations');
    const badReport = await f.raw('registrations.register', { registration: validRegistration(1), report: { ...report(1, PASSING), lab: '' } }, kiosk);
    expect(badReport.ok ? [] : badReport.error.issues?.map((i) => i.path)).toEqual(['report.lab']);
    const saidReportButNone = await f.raw('registrations.register', { registration: { ...validRegistration(2), hasReport: true }, report: null }, kiosk);
    expect(saidReportButNone.ok).toBe(false);
    expect(f.count('registrations')).toBe(before);
    expect(f.count('certificate_checks')).toBe(0);
  });

  it('names each missing field in Chinese instead of a type error', async () => {
    const r = await f.raw('registrations.register', { registration: { plateColor: 'yellow' }, report: null }, kiosk);
    const messages = r.ok ? [] : r.error.issues?.map((i) => i.message) ?? [];
    expect(messages).toContain('请填写牵引车号牌');
    expect(messages).toContain('请填写毛重');
    expect(messages).toContain('请填写驾驶员姓名');
    expect(messages.join()).not.toContain('数据类型错误');
  });
});

describe('plausibility, on the server', () => {
  it.each([
    ['gross below the minimum', { grossKg: 2_999, tareKg: 2_000 }, 'grossKg', '毛重 2999 kg 低于 3000 kg'],
    ['tare below the range', { grossKg: 40_000, tareKg: 1_999 }, 'tareKg', '皮重应在 2000–50000 kg 之间'],
    ['tare above the range', { grossKg: 90_000, tareKg: 50_001 }, 'tareKg', '皮重应在 2000–50000 kg 之间'],
    ['decimal kilograms (refused, not rounded)', { grossKg: 40_000.5 }, 'grossKg', '重量须为整数千克'],
  ])('refuses %s, named on its field', async (_, change, path, text) => {
    const r = await f.raw('registrations.create', { ...validRegistration(1), ...change }, kiosk);
    const issue = r.ok ? undefined : r.error.issues?.find((i) => i.path === path);
    expect(issue?.message).toContain(text);
    expect(f.count('registrations')).toBe(0);
  });

  it('follows the configured minimum gross', async () => {
    await f.call('settings.update', { minGrossKg: 45_000 }, f.adminToken);
    const r = await f.raw('registrations.create', { ...validRegistration(1), grossKg: 44_000, tareKg: 15_000 }, kiosk);
    expect(r.ok ? null : r.error.issues?.[0]?.path).toBe('grossKg');
  });

  it('asks before registering the same plate again within the window (tractor or trailer), then saves when confirmed', async () => {
    const first = { ...validRegistration(1), hasReport: false, plate: '冀A12345', trailerPlate: '冀B6789挂' };
    await f.call('registrations.register', { registration: first, report: null }, kiosk);
    // Four minutes on: inside the 30-minute window, and before the kiosk's 5-minute screen lock.
    f.clock.now = new Date(f.clock.now.getTime() + 4 * 60_000);
    const asTrailer = { ...validRegistration(2), hasReport: false, plate: '冀C11111', trailerPlate: '冀B6789挂' };
    const r = await f.raw('registrations.register', { registration: asTrailer, report: null }, kiosk);
    expect(r.ok ? null : [r.error.key, r.error.issues?.[0]?.path]).toEqual(['kiosk.plateRepeated', 'trailerPlate']);
    expect(r.ok ? '' : r.error.message).toContain('CD-20261128-0001');
    const confirmed = await f.call('registrations.register', { registration: asTrailer, report: null, confirmRepeatedPlate: true }, kiosk);
    expect(confirmed.registration.recordNumber).toBe('CD-20261128-0002');
    // Outside the window (30 minutes by default) no question is asked.
    f.clock.now = new Date(f.clock.now.getTime() + 31 * 60_000);
    // (`call` unlocks the screen first, as the operator would after half an hour.)
    const again = await f.call('registrations.register', { registration: { ...first, trailerPlate: undefined }, report: null }, kiosk);
    expect(again.registration.recordNumber).toBe('CD-20261128-0003');
  });
});
