import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  generateCheckpointKeyPair,
  handoverContentHash,
  QR_PREFIX,
  signHandover,
  verifyHandover,
  type HandoverRecord,
  type VerifyContext,
} from '../../../src-main/signing/handover-signature.ts';
import { signConfiscationNotice, verifyConfiscationNotice, type ConfiscationNotice } from '../../../src-main/signing/confiscation-notice.ts';

const keys = generateCheckpointKeyPair();
const otherKeys = generateCheckpointKeyPair();

const record: HandoverRecord = {
  id: 'ho-2026-0007',
  formNo: '冀承市监移〔2026〕第0007号',
  checkpointId: 'cp-g101',
  checkpointName: 'G101国道冀蒙界煤质检查站',
  disposalPointId: 'dp-chengde-1',
  handedOverAt: '2026-03-06T02:00:00Z',
  cases: [{ caseId: 'case-2026-0007', decisionNo: '冀承市监强〔2026〕第0007号', legalStatus: 'seized', items: [{ coalKind: '劣质散煤', quantityKg: 31_240 }] }],
};

function context(imported: string[] = [], publicKey = keys.publicKeyPem): VerifyContext {
  return {
    publicKeyOf: (id) => (id === 'cp-g101' ? publicKey : undefined),
    alreadyImported: (id) => imported.includes(id),
  };
}

/** Decodes a QR payload, lets the test change it, and encodes it again (without re-signing). */
function tamperQr(qr: string, change: (envelope: { record: HandoverRecord; contentHash: string; signature: string }) => void): string {
  const envelope = JSON.parse(Buffer.from(qr.slice(QR_PREFIX.length), 'base64url').toString('utf8'));
  change(envelope);
  return QR_PREFIX + Buffer.from(JSON.stringify(envelope)).toString('base64url');
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 'x' }], c: undefined } })).toBe('{"a":{"d":[2,{"e":"x","f":1}]},"b":1}');
  });
  it('refuses floats so every side hashes the same digits', () => {
    expect(() => canonicalJson({ t: 31.24 })).toThrow(TypeError);
  });
  it('the content hash does not depend on property order', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as HandoverRecord;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(record));
    expect(handoverContentHash(reordered)).toBe(handoverContentHash(record));
  });
});

describe('signed handover', () => {
  const signed = signHandover(record, keys.privateKeyPem);

  it('round-trips through the QR text and the signed file', () => {
    expect(signed.qrText?.startsWith(QR_PREFIX)).toBe(true);
    for (const text of [signed.qrText!, signed.fileText]) {
      const r = verifyHandover(text, context());
      expect(r).toEqual({ ok: true, record, contentHash: signed.contentHash });
    }
  });

  it('refuses an altered quantity (hash no longer matches)', () => {
    const altered = tamperQr(signed.qrText!, (e) => {
      e.record.cases[0]!.items[0]!.quantityKg = 21_240;
    });
    expect(verifyHandover(altered, context())).toMatchObject({ ok: false, reason: 'hash-mismatch' });
  });

  it('refuses an altered record whose hash was recomputed (signature no longer matches)', () => {
    const altered = tamperQr(signed.qrText!, (e) => {
      e.record.cases[0]!.items[0]!.coalKind = '优质块煤';
      e.contentHash = handoverContentHash(e.record);
    });
    expect(verifyHandover(altered, context())).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a record signed with another key', () => {
    const forged = signHandover(record, otherKeys.privateKeyPem);
    expect(verifyHandover(forged.qrText!, context())).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyHandover(signed.qrText!, context([], otherKeys.publicKeyPem))).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a duplicate import (replay)', () => {
    const r = verifyHandover(signed.qrText!, context([record.id]));
    expect(r).toMatchObject({ ok: false, reason: 'duplicate' });
    if (!r.ok) expect(r.zh).toContain('已导入');
  });

  it('refuses unknown checkpoints and malformed input', () => {
    const other = signHandover({ ...record, checkpointId: 'cp-unknown' }, keys.privateKeyPem);
    expect(verifyHandover(other.qrText!, context())).toMatchObject({ ok: false, reason: 'unknown-checkpoint' });
    for (const bad of ['', 'hello', `${QR_PREFIX}!!!`, `${QR_PREFIX}${Buffer.from('{"v":2}').toString('base64url')}`, '{"format":"other"}']) {
      expect(verifyHandover(bad, context())).toMatchObject({ ok: false, reason: 'malformed' });
    }
    const extraField = tamperQr(signed.qrText!, (e) => Object.assign(e.record, { note: 'x' }));
    expect(verifyHandover(extraField, context())).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('falls back to the signed file when the QR would be too large', () => {
    const cases = Array.from({ length: 40 }, (_, i) => ({ ...record.cases[0]!, caseId: `case-${i}`, decisionNo: `冀承市监强〔2026〕第${String(i).padStart(4, '0')}号` }));
    const big = signHandover({ ...record, cases }, keys.privateKeyPem);
    expect(big.qrText).toBeNull();
    expect(verifyHandover(big.fileText, context())).toMatchObject({ ok: true });
  });
});

describe('confiscation notices travel in the same signed envelope (行政强制法 art.27)', () => {
  const notice: ConfiscationNotice = {
    id: 'cn-1', checkpointId: 'cp-g101', checkpointName: 'G101国道冀蒙界煤质检查站', disposalPointId: 'dp-chengde-1', issuedAt: '2026-03-20T02:00:00Z',
    caseId: 'case-2026-0007', seizureDecisionNo: '冀承市监强〔2026〕第0007号', handoverFormNo: '冀承市监移〔2026〕第0007号',
    penaltyDecisionNo: '冀承市监罚〔2026〕12号', penaltyDecisionDate: '2026-03-19',
  };

  it('verifies from QR text and file, once, and refuses a changed penalty decision', () => {
    const signed = signConfiscationNotice(notice, keys.privateKeyPem);
    expect(signed.qrText).toMatch(/^CCCN1:/);
    expect(verifyConfiscationNotice(signed.qrText!, context())).toMatchObject({ ok: true, record: notice });
    expect(verifyConfiscationNotice(signed.fileText, context())).toMatchObject({ ok: true, record: notice });
    expect(verifyConfiscationNotice(signed.fileText, context(['cn-1']))).toMatchObject({ ok: false, reason: 'duplicate', zh: '没收通知冀承市监罚〔2026〕12号已导入，不能重复导入' });
    const file = JSON.parse(signed.fileText) as { record: ConfiscationNotice };
    file.record.penaltyDecisionNo = '冀承市监罚〔2026〕99号';
    expect(verifyConfiscationNotice(JSON.stringify(file), context())).toMatchObject({ ok: false, reason: 'hash-mismatch' });
    expect(verifyConfiscationNotice(signed.qrText!, context([], otherKeys.publicKeyPem))).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(() => signConfiscationNotice({ ...notice, penaltyDecisionDate: '2026-02-30' }, keys.privateKeyPem)).toThrow();
  });

  it('a notice is not a handover and a handover is not a notice', () => {
    const n = signConfiscationNotice(notice, keys.privateKeyPem);
    const h = signHandover(record, keys.privateKeyPem);
    expect(verifyHandover(n.qrText!, context())).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyHandover(n.fileText, context())).toMatchObject({ ok: false, reason: 'malformed', zh: '不是移交单签名文件' });
    expect(verifyConfiscationNotice(h.qrText!, context())).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyConfiscationNotice(h.fileText, context())).toMatchObject({ ok: false, reason: 'malformed', zh: '不是没收通知签名文件' });
  });

  it('a handover of confiscated coal carries its penalty decision under the signature', () => {
    const confiscated: HandoverRecord = { ...record, cases: [{ ...record.cases[0]!, legalStatus: 'confiscated', penaltyDecisionNo: '冀承市监罚〔2026〕12号', penaltyDecisionDate: '2026-03-05' }] };
    const signed = signHandover(confiscated, keys.privateKeyPem);
    const file = JSON.parse(signed.fileText) as { record: HandoverRecord };
    expect(verifyHandover(signed.fileText, context())).toMatchObject({ ok: true, record: confiscated });
    file.record.cases[0]!.penaltyDecisionDate = '2026-03-06';
    expect(verifyHandover(JSON.stringify(file), context())).toMatchObject({ ok: false, reason: 'hash-mismatch' });
  });
});
