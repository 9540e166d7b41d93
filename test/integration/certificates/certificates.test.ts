import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CertificateReport, InputOf } from '../../../src-shared/contract/index.ts';
import { shippedLimits, type LimitsTable } from '../../../src-shared/domain/certificate/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { cliBundle } from '../../support/bundles.ts';

const goodResults: CertificateReport['results'] = [
  { item: 'M', basis: 'ad', value: 1.2, unit: '%' },
  { item: 'Mt', basis: 'ar', value: 6, unit: '%' },
  { item: 'A', basis: 'ad', value: 11.5, unit: '%' },
  { item: 'V', basis: 'ad', value: 8.4, unit: '%' },
  { item: 'St', basis: 'ad', value: 0.35, unit: '%' },
];

function report(overrides: Partial<CertificateReport> = {}): CertificateReport {
  return {
    reportNumber: 'JC-2026-1128-07', lab: '某某检测有限公司', cmaNumber: '201712345678', sampleOrigin: 'lab',
    sampledOn: '2026-11-20', reportedOn: '2026-11-22', coalRank: 'anthracite', results: goodResults, ...overrides,
  };
}

/** A civil anthracite truck bound for Hebei, so the 京津冀 and GB 34169 limits apply. */
function registration(seed: number, overrides: Partial<InputOf<'registrations.create'>> = {}): InputOf<'registrations.create'> {
  return {
    ...validRegistration(seed), coalKind: 'anthracite-lump', intendedUse: 'civil', destinationInHebei: true, hasContract: true,
    hasReport: true, reportNumber: 'JC-2026-1128-07', ...overrides,
  };
}

/** The shipped table with the 京津冀 ash limit lowered to 10 %, under a new version. */
function stricterTable(version: string): LimitsTable {
  return {
    ...shippedLimits,
    version,
    rows: shippedLimits.rows.map((r) => (r.grade === '京津冀及周边地区散煤' && r.item === 'A' ? { ...r, limit: 10 } : r)),
  };
}

let f: Fixture;
let kiosk: string;
beforeEach(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
});
afterEach(() => f.app.close());

async function registered(seed: number, overrides: Partial<InputOf<'registrations.create'>> = {}) {
  return f.call('registrations.create', registration(seed, overrides), kiosk);
}

describe('certificates.check', () => {
  it('stores the verdict with the policy and limits versions, audited', async () => {
    const reg = await registered(1);
    const stored = await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk);
    expect(stored.result.verdict).toBe('pass');
    expect(stored.outcome).toBe('release');
    expect(stored.result.versions).toEqual({ policy: 'chengde-2020.2', limits: shippedLimits.version });
    const row = f.app.db.prepare('SELECT * FROM certificate_checks').get() as Record<string, unknown>;
    expect(row).toMatchObject({ registration_id: reg.id, report_number: 'JC-2026-1128-07', verdict: 'pass', outcome: 'release', limits_version: shippedLimits.version });
    const all = await f.call('certificates.forRegistration', { registrationId: reg.id }, kiosk);
    expect(all.current?.id).toBe(stored.id);
    expect((await f.call('audit.verify', {}, f.adminToken)).ok).toBe(true);
  });

  it('a truck without a report gets the policy outcome for a missing report, stored', async () => {
    const reg = await registered(2, { hasReport: false, reportNumber: undefined });
    const stored = await f.call('certificates.check', { registrationId: reg.id, report: null }, kiosk);
    expect(stored.outcome).toBe('seize');
    expect(stored.report).toBeNull();
    expect(stored.result.missing[0]?.item).toBe('report');
    expect(f.count('certificate_checks')).toBe(1);
  });

  it('a failing report is stored with the failed items as reasons', async () => {
    const reg = await registered(3);
    const bad = goodResults.map((r) => (r.item === 'A' ? { ...r, value: 25 } : r));
    const stored = await f.call('certificates.check', { registrationId: reg.id, report: report({ results: bad }) }, kiosk);
    expect(stored.outcome).toBe('seize');
    expect(stored.result.items.filter((i) => i.ok === false).map((i) => `${i.grade} ${i.item},${i.basis}`)).toContain('京津冀及周边地区散煤 A,d');
    expect(stored.result.reasons.map((r) => r.zh).join('\n')).toContain('A,d = 25.30 %');
  });

  it('refuses bad input and stores nothing', async () => {
    const reg = await registered(4);
    const auditBefore = f.count('audit_log');
    const wrongUnit = await f.raw('certificates.check', { registrationId: reg.id, report: report({ results: [{ item: 'Qnet', basis: 'ar', value: 26, unit: '%' }] }) }, kiosk);
    expect(wrongUnit.ok).toBe(false);
    if (!wrongUnit.ok) expect(wrongUnit.error).toMatchObject({ code: 'invalid-input', key: 'certificates.invalidReport' });
    const badDate = await f.raw('certificates.check', { registrationId: reg.id, report: report({ sampledOn: '2026-02-30' }) }, kiosk);
    expect(badDate.ok).toBe(false);
    const noSuchRegistration = await f.raw('certificates.check', { registrationId: 999, report: report() }, kiosk);
    expect(noSuchRegistration.ok).toBe(false);
    expect(f.count('certificate_checks')).toBe(0);
    expect(f.count('audit_log')).toBe(auditBefore);
  });

  it('raises tonnage-exceeded and origin-mismatch from earlier uses of the same report number', async () => {
    const first = await registered(5, { origin: '陕西府谷' });
    const second = await registered(6, { origin: '山西大同' });
    const covering = report({ tonnageCoveredKg: first.netKg + 1000 });
    const firstCheck = await f.call('certificates.check', { registrationId: first.id, report: covering }, kiosk);
    const secondCheck = await f.call('certificates.check', { registrationId: second.id, report: covering }, kiosk);
    expect(firstCheck.result.signals.map((s) => s.code)).toEqual([]);
    expect(secondCheck.result.signals.map((s) => s.code).sort()).toEqual(['origin-mismatch', 'tonnage-exceeded']);
    expect(secondCheck.outcome).toBe('sample');
    // Re-checking the first truck does not count the later one.
    const again = await f.call('certificates.check', { registrationId: first.id, report: covering }, kiosk);
    expect(again.result.signals).toEqual([]);
  });

  it('an officer may check; a disposal-site user may not', async () => {
    const reg = await registered(7);
    const officer = await f.tokenFor('officer');
    expect((await f.raw('certificates.check', { registrationId: reg.id, report: report() }, officer)).ok).toBe(true);
    const disposal = await f.tokenFor('disposal');
    const refused = await f.raw('certificates.check', { registrationId: reg.id, report: report() }, disposal);
    expect(!refused.ok && refused.error.code).toBe('forbidden');
  });
});

describe('certificates.preview', () => {
  it('returns the verdict for form values without storing anything', async () => {
    const truck = { coalKind: 'anthracite-lump', intendedUse: 'civil', destinationInHebei: true, hasContract: true, origin: '陕西府谷', netKg: 32000 } as const;
    const bad = goodResults.map((r) => (r.item === 'St' ? { ...r, value: 2 } : r));
    const result = await f.call('certificates.preview', { truck, report: report({ results: bad }) }, kiosk);
    expect(result.verdict).toBe('fail');
    expect(result.provisional).toBe(true);
    expect(f.count('certificate_checks')).toBe(0);
  });
});

describe('limits imports', () => {
  it('future checks use an imported table; verdicts stored before are never rewritten', async () => {
    const reg = await registered(8);
    const before = await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk);
    expect(before.result.verdict).toBe('pass');

    const content = JSON.stringify(stricterTable('limits-2026.2'));
    const preview = await f.call('limits.preview', { content }, f.adminToken);
    expect(preview.activeVersion).toBe(shippedLimits.version);
    expect(preview.diff.changed.map((c) => c.after.limit)).toEqual([10]);
    expect(f.count('limits_imports')).toBe(0);

    await f.call('limits.import', { content, effectiveFrom: '2026-11-28' }, f.adminToken);
    const after = await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk);
    expect(after.result.verdict).toBe('fail');
    expect(after.result.versions.limits).toBe('limits-2026.2');

    const all = await f.call('certificates.forRegistration', { registrationId: reg.id }, kiosk);
    expect(all.checks[0]).toMatchObject({ id: before.id, outcome: 'release' });
    expect(all.checks[0]?.result.verdict).toBe('pass');
    expect(all.checks[0]?.result.versions.limits).toBe(shippedLimits.version);
    expect(all.current?.id).toBe(after.id);
    expect((await f.call('audit.verify', {}, f.adminToken)).ok).toBe(true);
  });

  it('a table effective later is not used before its date', async () => {
    await f.call('limits.import', { content: JSON.stringify(stricterTable('limits-2027.1')), effectiveFrom: '2027-01-01' }, f.adminToken);
    const reg = await registered(9);
    const stored = await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk);
    expect(stored.result.versions.limits).toBe(shippedLimits.version);
    const versions = await f.call('limits.list', {}, f.adminToken);
    expect(versions.map((v) => [v.version, v.active])).toEqual([[shippedLimits.version, true], ['limits-2027.1', false]]);
  });

  it('only an admin imports; a malformed table or a reused version is refused', async () => {
    const content = JSON.stringify(stricterTable('limits-x'));
    const supervisor = await f.tokenFor('supervisor');
    expect((await f.raw('limits.import', { content, effectiveFrom: '2026-11-28' }, supervisor)).ok).toBe(false);
    const broken = await f.raw('limits.import', { content: '{"version":"v","rows":[{"item":"A"}]}', effectiveFrom: '2026-11-28' }, f.adminToken);
    expect(!broken.ok && broken.error.key).toBe('certificates.invalidFile');
    const shippedAgain = await f.raw('limits.import', { content: JSON.stringify(shippedLimits), effectiveFrom: '2026-11-28' }, f.adminToken);
    expect(!shippedAgain.ok && shippedAgain.error.code).toBe('conflict');
    expect(f.count('limits_imports')).toBe(0);
  });
});

describe('policies', () => {
  it('activating the Fuping policy turns back a truck without a report from then on', async () => {
    const reg = await registered(10, { hasReport: false, reportNumber: undefined });
    expect((await f.call('certificates.check', { registrationId: reg.id, report: null }, kiosk)).outcome).toBe('seize');
    await f.call('policies.activate', { policyId: 'fuping-2020', effectiveFrom: '2026-11-28' }, f.adminToken);
    const list = await f.call('policies.list', {}, kiosk);
    expect(list.find((p) => p.active)?.id).toBe('fuping-2020');
    expect((await f.call('certificates.check', { registrationId: reg.id, report: null }, kiosk)).outcome).toBe('turn-back');
  });
});

describe('certificates.override', () => {
  it('needs a supervisor and a reason; the check itself is unchanged and the override audited', async () => {
    const reg = await registered(11);
    const stored = await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk);
    const input = { checkId: stored.id, outcome: 'sample' as const, reason: '车厢煤质与报告明显不符' };
    for (const role of ['kiosk', 'officer', 'admin'] as const) {
      const refused = await f.raw('certificates.override', input, role === 'admin' ? f.adminToken : await f.tokenFor(role));
      expect(!refused.ok && refused.error.code).toBe('forbidden');
    }
    const supervisor = await f.tokenFor('supervisor');
    const noReason = await f.raw('certificates.override', { ...input, reason: '  ' }, supervisor);
    expect(!noReason.ok && noReason.error.issues?.[0]).toMatchObject({ path: 'reason', key: 'validation.required' });
    expect(f.count('certificate_overrides')).toBe(0);

    const overridden = await f.call('certificates.override', input, supervisor);
    expect(overridden.outcome).toBe('sample');
    expect(overridden.result.outcome).toBe('release');
    expect(overridden.overrides[0]).toMatchObject({ reason: '车厢煤质与报告明显不符', by: 'supervisor1' });
    const audit = f.app.db.prepare("SELECT * FROM audit_log WHERE action = 'certificates.override'").get() as { actor_name: string; after_json: string };
    expect(audit.actor_name).toBe('supervisor1');
    expect(audit.after_json).toContain('车厢煤质与报告明显不符');
    expect((await f.call('audit.verify', {}, f.adminToken)).ok).toBe(true);
  });
});

describe('follow-up samples', () => {
  it('a sample result sets the follow-up status and leaves the original report check alone', async () => {
    const reg = await registered(12);
    const officer = await f.tokenFor('officer');
    const stored = await f.call('certificates.check', { registrationId: reg.id, report: report({ sampleOrigin: 'client' }) }, officer);
    const sample = await f.call('certificates.recordSample', { registrationId: reg.id, sampleNumber: 'CY-20261128-01', lab: '河北省煤炭产品质量监督检验站' }, officer);
    expect(sample.checkId).toBe(stored.id);
    expect((await f.call('certificates.forRegistration', { registrationId: reg.id }, officer)).followUp).toBe('awaiting-result');

    const failing = goodResults.map((r) => (r.item === 'A' ? { ...r, value: 20 } : r));
    const withResult = await f.call('certificates.recordSampleResult', { sampleId: sample.id, reportNumber: 'JY-2026-0099', results: failing }, officer);
    expect(withResult.result?.verdict).toBe('fail');
    const all = await f.call('certificates.forRegistration', { registrationId: reg.id }, officer);
    expect(all.followUp).toBe('failed');
    expect(all.checks).toHaveLength(1);
    expect(all.current?.report?.results).toEqual(goodResults);
    expect(all.current?.outcome).toBe(stored.outcome);

    const again = await f.raw('certificates.recordSampleResult', { sampleId: sample.id, reportNumber: 'JY-2026-0100', results: goodResults }, officer);
    expect(!again.ok && again.error.code).toBe('conflict');
  });
});

describe('recognised labs', () => {
  it('once a list is kept, a report from a lab not on it raises lab-not-recognised', async () => {
    const reg = await registered(13);
    expect((await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk)).result.signals).toEqual([]);
    const lab = await f.call('labs.add', { name: '河北省煤炭产品质量监督检验站', cmaNumber: '201812000001' }, f.adminToken);
    expect((await f.raw('labs.add', { name: '河北省煤炭产品质量监督检验站' }, f.adminToken)).ok).toBe(false);
    expect((await f.raw('labs.add', { name: '某实验室' }, kiosk)).ok).toBe(false);
    const check = await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk);
    expect(check.result.signals.map((s) => s.code)).toEqual(['lab-not-recognised']);
    await f.call('labs.remove', { id: lab.id }, f.adminToken);
    expect(await f.call('labs.list', {}, kiosk)).toEqual([]);
  });
});

describe('attachments', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  it('stores each content once by its sha256 next to the database and lists it per registration', async () => {
    const a = await registered(14);
    const b = await registered(15);
    const input = { registrationId: a.id, fileName: 'report.png', mime: 'image/png' as const, contentBase64: png.toString('base64') };
    const first = await f.call('attachments.add', input, kiosk);
    const again = await f.call('attachments.add', input, kiosk);
    const onOther = await f.call('attachments.add', { ...input, registrationId: b.id }, kiosk);
    expect(again.id).toBe(first.id);
    expect(onOther.id).not.toBe(first.id);
    expect(onOther.sha256).toBe(first.sha256);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dir = path.join(path.dirname(f.dbPath), 'attachments');
    expect(fs.readdirSync(dir)).toEqual([first.sha256]);
    expect(fs.readFileSync(path.join(dir, first.sha256)).equals(png)).toBe(true);
    expect((await f.call('attachments.list', { registrationId: a.id }, kiosk)).map((x) => x.id)).toEqual([first.id]);
    expect(f.count('attachments')).toBe(2);
  });

  it('refuses content that does not match its type, and files over 10 MB', async () => {
    const reg = await registered(16);
    const mislabelled = await f.raw('attachments.add', { registrationId: reg.id, fileName: 'x.pdf', mime: 'application/pdf', contentBase64: png.toString('base64') }, kiosk);
    expect(!mislabelled.ok && mislabelled.error.key).toBe('certificates.attachmentType');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    png.copy(big);
    const tooBig = await f.raw('attachments.add', { registrationId: reg.id, fileName: 'x.png', mime: 'image/png', contentBase64: big.toString('base64') }, kiosk);
    expect(!tooBig.ok && tooBig.error.code).toBe('invalid-input');
    expect(f.count('attachments')).toBe(0);
  });
});

describe('checkpoint certificate recheck', () => {
  it('counts the verdicts a new table would change without changing any', async () => {
    await f.call('certificates.check', { registrationId: (await registered(200)).id, report: report() }, kiosk);
    await f.call('certificates.check', { registrationId: (await registered(201, { hasReport: false, reportNumber: undefined })).id, report: null }, kiosk);
    const file = path.join(path.dirname(f.dbPath), 'stricter.json');
    fs.writeFileSync(file, JSON.stringify(stricterTable('limits-2026.9')));
    const run = spawnSync(process.execPath, [cliBundle, 'certificate', 'recheck', '--limits', file, '--db', f.dbPath, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ limitsVersion: 'limits-2026.9', checked: 2, changed: 1 });
    expect(summary.changes[0]).toMatchObject({ before: { outcome: 'release', verdict: 'pass' }, after: { outcome: 'seize', verdict: 'fail' } });
    expect(f.app.db.prepare("SELECT verdict FROM certificate_checks ORDER BY id").all()).toEqual([{ verdict: 'pass' }, { verdict: 'incomplete' }]);
  });
});
