// @ts-nocheck
import { createProtocol, StreamParser, type ProtocolName, type ProtocolOptions, type ScaleFrame } from '../../../drivers/protocols/index.ts';

export const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

export function parseAll(name: ProtocolName, bytes: Uint8Array | string, options: ProtocolOptions = {}): ScaleFrame[] {
  const parser = new StreamParser(createProtocol(name, options));
  return parser.push(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
}

/** Frames without raw, for compact equality checks. */
export const summary = (frames: ScaleFrame[]) =>
  frames.map((f) => ({ weightKg: f.weightKg, stable: f.stable, kind: f.kind, overload: f.overload }));
