/**
 * Signed handover records (移交单): the checkpoint signs what it hands over, the disposal point
 * verifies it against the checkpoint's registered Ed25519 public key before importing.
 *
 * The same envelope carries the confiscation notice (没收通知, see confiscation-notice.ts): a carrier
 * names the record's schema, its QR prefix and its file format, so neither can pass for the other.
 *
 * Signed bytes = canonical JSON of { v, record, contentHash }. Canonical JSON (sorted keys, no
 * whitespace, integers only) makes the hash independent of property order, so the same record
 * hashes the same on both sides. Two carriers hold the same envelope:
 *   - QR text:   `CCHO1:` + base64url(JSON envelope)   — printed on the handover form;
 *   - file text: pretty JSON with a format tag            — when the QR would be too large.
 */
import { createHash, generateKeyPairSync, sign, verify, createPublicKey, createPrivateKey, type KeyObject } from 'node:crypto';
import { handoverSchema, type HandoverRecord } from '../../src-shared/domain/signed-records.ts';
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

export type { HandoverRecord };

/** What a signed record travels as: its schema, QR prefix, file format and name on the paper. */
export interface Carrier<T> {
  schema: z.ZodType<T>;
  qrPrefix: string;
  fileFormat: string;
  /** 移交单, 没收通知…: used in refusals. */
  nameZh: string;
  nameEn: string;
  /** The record's unique id (refused when imported twice) and printed number. */
  idOf(record: T): string;
  numberOf(record: T): string;
  checkpointOf(record: T): string;
}

export const QR_PREFIX = 'CCHO1:';
export const FILE_FORMAT = 'coal-checkpoint-handover';
/** Byte-mode capacity of a version-40 QR at level M is 2331; stay well below for phone cameras. */
export const MAX_QR_PAYLOAD_CHARS = 1800;

export const HANDOVER_CARRIER: Carrier<HandoverRecord> = {
  schema: handoverSchema, qrPrefix: QR_PREFIX, fileFormat: FILE_FORMAT, nameZh: '移交单', nameEn: 'handover',
  idOf: (r) => r.id, numberOf: (r) => r.formNo, checkpointOf: (r) => r.checkpointId,
};

export function recordContentHash(record: unknown): string {
  return sha256Hex(canonicalJson(record));
}

export const handoverContentHash = (record: HandoverRecord): string => recordContentHash(record);

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

const signedBytes = (record: unknown, contentHash: string) => Buffer.from(canonicalJson({ v: 1, record, contentHash }), 'utf8');

const envelopeOf = <T>(carrier: Carrier<T>) =>
  z.strictObject({
    v: z.literal(1),
    record: carrier.schema,
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    signature: z.string().regex(/^[A-Za-z0-9_-]+$/),
  });

export interface SignedHandover {
  contentHash: string;
  /** Null when the envelope is too large for a QR code: print a reference to the file instead. */
  qrText: string | null;
  fileText: string;
}

export function signRecord<T>(carrier: Carrier<T>, record: T, privateKey: KeyObject | string): SignedHandover {
  const parsed = carrier.schema.parse(record);
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const contentHash = recordContentHash(parsed);
  const signature = sign(null, signedBytes(parsed, contentHash), key).toString('base64url');
  const envelope = { v: 1, record: parsed, contentHash, signature };
  const qr = carrier.qrPrefix + Buffer.from(canonicalJson(envelope), 'utf8').toString('base64url');
  return {
    contentHash,
    qrText: qr.length <= MAX_QR_PAYLOAD_CHARS ? qr : null,
    fileText: `${JSON.stringify({ format: carrier.fileFormat, ...envelope }, null, 2)}\n`,
  };
}

export const signHandover = (record: HandoverRecord, privateKey: KeyObject | string): SignedHandover => signRecord(HANDOVER_CARRIER, record, privateKey);

export type VerifyRefusal = 'malformed' | 'unknown-checkpoint' | 'hash-mismatch' | 'bad-signature' | 'duplicate';

export type VerifyResult<T = HandoverRecord> =
  | { ok: true; record: T; contentHash: string }
  | { ok: false; reason: VerifyRefusal; zh: string; en: string };

export interface VerifyContext {
  /** Registered public key (PEM or KeyObject) of a checkpoint, undefined when not registered. */
  publicKeyOf(checkpointId: string): KeyObject | string | undefined;
  /** Ids of records of this kind already imported. */
  alreadyImported(id: string): boolean;
}

function refuse(reason: VerifyRefusal, zh: string, en: string): { ok: false; reason: VerifyRefusal; zh: string; en: string } {
  return { ok: false, reason, zh, en };
}

/** Accepts either carrier text (QR text or file text) of the given kind. */
export function verifyRecord<T>(carrier: Carrier<T>, text: string, ctx: VerifyContext): VerifyResult<T> {
  const { nameZh, nameEn } = carrier;
  let raw: unknown;
  try {
    const trimmed = text.trim();
    if (trimmed.startsWith(carrier.qrPrefix)) {
      raw = JSON.parse(Buffer.from(trimmed.slice(carrier.qrPrefix.length), 'base64url').toString('utf8'));
    } else {
      const file = JSON.parse(trimmed) as Record<string, unknown>;
      if (file.format !== carrier.fileFormat) return refuse('malformed', `不是${nameZh}签名文件`, `not a ${nameEn} file`);
      const { format: _format, ...rest } = file;
      raw = rest;
    }
  } catch {
    return refuse('malformed', `${nameZh}数据无法解析`, `the ${nameEn} data cannot be parsed`);
  }
  const parsed = envelopeOf(carrier).safeParse(raw);
  if (!parsed.success) return refuse('malformed', `${nameZh}数据格式不正确`, `malformed ${nameEn} data: ${parsed.error.issues[0]?.message ?? ''}`);
  const { contentHash, signature } = parsed.data;
  const record = parsed.data.record as T;

  if (recordContentHash(record) !== contentHash) {
    return refuse('hash-mismatch', `${nameZh}内容与哈希不符，数据已被改动`, 'content does not match its hash: the data was altered');
  }
  const checkpointId = carrier.checkpointOf(record);
  const registered = ctx.publicKeyOf(checkpointId);
  if (registered === undefined) {
    return refuse('unknown-checkpoint', `检查站${checkpointId}未登记公钥`, `no public key registered for checkpoint ${checkpointId}`);
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
  if (ctx.alreadyImported(carrier.idOf(record))) {
    return refuse('duplicate', `${nameZh}${carrier.numberOf(record)}已导入，不能重复导入`, `${nameEn} ${carrier.numberOf(record)} was already imported`);
  }
  return { ok: true, record, contentHash };
}

export const verifyHandover = (text: string, ctx: VerifyContext): VerifyResult<HandoverRecord> => verifyRecord(HANDOVER_CARRIER, text, ctx);
