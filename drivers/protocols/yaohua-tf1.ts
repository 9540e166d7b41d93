/**
 * Yaohua command mode tF=1 (Keli K9 uses the same framing).
 * Host → indicator: STX addr cmd xorH xorL ETX, XOR = addr ⊕ cmd.
 * Indicator → host: STX addr cmd data xorH xorL ETX, XOR over addr..last data byte; B/C/D replies carry the
 * sign/6 digits/dp payload (14 bytes).
 */
import { xorBytes, xorNibbleChars, xorNibblesMatch } from './checksum.ts';
import { emptyScanState, frameAttempt, plainReading, scan, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { readSignedDigits, signedDigitsKg, writeSignedDigits } from './signed-digits.ts';
import { divisionOf } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightKind } from './types.ts';

const STX = 0x02;
const ETX = 0x03;
const WEIGHT_REPLY_LENGTH = 14;
const MAX_REPLY_LENGTH = 40;

export const tf1Commands = { handshake: 'A', gross: 'B', tare: 'C', net: 'D' } as const;
const kindByCommand: Record<string, WeightKind> = { B: 'gross', C: 'tare', D: 'net' };
const commandByKind: Record<WeightKind, string> = { gross: 'B', tare: 'C', net: 'D' };

const isAddress = (c: number | undefined) => c !== undefined && c >= 0x41 && c <= 0x5a;

/** Address 1–26 → 'A'–'Z'. */
export function tf1AddressChar(address: number): number {
  return 0x40 + Math.min(26, Math.max(1, Math.trunc(address)));
}

function frame(address: number, command: number, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from([STX, address, command]), data]);
  return Buffer.concat([body, Buffer.from(xorNibbleChars(xorBytes(body, 1))), Buffer.from([ETX])]);
}

export function buildTf1Request(address = 1, command: string = tf1Commands.gross): Buffer {
  return frame(tf1AddressChar(address), command.charCodeAt(0), Buffer.alloc(0));
}

export function encodeTf1Reply(input: EncodeInput, address = 1): Buffer {
  const command = commandByKind[input.kind ?? 'gross'];
  return frame(tf1AddressChar(address), command.charCodeAt(0), writeSignedDigits(input));
}

export function encodeTf1Handshake(address = 1): Buffer {
  return frame(tf1AddressChar(address), 0x41, Buffer.alloc(0));
}

const isCommand = (c: number | undefined) => c === 0x04 || (c !== undefined && c >= 0x41 && c <= 0x49);

/**
 * Length of the complete, checksum-valid frame at `at`, or need-more/invalid. Frames are printable ASCII
 * between STX and ETX (commands 'A'–'I', or EOT for an error), which lets garbage be rejected without waiting.
 */
function checkedFrameAt(buf: Buffer, at: number, exactLength?: number): number | 'need-more' | 'invalid' {
  if (buf[at] !== STX) return 'invalid';
  if (buf.length > at + 1 && !isAddress(buf[at + 1])) return 'invalid';
  if (buf.length > at + 2 && !isCommand(buf[at + 2])) return 'invalid';
  const limit = at + (exactLength ?? MAX_REPLY_LENGTH);
  for (let end = at + 3; end < limit; end++) {
    const c = buf[end];
    if (c === undefined) return 'need-more';
    if (c !== ETX) {
      if (c < 0x20 || c > 0x7e) return 'invalid';
      continue;
    }
    if (end - at < 5 || (exactLength !== undefined && end + 1 - at !== exactLength)) return 'invalid';
    return xorNibblesMatch(buf[end - 2], buf[end - 1], xorBytes(buf, at + 1, end - 2)) ? end + 1 - at : 'invalid';
  }
  return 'invalid';
}

export interface Tf1Request {
  address: number;
  command: string;
}

/** Simulator side: pulls host requests (6-byte frames) out of a byte stream. */
export function parseTf1Requests(pending: Buffer, bytes: Uint8Array): { requests: Tf1Request[]; pending: Buffer } {
  const r = scan<Tf1Request>(
    pending,
    bytes,
    (buf, at): Attempt<Tf1Request> => {
      const len = checkedFrameAt(buf, at, 6);
      if (typeof len === 'string') return { kind: len };
      return {
        kind: 'frame',
        length: len,
        frame: { address: (buf[at + 1] ?? 0x41) - 0x40, command: String.fromCharCode(buf[at + 2] ?? 0) },
      };
    },
    64,
  );
  return { requests: r.frames, pending: r.pending };
}

export function createYaohuaTf1(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const unit = options.unit ?? 'kg';
  const division = divisionOf(options);
  const attempt = (buf: Buffer, at: number): Attempt => {
    const command = buf[at + 2];
    const kind = command === undefined ? undefined : kindByCommand[String.fromCharCode(command)];
    const len = checkedFrameAt(buf, at, kind ? WEIGHT_REPLY_LENGTH : undefined);
    if (typeof len === 'string') return { kind: len };
    const d = kind ? readSignedDigits(buf, at + 3, true) : undefined;
    // Handshake, EOT error and truck/cargo-number replies are valid frames without a weight.
    if (!d) return kind ? { kind: 'invalid' } : frameAttempt(buf, at, len, undefined);
    return frameAttempt(buf, at, len, plainReading('yaohua-tf1', signedDigitsKg(d, unit, division), { decimals: d.decimals, unit, kind }));
  };
  return {
    name: 'yaohua-tf1',
    initialState: emptyScanState,
    parse: scanningParse(attempt, MAX_REPLY_LENGTH * 2),
    encode: (input) => encodeTf1Reply(input, options.address ?? 1),
    pollRequest: buildTf1Request(options.address ?? 1, tf1Commands.gross),
    pollIntervalMs: 100,
  };
}
