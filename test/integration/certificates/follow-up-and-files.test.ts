import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CertificateReport } from '../../../src-shared/contract/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

let f: Fixture;
let kiosk: string;
beforeEach(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
});

const results: CertificateReport['results'] = [
  { item: 'A', basis: 'ad', value: 11.5, unit: '%' },
  { item: 'St', basis: 'ad', value: 0.35, unit: '%' },
];
const policyFile = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../data/policies', name), 'utf8');

describe('follow-up samples', () => {
  it('are recorded by the enforcement group only; refused input stores nothing', async () => {
    const reg = await f.call('registrations.create', validRegistration(1), kiosk);
    const officer = await f.tokenFor('officer');
    const disposal = await f.tokenFor('disposal');
    const input = { registrationId: reg.id, sampleNumber: 'CY-01', lab: '河北省煤炭产品质量监督检验站' };
    const before = [f.count('follow_up_samples'), f.count('audit_log')];
    for (const token of [kiosk, disposal]) {
      const r = await f.raw('certificates.recordSample', input, token);
      expect(!r.ok && r.error.code).toBe('forbidden');
    }
    const blank = await f.raw('certificates.recordSample', { ...input, sampleNumber: '  ' }, officer);
    expect(!blank.ok && blank.error.issues?.map((i) => i.path)).toEqual(['sampleNumber']);
    const missing = await f.raw('certificates.recordSample', { ...input, registrationId: reg.id + 99 }, officer);
    expect(!missing.ok && missing.error.code).toBe('not-found');
    expect([f.count('follow_up_samples'), f.count('audit_log')]).toEqual(before);

    const sample = await f.call('certificates.recordSample', input, officer);
    const dup = await f.raw('certificates.recordSample', input, officer);
    expect(!dup.ok && dup.error.key).toBe('certificates.sampleExists');
    const noResults = await f.raw('certificates.recordSampleResult', { sampleId: sample.id, reportNumber: 'JY-1', results: [] }, officer);
    expect(!noResults.ok && noResults.error.code).toBe('invalid-input');
    const byKiosk = await f.raw('certificates.recordSampleResult', { sampleId: sample.id, reportNumber: 'JY-1', results }, kiosk);
    expect(!byKiosk.ok && byKiosk.error.code).toBe('forbidden');
    expect((await f.call('certificates.forRegistration', { registrationId: reg.id }, kiosk)).followUp).toBe('awaiting-result');
  });
});

describe('attachments.get', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);
  async function attached() {
    const reg = await f.call('registrations.create', validRegistration(2), kiosk);
    return f.call('attachments.add', { registrationId: reg.id, fileName: '报告.png', mime: 'image/png', contentBase64: png.toString('base64') }, kiosk);
  }

  it('gives the stored content with its type to the viewer roles', async () => {
    const a = await attached();
    const officer = await f.tokenFor('officer');
    const got = await f.call('attachments.get', { id: a.id }, officer);
    expect(got).toMatchObject({ id: a.id, fileName: '报告.png', mime: 'image/png', sha256: a.sha256 });
    expect(Buffer.from(got.contentBase64, 'base64').equals(png)).toBe(true);
    const r = await f.raw('attachments.get', { id: a.id }, await f.tokenFor('disposal'));
    expect(!r.ok && r.error.code).toBe('forbidden');
    const unknown = await f.raw('attachments.get', { id: a.id + 1 }, kiosk);
    expect(!unknown.ok && unknown.error.key).toBe('certificates.attachmentNotFound');
  });

  it('reports a file altered or lost on disk instead of showing it', async () => {
    const a = await attached();
    const file = path.join(path.dirname(f.dbPath), 'attachments', a.sha256);
    fs.writeFileSync(file, Buffer.concat([png, Buffer.from([0])]));
    const altered = await f.raw('attachments.get', { id: a.id }, kiosk);
    expect(!altered.ok && altered.error.key).toBe('certificates.attachmentCorrupt');
    fs.rmSync(file);
    const lost = await f.raw('attachments.get', { id: a.id }, kiosk);
    expect(!lost.ok && lost.error.key).toBe('certificates.attachmentFileMissing');
  });
});

describe('policy files', () => {
  it('previews what a file applies without activating it, then activates it from the chosen date', async () => {
    const content = policyFile('fuping-2020.json');
    const preview = await f.call('policies.preview', { content }, f.adminToken);
    expect(preview).toMatchObject({ id: 'fuping-2020', activeVersion: expect.stringMatching(/^chengde-2020/), gaps: [] });
    expect(preview.applicability.length).toBeGreaterThan(0);
    expect(preview.applicability.flatMap((r) => r.check.map((c) => c.standard))).toContain('GB 34169');
    expect(f.count('policy_activations')).toBe(0);

    await f.call('policies.activate', { content, effectiveFrom: '2026-11-28' }, f.adminToken);
    expect((await f.call('policies.list', {}, kiosk)).find((p) => p.active)?.version).toBe(preview.version);
  });

  it('refuses a broken file, a known version with other rules, and non-administrators, storing nothing', async () => {
    const fuping = JSON.parse(policyFile('fuping-2020.json')) as { maxReportAgeDays: number };
    const altered = JSON.stringify({ ...fuping, maxReportAgeDays: fuping.maxReportAgeDays + 5 });
    const broken = await f.raw('policies.preview', { content: '{"id":"x"}' }, f.adminToken);
    expect(!broken.ok && broken.error.key).toBe('certificates.invalidFile');
    for (const method of ['policies.preview', 'policies.activate']) {
      const r = await f.raw(method, { content: altered, ...(method === 'policies.activate' ? { effectiveFrom: '2026-11-28' } : {}) }, f.adminToken);
      expect(!r.ok && r.error.key).toBe('certificates.versionExists');
    }
    const bySupervisor = await f.raw('policies.preview', { content: policyFile('fuping-2020.json') }, await f.tokenFor('supervisor'));
    expect(!bySupervisor.ok && bySupervisor.error.code).toBe('forbidden');
    expect(f.count('policy_activations')).toBe(0);
  });
});
