/** The resynchronising scan loop every byte-stream parser shares: frames are found, garbage is dropped. */
import type { ParseResult, ProtocolName, ScaleFrame, WeightKind, WeightUnit } from './types.ts';

/** Result of trying to read one frame at a position. */
export type Attempt<T = ScaleFrame> =
  | { kind: 'frame'; length: number; frame: T | undefined }
  | { kind: 'need-more' }
  | { kind: 'invalid' };

export interface ScanState {
  pending: Buffer;
}

export const emptyScanState = (): ScanState => ({ pending: Buffer.alloc(0) });

export interface ScanResult<T> {
  frames: T[];
  pending: Buffer;
  droppedBytes: number;
}

/**
 * Walks pending+bytes; at each offset `attempt` decides frame / need-more / invalid. Invalid drops one byte,
 * so a false start inside garbage or a corrupted frame costs one byte, never a valid frame after it.
 * A complete frame may carry no reading (an ACK or error reply): it is consumed without output.
 * `maxPending` bounds memory when a stream never completes a frame.
 */
export function scan<T>(
  pending: Buffer,
  bytes: Uint8Array,
  attempt: (buf: Buffer, at: number) => Attempt<T>,
  maxPending: number,
): ScanResult<T> {
  // A view, not a copy: nothing below outlives this call except copies (frame raw bytes, the pending tail).
  const buf = pending.length === 0 ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : Buffer.concat([pending, bytes]);
  const frames: T[] = [];
  let dropped = 0;
  let i = 0;
  while (i < buf.length) {
    const a = attempt(buf, i);
    if (a.kind === 'need-more') break;
    if (a.kind === 'invalid') {
      i++;
      dropped++;
      continue;
    }
    if (a.frame) frames.push(a.frame);
    i += a.length;
  }
  let rest = buf.subarray(i);
  if (rest.length > maxPending) {
    dropped += rest.length - maxPending;
    rest = rest.subarray(rest.length - maxPending);
  }
  return { frames, pending: Buffer.from(rest), droppedBytes: dropped };
}

/**
 * Finds a line starting at `at` that ends with LF within maxLength bytes; returns its consumed length (LF
 * included). Works on the bytes so byte-level parsers build no string per frame.
 */
export function lineLengthAt(buf: Buffer, at: number, maxLength: number): number | 'need-more' | 'invalid' {
  // A bounded loop, not buf.indexOf: in LF-less garbage indexOf would scan to the end from every offset.
  const limit = Math.min(buf.length, at + maxLength);
  for (let j = at; j < limit; j++) if (buf[j] === 0x0a) return j + 1 - at;
  return buf.length - at < maxLength ? 'need-more' : 'invalid';
}

/** End (exclusive) of a line's text: before its LF and the CR, if any, in front of it. */
export function lineTextEnd(buf: Buffer, at: number, length: number): number {
  const lf = at + length - 1;
  return lf > at && buf[lf - 1] === 0x0d ? lf - 1 : lf;
}

/**
 * Finds a line starting at `at` that ends with LF (CR optional before it) within maxLength bytes.
 * Returns the line text without CR/LF and the consumed length.
 */
export function lineAt(
  buf: Buffer,
  at: number,
  maxLength: number,
): { text: string; length: number } | 'need-more' | 'invalid' {
  const length = lineLengthAt(buf, at, maxLength);
  if (typeof length === 'string') return length;
  return { text: buf.toString('latin1', at, lineTextEnd(buf, at, length)), length };
}

/** parse() for protocols whose only carry-over is the unfinished tail. */
export function scanningParse(
  attempt: (buf: Buffer, at: number) => Attempt,
  maxPending: number,
): (state: ScanState, bytes: Uint8Array) => ParseResult<ScanState> {
  return (state, bytes) => {
    const r = scan(state.pending, bytes, attempt, maxPending);
    return { frames: r.frames, state: { pending: r.pending }, droppedBytes: r.droppedBytes };
  };
}

/**
 * A reading from an indicator whose frame carries no motion, overload or tare flag: the shape most
 * protocols produce (stable stays undefined, so stability is judged from the readings over time).
 */
export function plainReading(
  protocol: ProtocolName,
  weightKg: number,
  reading: { decimals: number; unit: WeightUnit; kind?: WeightKind | undefined },
): Omit<ScaleFrame, 'raw'> {
  return { protocol, weightKg, stable: undefined, kind: reading.kind, overload: false, decimals: reading.decimals, unit: reading.unit };
}

/**
 * A complete frame attempt; raw is copied so frames never alias the parser's buffer. The frame is built field
 * by field rather than by spreading `fields`: a spread of a many-property object was the parsers' hot spot.
 */
/** Fails to compile when ScaleFrame gains a field frameAttempt does not copy. */
type CopiedField = 'protocol' | 'weightKg' | 'stable' | 'kind' | 'overload' | 'raw' | 'underload' | 'decimals' | 'unit' | 'tareKg';
const everyFieldCopied: [Exclude<keyof ScaleFrame, CopiedField>] extends [never] ? true : never = true;
void everyFieldCopied;

export function frameAttempt(
  buf: Buffer,
  at: number,
  length: number,
  fields: Omit<ScaleFrame, 'raw'> | undefined,
): Attempt {
  if (!fields) return { kind: 'frame', length, frame: undefined };
  const frame: ScaleFrame = {
    protocol: fields.protocol,
    weightKg: fields.weightKg,
    stable: fields.stable,
    kind: fields.kind,
    overload: fields.overload,
    raw: Buffer.from(buf.subarray(at, at + length)),
  };
  if (fields.underload !== undefined) frame.underload = fields.underload;
  if (fields.decimals !== undefined) frame.decimals = fields.decimals;
  if (fields.unit !== undefined) frame.unit = fields.unit;
  if (fields.tareKg !== undefined) frame.tareKg = fields.tareKg;
  return { kind: 'frame', length, frame };
}
