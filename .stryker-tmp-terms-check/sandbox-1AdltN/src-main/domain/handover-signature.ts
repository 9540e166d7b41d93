/**
 * Signed handover records (移交单): the checkpoint signs what it hands over, the disposal point
 * verifies it against the checkpoint's registered Ed25519 public key before importing.
 *
 * Signed bytes = canonical JSON of { v, record, contentHash }. Canonical JSON (sorted keys, no
 * whitespace, integers only) makes the hash independent of property order, so the same record
 * hashes the same on both sides. Two carriers hold the same envelope:
 *   - QR text:   `CCHO1:` + base64url(JSON envelope)   — printed on the handover form;
 *   - file text: pretty JSON with a format tag            — when the QR would be too large.
 */
// @ts-nocheck

import { createHash, generateKeyPairSync, sign, verify, createPublicKey, createPrivateKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** Deterministic JSON: keys sorted by code point, no whitespace; undefined properties dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // Floats print differently across languages; every quantity here is an integer (kg, fen).
    if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON takes safe integers only: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`not JSON-serialisable: ${typeof value}`);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const handoverSchema = z.strictObject({
  id: z.string().min(1),
  formNo: z.string().min(1),
  checkpointId: z.string().min(1),
  checkpointName: z.string().min(1),
  disposalPointId: z.string().min(1),
  handedOverAt: z.string().min(1),
  cases: z
    .array(
      z.strictObject({
        caseId: z.string().min(1),
        decisionNo: z.string().min(1),
        legalStatus: z.enum(['seized', 'confiscated', 'early-disposal']),
        items: z.array(z.strictObject({ coalKind: z.string().min(1), quantityKg: z.number().int().positive() })).min(1),
      }),
    )
    .min(1),
});

export type HandoverRecord = z.infer<typeof handoverSchema>;

const envelopeSchema = z.strictObject({
  v: z.literal(1),
  record: handoverSchema,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

type Envelope = z.infer<typeof envelopeSchema>;

export const QR_PREFIX = 'CCHO1:';
export const FILE_FORMAT = 'coal-checkpoint-handover';
/** Byte-mode capacity of a version-40 QR at level M is 2331; stay well below for phone cameras. */
export const MAX_QR_PAYLOAD_CHARS = 1800;

export function handoverContentHash(record: HandoverRecord): string {
  return sha256Hex(canonicalJson(record));
}

export interface CheckpointKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export function generateCheckpointKeyPair(): CheckpointKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const signedBytes = (record: HandoverRecord, contentHash: string) => Buffer.from(canonicalJson({ v: 1, record, contentHash }), 'utf8');

function signEnvelope(record: HandoverRecord, privateKey: KeyObject | string): Envelope {
  const parsed = handoverSchema.parse(record);
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const contentHash = handoverContentHash(parsed);
  const signature = sign(null, signedBytes(parsed, contentHash), key).toString('base64url');
  return { v: 1, record: parsed, contentHash, signature };
}

export interface SignedHandover {
  contentHash: string;
  /** Null when the envelope is too large for a QR code: print a reference to the file instead. */
  qrText: string | null;
  fileText: string;
}

export function signHandover(record: HandoverRecord, privateKey: KeyObject | string): SignedHandover {
  const envelope = signEnvelope(record, privateKey);
  const qr = QR_PREFIX + Buffer.from(canonicalJson(envelope), 'utf8').toString('base64url');
  return {
    contentHash: envelope.contentHash,
    qrText: qr.length <= MAX_QR_PAYLOAD_CHARS ? qr : null,
    fileText: `${JSON.stringify({ format: FILE_FORMAT, ...envelope }, null, 2)}\n`,
  };
}

export type VerifyRefusal = 'malformed' | 'unknown-checkpoint' | 'hash-mismatch' | 'bad-signature' | 'duplicate';

export type VerifyResult =
  | { ok: true; record: HandoverRecord; contentHash: string }
  | { ok: false; reason: VerifyRefusal; zh: string; en: string };

export interface VerifyContext {
  /** Registered public key (PEM or KeyObject) of a checkpoint, undefined when not registered. */
  publicKeyOf(checkpointId: string): KeyObject | string | undefined;
  /** Ids of handovers already imported. */
  alreadyImported(id: string): boolean;
}

function refuse(reason: VerifyRefusal, zh: string, en: string): VerifyResult {
  return { ok: false, reason, zh, en };
}

/** Accepts either carrier (QR text or file text). */
export function verifyHandover(text: string, ctx: VerifyContext): VerifyResult {
  let raw: unknown;
  try {
    const trimmed = text.trim();
    if (trimmed.startsWith(QR_PREFIX)) {
      raw = JSON.parse(Buffer.from(trimmed.slice(QR_PREFIX.length), 'base64url').toString('utf8'));
    } else {
      const file = JSON.parse(trimmed) as Record<string, unknown>;
      if (file.format !== FILE_FORMAT) return refuse('malformed', '不是移交单签名文件', 'not a handover file');
      const { format: _format, ...rest } = file;
      raw = rest;
    }
  } catch {
    return refuse('malformed', '移交单数据无法解析', 'the handover data cannot be parsed');
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) return refuse('malformed', '移交单数据格式不正确', `malformed handover data: ${parsed.error.issues[0]?.message ?? ''}`);
  const { record, contentHash, signature } = parsed.data;

  if (handoverContentHash(record) !== contentHash) {
    return refuse('hash-mismatch', '移交单内容与哈希不符，数据已被改动', 'content does not match its hash: the data was altered');
  }
  const registered = ctx.publicKeyOf(record.checkpointId);
  if (registered === undefined) {
    return refuse('unknown-checkpoint', `检查站${record.checkpointId}未登记公钥`, `no public key registered for checkpoint ${record.checkpointId}`);
  }
  let valid = false;
  try {
    const key = typeof registered === 'string' ? createPublicKey(registered) : registered;
    valid = verify(null, signedBytes(record, contentHash), key, Buffer.from(signature, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) {
    return refuse('bad-signature', '签名验证失败：数据被改动或不是该检查站签发', 'signature invalid: altered, or not signed by this checkpoint');
  }
  // Checked last, so a forged copy of an imported id is reported as forged, not as a duplicate.
  if (ctx.alreadyImported(record.id)) {
    return refuse('duplicate', `移交单${record.formNo}已导入，不能重复导入`, `handover ${record.formNo} was already imported`);
  }
  return { ok: true, record, contentHash };
}
