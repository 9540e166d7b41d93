// @ts-nocheck
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
} from '../../../src-main/domain/handover-signature.ts';

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
