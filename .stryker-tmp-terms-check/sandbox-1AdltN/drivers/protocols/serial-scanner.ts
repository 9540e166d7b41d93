/**
 * Scanners in virtual-COM / RS-232 mode send the code plus a suffix (CR, LF or CR LF). Scanners configured
 * without a suffix are framed by an inter-byte timeout instead. Pure: the caller supplies the clock.
 */
// @ts-nocheck

export interface SerialScannerOptions {
  /** A gap longer than this ends a code that had no suffix. */
  interByteTimeoutMs: number;
  maxLength: number;
}

export const defaultSerialScannerOptions: SerialScannerOptions = { interByteTimeoutMs: 80, maxLength: 4096 };

export interface SerialScannerState {
  pending: Buffer;
  lastByteAt: number | undefined;
}

export const emptySerialScannerState = (): SerialScannerState => ({ pending: Buffer.alloc(0), lastByteAt: undefined });

const isSuffix = (b: number) => b === 0x0d || b === 0x0a;
const text = (b: Buffer) => b.toString('utf8');

/** Time-outs first (a gap before these bytes ends the previous code), then suffixes. Empty codes are dropped. */
export function parseScannerBytes(
  state: SerialScannerState,
  bytes: Uint8Array,
  nowMs: number,
  options: SerialScannerOptions = defaultSerialScannerOptions,
): { state: SerialScannerState; codes: string[] } {
  const flushed = flushScanner(state, nowMs, options);
  const codes = [...flushed.codes];
  let pending = flushed.state.pending;
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (!isSuffix(bytes[i] ?? 0)) continue;
    const code = Buffer.concat([pending, bytes.subarray(start, i)]);
    if (code.length > 0) codes.push(text(code));
    pending = Buffer.alloc(0);
    start = i + 1;
  }
  pending = Buffer.concat([pending, bytes.subarray(start)]);
  if (pending.length > options.maxLength) pending = Buffer.alloc(0);
  return { state: { pending, lastByteAt: bytes.length > 0 ? nowMs : state.lastByteAt }, codes };
}

/** Call from a timer: emits the pending code once the line has been quiet for the timeout. */
export function flushScanner(
  state: SerialScannerState,
  nowMs: number,
  options: SerialScannerOptions = defaultSerialScannerOptions,
): { state: SerialScannerState; codes: string[] } {
  if (state.pending.length === 0 || state.lastByteAt === undefined || nowMs - state.lastByteAt <= options.interByteTimeoutMs) {
    return { state, codes: [] };
  }
  return { state: emptySerialScannerState(), codes: [text(state.pending)] };
}
