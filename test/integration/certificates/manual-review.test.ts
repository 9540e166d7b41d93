/**
 * 人工核验 end to end: a truck checked against a standard that is not loaded is proposed for review, never
 * released; an officer records the decision with a reason (once, audited); the decision is the outcome the
 * ledger, the reports and the case candidates see. Administrators are warned of each empty grade until a
 * table fills it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CertificateReport, InputOf } from '../../../src-shared/contract/index.ts';
import { shippedLimits, type LimitsTable } from '../../../src-shared/domain/certificate/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

const briquetteReport: CertificateReport = {
  reportNumber: 'JC-2026-1128-31', lab: '某某检测有限公司', cmaNumber: '201712345678', sampleOrigin: 'lab',
  sampledOn: '2026-11-20', reportedOn: '2026-11-22', coalRank: 'anthracite',
  results: [
    { item: 'M', basis: 'ad', value: 1.2, unit: '%' }, { item: 'Mt', basis: 'ar', value: 6, unit: '%' },
    { item: 'A', basis: 'd', value: 30, unit: '%' }, { item: 'St', basis: 'd', value: 1.5, unit: '%' },
  ],
};

function briquette(seed: number): InputOf<'registrations.create'> {
  return {
    ...validRegistration(seed), coalKind: 'clean-briquette', intendedUse: 'civil', destinationInHebei: true, hasContract: true,
    hasReport: true, reportNumber: briquetteReport.reportNumber,
  };
}

/** The shipped table with GB 34170 型煤1号 ash and sulfur filled in (values for the test only, marked unverified). */
function filledTable(version: string): LimitsTable {
  return {
    ...shippedLimits, version,
    rows: shippedLimits.rows.map((r) => (r.grade === '型煤1号' && (r.item === 'A' || r.item === 'St') ? { ...r, limit: r.item === 'A' ? 25 : 1 } : r)),
  };
}

let f: Fixture;
let kiosk: string;
let officer: string;
beforeEach(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
  officer = await f.tokenFor('officer');
});
afterEach(() => f.app.close());

async function reviewCase(seed: number) {
  const reg = await f.call('registrations.create', briquette(seed), kiosk);
  const stored = await f.call('certificates.check', { registrationId: reg.id, report: briquetteReport }, kiosk);
  return { reg, stored };
}

describe('a civil briquette checked against the empty GB 34170 table', () => {
  it('is stored as incomplete, proposed for 人工核验, and read back so', async () => {
    const { reg, stored } = await reviewCase(1);
    expect(stored).toMatchObject({ outcome: 'review', review: null, result: { verdict: 'incomplete', outcome: 'review', standardNotLoaded: true } });
    const back = await f.call('certificates.forRegistration', { registrationId: reg.id }, kiosk);
    expect(back.current?.result.notLoaded.find((n) => n.grade === '型煤1号')?.core).toEqual(['A', 'St']);
    expect(back.current?.result.items.filter((i) => i.grade === '型煤1号' && i.limit === null)).toHaveLength(5);
    expect(f.app.db.prepare('SELECT outcome, verdict FROM certificate_checks').get()).toEqual({ outcome: 'review', verdict: 'incomplete' });
  });

  it('an officer records the decision with a reason, once; it is audited and becomes the outcome', async () => {
    const { reg, stored } = await reviewCase(2);
    const input = { checkId: stored.id, outcome: 'sample' as const, reason: '型煤标准限值未载入，抽样送检' };
    for (const token of [kiosk, f.adminToken, await f.tokenFor('disposal')]) {
      const refused = await f.raw('certificates.review', input, token);
      expect(!refused.ok && refused.error.code).toBe('forbidden');
    }
    const noReason = await f.raw('certificates.review', { ...input, reason: ' ' }, officer);
    expect(!noReason.ok && noReason.error.issues?.[0]).toMatchObject({ path: 'reason', key: 'validation.required' });
    const stillReview = await f.raw('certificates.review', { ...input, outcome: 'review' }, officer);
    expect(!stillReview.ok && stillReview.error.issues?.[0]).toMatchObject({ path: 'outcome' });
    expect(f.count('certificate_reviews')).toBe(0);

    const decided = await f.call('certificates.review', input, officer);
    expect(decided).toMatchObject({ outcome: 'sample', result: { outcome: 'review' }, review: { outcome: 'sample', reason: input.reason, by: 'officer1' } });
    const back = await f.call('certificates.forRegistration', { registrationId: reg.id }, kiosk);
    expect(back.current).toMatchObject({ outcome: 'sample', review: { outcome: 'sample', reason: input.reason } });

    const again = await f.raw('certificates.review', { ...input, outcome: 'release' }, await f.tokenFor('supervisor'));
    expect(!again.ok && again.error.key).toBe('certificates.reviewExists');
    expect(f.count('certificate_reviews')).toBe(1);
    const audit = f.app.db.prepare("SELECT * FROM audit_log WHERE action = 'certificates.review'").get() as { actor_name: string; before_json: string; after_json: string };
    expect(audit.actor_name).toBe('officer1');
    expect(JSON.parse(audit.before_json)).toEqual({ checkId: stored.id, outcome: 'review' });
    expect(JSON.parse(audit.after_json)).toMatchObject({ check_id: stored.id, outcome: 'sample', reason: input.reason });
    expect((await f.call('audit.verify', {}, f.adminToken)).ok).toBe(true);
  });

  it('a check that is not awaiting review cannot be "reviewed"', async () => {
    const reg = await f.call('registrations.create', { ...validRegistration(3), coalKind: 'anthracite-lump', intendedUse: 'civil', destinationInHebei: true }, kiosk);
    const stored = await f.call('certificates.check', { registrationId: reg.id, report: null }, kiosk);
    expect(stored.outcome).toBe('seize');
    const refused = await f.raw('certificates.review', { checkId: stored.id, outcome: 'release', reason: '司机称报告在途' }, officer);
    expect(!refused.ok && refused.error.key).toBe('certificates.notForReview');
    const missing = await f.raw('certificates.review', { checkId: 999, outcome: 'release', reason: 'x' }, officer);
    expect(!missing.ok && missing.error.key).toBe('certificates.checkNotFound');
    // A supervisor's override decides a review check too; after it there is nothing left to review.
    const { stored: pending } = await reviewCase(4);
    await f.call('certificates.override', { checkId: pending.id, outcome: 'turn-back', reason: '主管决定劝返' }, await f.tokenFor('supervisor'));
    const late = await f.raw('certificates.review', { checkId: pending.id, outcome: 'release', reason: 'x' }, officer);
    expect(!late.ok && late.error.key).toBe('certificates.notForReview');
    expect(f.count('certificate_reviews')).toBe(0);
  });

  it('reports count trucks awaiting review until decided; a seizure decision makes the truck a case candidate', async () => {
    const supervisor = await f.tokenFor('supervisor');
    const period = { from: '2026-11-28', to: '2026-11-28' };
    const checks = [await reviewCase(5), await reviewCase(6), await reviewCase(7)].map((c) => c.stored);
    const before = (await f.call('reports.dashboard', period, supervisor)).certificates;
    expect(before).toMatchObject({ checkedTrucks: 3, awaitingReview: 3, released: 0, seized: 0 });
    expect((await f.call('reports.records', { ...period, filter: { outcome: 'review' } }, supervisor)).rows).toHaveLength(3);

    await f.call('certificates.review', { checkId: checks[0]!.id, outcome: 'seize', reason: '现场查验煤质明显低劣' }, officer);
    await f.call('certificates.review', { checkId: checks[1]!.id, outcome: 'release', reason: '补交型煤1号合格报告，经核实' }, officer);
    const after = (await f.call('reports.dashboard', period, supervisor)).certificates;
    expect(after).toMatchObject({ awaitingReview: 1, released: 1, seized: 1 });
    const candidates = await f.call('cases.candidates', {}, officer);
    expect(candidates.map((c) => c.registrationId)).toEqual([checks[0]!.registrationId]);
  });
});

describe('limits.emptyGrades: the standing warning', () => {
  it('names every grade of the active policy without ash or sulfur limits, until an import fills it', async () => {
    const names = async () => (await f.call('limits.emptyGrades', {}, f.adminToken)).map((g) => `${g.standard} ${g.grade}`);
    expect(await names()).toEqual(['GB 34170 型煤1号', 'GB 34170 蜂窝煤1号', 'DB13/2081 非发电用煤']);
    const forbidden = await f.raw('limits.emptyGrades', {}, kiosk);
    expect(!forbidden.ok && forbidden.error.code).toBe('forbidden');

    await f.call('limits.import', { content: JSON.stringify(filledTable('limits-test-1')), effectiveFrom: '2026-11-28' }, f.adminToken);
    expect(await names()).toEqual(['GB 34170 蜂窝煤1号', 'DB13/2081 非发电用煤']);
    // The truck is now judged on the loaded (unverified) limits: failing only those, it is sampled, not seized.
    const { stored } = await reviewCase(8);
    expect(stored).toMatchObject({ outcome: 'sample', result: { verdict: 'fail', standardNotLoaded: false, onlyUnverifiedFailures: true } });
  });
});
