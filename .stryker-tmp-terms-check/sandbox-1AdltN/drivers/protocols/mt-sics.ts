/**
 * MT-SICS replies: "S S <weight> <unit>" (stable), "S D …" (dynamic, from SI/SIR), "S +"/"S -" (over/underload),
 * "S I" (busy), and the general errors ES/ET/EL. One line per reply, CR LF.
 */
// @ts-nocheck

import { emptyScanState, frameAttempt, lineAt, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { divisionOf, isWeightUnit, toWeightKg } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol, WeightUnit } from './types.ts';

const MAX_LINE = 40;

export type SicsLine =
  | { type: 'weight'; stable: boolean; scaled: number; decimals: number; unit: WeightUnit }
  | { type: 'overload' }
  | { type: 'underload' }
  | { type: 'busy' }
  | { type: 'error'; code: 'ES' | 'ET' | 'EL' };

/**
 * The value the weight pattern matched (optional '-', spaces, digits, optional '.digits') as a scaled integer;
 * at most 9 digits, like parseDecimal. Read by character codes: this runs for every reply.
 */
function matchedDecimal(text: string): { scaled: number; decimals: number } | undefined {
  let scaled = 0;
  let digits = 0;
  let decimals = 0;
  let point = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) point = true;
    else if (c >= 0x30 && c <= 0x39) {
      scaled = scaled * 10 + (c - 0x30);
      digits++;
      if (point) decimals++;
    }
  }
  if (digits > 9) return undefined;
  return { scaled: text.charCodeAt(0) === 0x2d ? -scaled : scaled, decimals };
}

/** Decodes one reply line (without CR LF); undefined when it is not an S reply or a general error. */
export function parseSicsLine(line: string): SicsLine | undefined {
  const w = /^S\s+([SD])\s+(-?\s*\d+(?:\.\d+)?)\s+(\S+)$/.exec(line);
  if (w) {
    const d = matchedDecimal(w[2] ?? '');
    const unit = w[3] ?? '';
    if (!d || !isWeightUnit(unit)) return undefined;
    return { type: 'weight', stable: w[1] === 'S', scaled: d.scaled, decimals: d.decimals, unit };
  }
  const status = /^S\s+([I+-])$/.exec(line)?.[1];
  if (status === '+') return { type: 'overload' };
  if (status === '-') return { type: 'underload' };
  if (status === 'I') return { type: 'busy' };
  if (line === 'ES' || line === 'ET' || line === 'EL') return { type: 'error', code: line };
  return undefined;
}

export function encodeSicsReply(input: EncodeInput): Buffer {
  if (input.overload) return Buffer.from('S +\r\n', 'latin1');
  if (input.underload) return Buffer.from('S -\r\n', 'latin1');
  const decimals = Math.max(0, input.decimals ?? 0);
  const value = input.weightKg.toFixed(decimals).padStart(10, ' ');
  return Buffer.from(`S ${input.stable === false ? 'D' : 'S'} ${value} ${input.unit ?? 'kg'}\r\n`, 'latin1');
}

/** Host commands are ASCII lines: "S", "SI", "SIR", "@", … */
export const sicsCommand = (command: string): Buffer => Buffer.from(`${command}\r\n`, 'latin1');

export function createMtSics(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const division = divisionOf(options);
  const attempt = (buf: Buffer, at: number): Attempt => {
    if (buf[at] !== 0x53 && buf[at] !== 0x45) return { kind: 'invalid' };
    const line = lineAt(buf, at, MAX_LINE);
    if (typeof line === 'string') return { kind: line };
    const reply = parseSicsLine(line.text);
    if (!reply) return { kind: 'invalid' };
    switch (reply.type) {
      case 'weight':
        return frameAttempt(buf, at, line.length, {
          protocol: 'mt-sics',
          kind: undefined,
          weightKg: toWeightKg(reply.scaled, reply.decimals, reply.unit, division),
          stable: reply.stable,
          overload: false,
          decimals: reply.decimals,
          unit: reply.unit,
        });
      case 'overload':
      case 'underload':
        return frameAttempt(buf, at, line.length, {
          protocol: 'mt-sics',
          kind: undefined,
          stable: undefined,
          weightKg: 0,
          overload: reply.type === 'overload',
          underload: reply.type === 'underload',
        });
      default:
        // Busy and error replies are well-formed but carry no reading.
        return frameAttempt(buf, at, line.length, undefined);
    }
  };
  return {
    name: 'mt-sics',
    initialState: emptyScanState,
    parse: scanningParse(attempt, MAX_LINE * 2),
    encode: encodeSicsReply,
    pollRequest: sicsCommand('SI'),
    pollIntervalMs: 100,
  };
}
