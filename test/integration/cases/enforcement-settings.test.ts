import { generateKeyPairSync } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';
import { generateCheckpointKeyPair, signHandover } from '../../../src-main/signing/handover-signature.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});

const settings = { agencyName: '承德市市场监督管理局', reviewGovernment: '承德市人民政府', court: '承德市双桥区人民法院' };
const ed25519Pem = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('document settings', () => {
  it('keeps the patterns not sent and refuses a bad pattern without changing anything', async () => {
    const saved = await f.call('documentSettings.update', { ...settings, numberPatterns: { 'seizure-decision': '冀承强〔{year}〕{seq:3}号' } }, f.adminToken);
    expect(saved.numberPatterns['seizure-decision']).toBe('冀承强〔{year}〕{seq:3}号');
    expect(saved.numberPatterns['handover-form']).toContain('{seq:4}');
    const audits = f.count('audit_log');

    const noYear = await f.raw('documentSettings.update', { ...settings, court: '别的法院', numberPatterns: { 'release-decision': '解〔{seq}〕号' } }, f.adminToken);
    expect(!noYear.ok && noYear.error.code).toBe('invalid-input');
    expect(!noYear.ok && noYear.error.message).toContain('release-decision');
    const blank = await f.raw('documentSettings.update', { ...settings, court: ' ' }, f.adminToken);
    expect(!blank.ok && blank.error.issues?.map((i) => i.path)).toEqual(['court']);
    expect(await f.call('documentSettings.get', {}, f.adminToken)).toEqual(saved);
    expect(f.count('audit_log')).toBe(audits);
  });

  it('is changed by administrators only', async () => {
    const supervisor = await f.tokenFor('supervisor');
    const r = await f.raw('documentSettings.update', settings, supervisor);
    expect(!r.ok && r.error.code).toBe('forbidden');
    expect((await f.call('documentSettings.get', {}, supervisor)).agencyName).not.toBe(settings.agencyName);
  });
});

describe('checkpoint keys', () => {
  it('registers another checkpoint\'s Ed25519 key and lists it', async () => {
    const pem = ed25519Pem();
    await f.call('checkpointKey.trust', { checkpointId: 'FP01', name: '阜平检查站', publicKeyPem: pem }, f.adminToken);
    expect(await f.call('checkpointKey.trusted', {}, f.adminToken)).toEqual([
      { checkpointId: 'FP01', name: '阜平检查站', publicKeyPem: pem.trim(), registeredAt: '2026-11-28T08:00:00.000Z' },
    ]);
  });

  it('refuses text that is not an Ed25519 public key, and stores nothing', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const garbled = '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----';
    for (const publicKeyPem of [rsa, garbled]) {
      const r = await f.raw('checkpointKey.trust', { checkpointId: 'FP01', name: '阜平检查站', publicKeyPem }, f.adminToken);
      expect(!r.ok && r.error.issues?.map((i) => i.path)).toEqual(['publicKeyPem']);
    }
    expect(f.count('trusted_checkpoints')).toBe(0);
  });

  it('shows and trusts keys for administrators only', async () => {
    const own = await f.call('checkpointKey.get', {}, f.adminToken);
    expect(own).toMatchObject({ checkpointId: 'CD01', publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
    const disposal = await f.tokenFor('disposal');
    for (const [method, input] of [
      ['checkpointKey.get', {}], ['checkpointKey.trusted', {}],
      ['checkpointKey.trust', { checkpointId: 'FP01', name: '阜平检查站', publicKeyPem: ed25519Pem() }],
    ] as const) {
      const r = await f.raw(method, input, disposal);
      expect(!r.ok && r.error.code).toBe('forbidden');
    }
    expect(f.count('trusted_checkpoints')).toBe(0);
  });
});

describe('removing a trusted checkpoint key', () => {
  /** A handover signed by checkpoint FP01 for point CDX01, as FP01 would hand it over. */
  const signedByFp01 = (privateKeyPem: string, id: string) => signHandover({
    id, formNo: `阜移〔2026〕${id}号`, checkpointId: 'FP01', checkpointName: '阜平检查站', disposalPointId: 'CDX01', handedOverAt: '2026-11-28T07:30:00.000Z',
    cases: [{ caseId: `FP-${id}`, decisionNo: `阜强〔2026〕${id}号`, legalStatus: 'confiscated', items: [{ coalKind: '劣质散煤', quantityKg: 20_000 }] }],
  }, privateKeyPem).qrText!;

  it('refuses handovers signed by that checkpoint afterwards, and audits the removal', async () => {
    await f.call('disposalPoints.create', { code: 'CDX01', name: '承德县处置点', address: '承德县下板城镇' }, f.adminToken);
    const disposal = await f.tokenFor('disposal');
    const fp01 = generateCheckpointKeyPair();
    await f.call('checkpointKey.trust', { checkpointId: 'FP01', name: '阜平检查站', publicKeyPem: fp01.publicKeyPem }, f.adminToken);
    expect((await f.raw('handovers.import', { text: signedByFp01(fp01.privateKeyPem, '1') }, disposal)).ok).toBe(true);

    const audits = f.count('audit_log');
    expect(await f.call('checkpointKey.untrust', { checkpointId: 'FP01' }, f.adminToken)).toEqual({ checkpointId: 'FP01' });
    expect(await f.call('checkpointKey.trusted', {}, f.adminToken)).toEqual([]);
    expect(f.count('audit_log')).toBe(audits + 1);
    const audit = f.app.db.prepare("SELECT entity_id AS entityId FROM audit_log WHERE action = 'checkpointKey.untrust'").get();
    expect(audit).toEqual({ entityId: 'FP01' });

    const refused = await f.raw('handovers.import', { text: signedByFp01(fp01.privateKeyPem, '2') }, disposal);
    expect(!refused.ok && refused.error.message).toContain('未登记公钥');
    expect(f.count('handovers')).toBe(1);
  });

  it('refuses this checkpoint\'s own id, an unknown id and non-admins, changing nothing', async () => {
    await f.call('checkpointKey.trust', { checkpointId: 'FP01', name: '阜平检查站', publicKeyPem: ed25519Pem() }, f.adminToken);
    const own = await f.call('checkpointKey.get', {}, f.adminToken);
    const supervisorToken = await f.tokenFor('supervisor');
    const audits = f.count('audit_log');
    const ownRefused = await f.raw('checkpointKey.untrust', { checkpointId: own.checkpointId }, f.adminToken);
    expect(!ownRefused.ok && ownRefused.error).toMatchObject({ code: 'conflict', key: 'cases.errors.untrustOwnKey' });
    expect(!ownRefused.ok && ownRefused.error.message).toContain('本站自己的代码');
    const unknown = await f.raw('checkpointKey.untrust', { checkpointId: 'ZZ99' }, f.adminToken);
    expect(!unknown.ok && unknown.error.code).toBe('not-found');
    const supervisor = await f.raw('checkpointKey.untrust', { checkpointId: 'FP01' }, supervisorToken);
    expect(!supervisor.ok && supervisor.error.code).toBe('forbidden');
    expect(f.count('trusted_checkpoints')).toBe(1);
    expect(f.count('audit_log')).toBe(audits);
  });
});

describe('disposal points', () => {
  it('are added by administrators with a unique code', async () => {
    await f.call('disposalPoints.create', { code: 'CDX01', name: '承德县处置点', address: '承德县下板城镇' }, f.adminToken);
    const dup = await f.raw('disposalPoints.create', { code: 'CDX01', name: '另一处', address: '某地' }, f.adminToken);
    expect(!dup.ok && dup.error.code).toBe('conflict');
    const officer = await f.tokenFor('officer');
    const r = await f.raw('disposalPoints.create', { code: 'CDX02', name: '另一处', address: '某地' }, officer);
    expect(!r.ok && r.error.code).toBe('forbidden');
    expect((await f.call('disposalPoints.list', {}, officer)).map((p) => p.code)).toEqual(['CDX01']);
  });
});
