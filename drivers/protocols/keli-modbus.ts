/**
 * Keli D2008FA Modbus-RTU polling: read holding registers (function 03) from 0x0001, count 4; the 8 data bytes
 * are sign, six ASCII digits and the ASCII decimal-place digit. CRC16/Modbus, low byte first.
 */
import { crc16Modbus } from './checksum.ts';
import { emptyScanState, frameAttempt, plainReading, scan, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { readSignedDigits, signedDigitsKg, writeSignedDigits } from './signed-digits.ts';
import { divisionOf } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol } from './types.ts';

const READ_HOLDING = 0x03;
const REPLY_LENGTH = 13;
const REQUEST_LENGTH = 8;
const EXCEPTION_LENGTH = 5;

function withCrc(body: Buffer): Buffer {
  const crc = crc16Modbus(body);
  return Buffer.concat([body, Buffer.from([crc & 0xff, crc >> 8])]);
}

function crcOk(buf: Buffer, at: number, length: number): boolean {
  const crc = crc16Modbus(buf, at, at + length - 2);
  return buf[at + length - 2] === (crc & 0xff) && buf[at + length - 1] === crc >> 8;
}

const isSlave = (b: number | undefined) => b !== undefined && b >= 1 && b <= 247;

export function buildModbusReadRequest(slave = 1, register = 0x0001, count = 4): Buffer {
  const body = Buffer.alloc(6);
  body[0] = slave;
  body[1] = READ_HOLDING;
  body.writeUInt16BE(register, 2);
  body.writeUInt16BE(count, 4);
  return withCrc(body);
}

export function encodeModbusReply(input: EncodeInput, slave = 1): Buffer {
  return withCrc(Buffer.concat([Buffer.from([slave, READ_HOLDING, 8]), writeSignedDigits(input)]));
}

export interface ModbusReadRequest {
  slave: number;
  register: number;
  count: number;
}

/** Simulator side: pulls read-holding-register requests out of a byte stream. */
export function parseModbusReadRequests(
  pending: Buffer,
  bytes: Uint8Array,
): { requests: ModbusReadRequest[]; pending: Buffer } {
  const r = scan<ModbusReadRequest>(
    pending,
    bytes,
    (buf, at): Attempt<ModbusReadRequest> => {
      if (!isSlave(buf[at]) || (buf.length > at + 1 && buf[at + 1] !== READ_HOLDING)) return { kind: 'invalid' };
      if (buf.length - at < REQUEST_LENGTH) return { kind: 'need-more' };
      if (!crcOk(buf, at, REQUEST_LENGTH)) return { kind: 'invalid' };
      return {
        kind: 'frame',
        length: REQUEST_LENGTH,
        frame: { slave: buf[at] ?? 1, register: buf.readUInt16BE(at + 2), count: buf.readUInt16BE(at + 4) },
      };
    },
    64,
  );
  return { requests: r.frames, pending: r.pending };
}

export function createKeliModbus(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const unit = options.unit ?? 'kg';
  const division = divisionOf(options);
  const slave = options.address ?? 1;
  const attempt = (buf: Buffer, at: number): Attempt => {
    if (!isSlave(buf[at])) return { kind: 'invalid' };
    if (buf.length - at < 3) return { kind: 'need-more' };
    const fn = buf[at + 1];
    if (fn === (READ_HOLDING | 0x80)) {
      // Exception reply: a valid frame that carries no reading.
      if (buf.length - at < EXCEPTION_LENGTH) return { kind: 'need-more' };
      return crcOk(buf, at, EXCEPTION_LENGTH) ? frameAttempt(buf, at, EXCEPTION_LENGTH, undefined) : { kind: 'invalid' };
    }
    if (fn !== READ_HOLDING || buf[at + 2] !== 8) return { kind: 'invalid' };
    if (buf.length - at < REPLY_LENGTH) return { kind: 'need-more' };
    const d = readSignedDigits(buf, at + 3, true);
    if (!d || !crcOk(buf, at, REPLY_LENGTH)) return { kind: 'invalid' };
    return frameAttempt(buf, at, REPLY_LENGTH, plainReading('keli-modbus', signedDigitsKg(d, unit, division), { decimals: d.decimals, unit }));
  };
  return {
    name: 'keli-modbus',
    initialState: emptyScanState,
    parse: scanningParse(attempt, REPLY_LENGTH * 4),
    encode: (input) => encodeModbusReply(input, slave),
    pollRequest: buildModbusReadRequest(slave),
    pollIntervalMs: 200,
  };
}
