/**
 * Second-generation ID-card reader, SAM_V protocol (GA 467):
 *   request  AA AA AA 96 69 | LEN_H LEN_L | CMD PARA [DATA] | CHK
 *   response AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 [DATA] | CHK
 * LEN is big-endian and counts everything after it including CHK; CHK = XOR of LEN_H..last data byte.
 */
import type { IdCardText } from '../../src-shared/devices/id-card-text.ts';
import { xorBytes } from './checksum.ts';
import { scan, type Attempt } from './framing.ts';
import { checkIdNumber, normalizeIdNumber } from '../../src-shared/domain/id-number.ts';
import { nationName } from './nations.ts';

const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
const HEADER_LENGTH = 7;
/** Largest reply: text + photo + fingerprint is 2321 bytes in total. */
const MAX_LEN = 2400;
export const TEXT_LENGTH = 256;
export const PHOTO_LENGTH = 1024;

export const samStatus = {
  success: 0x90,
  findOk: 0x9f,
  noContent: 0x91,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  readFailed: 0x41,
  findFailed: 0x80,
  selectFailed: 0x81,
} as const;

export const samCommands = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
} as const satisfies Record<string, readonly [number, number]>;

/** Frames a body (CMD PARA DATA for requests, SW1 SW2 SW3 DATA for responses). */
export function encodeSamFrame(body: Uint8Array): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(body.length + 1);
  const checked = Buffer.concat([len, body]);
  return Buffer.concat([PREAMBLE, checked, Buffer.from([xorBytes(checked)])]);
}

export const buildSamRequest = (cmd: number, para: number, data: Uint8Array = Buffer.alloc(0)) =>
  encodeSamFrame(Buffer.concat([Buffer.from([cmd, para]), data]));
export const findCardRequest = () => buildSamRequest(...samCommands.findCard);
export const selectCardRequest = () => buildSamRequest(...samCommands.selectCard);
export const readTextRequest = () => buildSamRequest(...samCommands.readText);

export const encodeSamResponse = (sw3: number, data: Uint8Array = Buffer.alloc(0)) =>
  encodeSamFrame(Buffer.concat([Buffer.from([0x00, 0x00, sw3]), data]));

/** A checksum-valid SAM frame; body is everything between LEN and CHK. */
export interface SamFrame {
  body: Buffer;
  raw: Buffer;
}

/** Pulls SAM frames out of a byte stream (either direction), dropping one byte at a time on any failure. */
export function parseSamFrames(pending: Buffer, bytes: Uint8Array): { frames: SamFrame[]; pending: Buffer } {
  const r = scan<SamFrame>(
    pending,
    bytes,
    (buf, at): Attempt<SamFrame> => {
      for (let k = 0; k < PREAMBLE.length && at + k < buf.length; k++) {
        if (buf[at + k] !== PREAMBLE[k]) return { kind: 'invalid' };
      }
      if (buf.length - at < HEADER_LENGTH) return { kind: 'need-more' };
      const len = buf.readUInt16BE(at + 5);
      if (len < 2 || len > MAX_LEN) return { kind: 'invalid' };
      const total = len + HEADER_LENGTH;
      if (buf.length - at < total) return { kind: 'need-more' };
      if (xorBytes(buf, at + 5, at + total - 1) !== buf[at + total - 1]) return { kind: 'invalid' };
      const raw = Buffer.from(buf.subarray(at, at + total));
      return { kind: 'frame', length: total, frame: { body: raw.subarray(HEADER_LENGTH, total - 1), raw } };
    },
    MAX_LEN + HEADER_LENGTH,
  );
  return { frames: r.frames, pending: r.pending };
}

export interface SamResponse {
  sw3: number;
  data: Buffer;
}

export function asSamResponse(frame: SamFrame): SamResponse | undefined {
  if (frame.body.length < 3) return undefined;
  return { sw3: frame.body[2] ?? 0, data: frame.body.subarray(3) };
}

export function asSamRequest(frame: SamFrame): { cmd: number; para: number; data: Buffer } | undefined {
  if (frame.body.length < 2) return undefined;
  return { cmd: frame.body[0] ?? 0, para: frame.body[1] ?? 0, data: frame.body.subarray(2) };
}

export type { CardType, IdCardText } from '../../src-shared/devices/id-card-text.ts';

/** Field widths in bytes, in order (sum 256): reference §2.6. */
const LAYOUT = [
  ['name', 30],
  ['sex', 2],
  ['nation', 4],
  ['birth', 16],
  ['address', 70],
  ['idNumber', 36],
  ['issuer', 30],
  ['validFrom', 16],
  ['validTo', 16],
  ['reserved', 36],
] as const;
type FieldName = (typeof LAYOUT)[number][0];

const sexes: Record<string, IdCardText['sex']> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };

/** 'YYYYMMDD' → 'YYYY-MM-DD'; anything else is returned trimmed so nothing is silently invented. */
function isoDate(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : s;
}

function splitFields(text: Buffer): Record<FieldName, string> {
  const out = {} as Record<FieldName, string>;
  let offset = 0;
  for (const [name, width] of LAYOUT) {
    // Decoding UCS-2 on an odd slice would misalign; widths are all even.
    out[name] = text.toString('utf16le', offset, offset + width).replace(/[\s\u0000]+$/u, '').trim();
    offset += width;
  }
  return out;
}

/**
 * Decodes the 256-byte UCS-2LE text block. Never throws; a short block is zero-padded. `today` (YYYY-MM-DD,
 * Beijing) judges the number by the same rule as the registration form.
 */
export function parseIdCardText(block: Buffer, today: string): IdCardText {
  const text = block.length >= TEXT_LENGTH ? block.subarray(0, TEXT_LENGTH) : Buffer.concat([block, Buffer.alloc(TEXT_LENGTH - block.length)]);
  const f = splitFields(text);
  const typeChar = text.toString('latin1', 248, 249);
  const idNumber = normalizeIdNumber(f.idNumber);
  return {
    name: f.name,
    sexCode: f.sex,
    sex: sexes[f.sex] ?? '未知',
    nationCode: f.nation,
    nation: nationName(f.nation),
    birthDate: isoDate(f.birth),
    address: f.address,
    idNumber,
    idNumberValid: checkIdNumber(idNumber, today).ok,
    issuer: f.issuer,
    validFrom: isoDate(f.validFrom),
    validTo: f.validTo === '长期' ? '长期' : isoDate(f.validTo),
    cardType: typeChar === 'J' ? 'hk-mo-tw-residence' : typeChar === 'I' ? 'foreign-permanent-residence' : 'resident',
  };
}

/** Card content as a simulator or test writes it (dates 'YYYY-MM-DD'). */
export interface IdCardInput {
  name: string;
  sexCode: string;
  nationCode: string;
  birthDate: string;
  address: string;
  idNumber: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

export function encodeIdCardText(card: IdCardInput): Buffer {
  const compact = (d: string) => d.replaceAll('-', '');
  const values: Record<FieldName, string> = {
    name: card.name,
    sex: card.sexCode,
    nation: card.nationCode,
    birth: compact(card.birthDate),
    address: card.address,
    idNumber: card.idNumber,
    issuer: card.issuer,
    validFrom: compact(card.validFrom),
    validTo: card.validTo === '长期' ? '长期' : compact(card.validTo),
    reserved: '',
  };
  return Buffer.concat(
    LAYOUT.map(([name, width]) => {
      const field = Buffer.from(values[name].padEnd(width / 2, ' '), 'utf16le');
      return field.subarray(0, width);
    }),
  );
}

export interface ReadTextReply {
  text: IdCardText;
  /** Proprietary WLT-compressed photo; decode with a PhotoDecoder. */
  photo: Buffer;
}

/** Read (30 01) reply data: text length, photo length (both BE), text, photo. */
export function parseReadTextReply(data: Buffer, today: string): ReadTextReply | undefined {
  if (data.length < 4) return undefined;
  const textLength = data.readUInt16BE(0);
  const photoLength = data.readUInt16BE(2);
  if (textLength < TEXT_LENGTH || data.length < 4 + textLength + photoLength) return undefined;
  return {
    text: parseIdCardText(data.subarray(4, 4 + textLength), today),
    photo: Buffer.from(data.subarray(4 + textLength, 4 + textLength + photoLength)),
  };
}

export function encodeReadTextReply(card: IdCardInput, photo: Buffer = Buffer.alloc(PHOTO_LENGTH)): Buffer {
  const lengths = Buffer.alloc(4);
  lengths.writeUInt16BE(TEXT_LENGTH, 0);
  lengths.writeUInt16BE(photo.length, 2);
  return encodeSamResponse(samStatus.success, Buffer.concat([lengths, encodeIdCardText(card), photo]));
}

/**
 * Extension point for the WLT photo: decoding needs a vendor library (wltrs.dll / libwlt2bmp) that cannot ship
 * here; an implementation returns a 102×126 BMP.
 */
export interface PhotoDecoder {
  decode(wlt: Buffer): Promise<Buffer>;
}
