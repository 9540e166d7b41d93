/** Registry of weighbridge protocols by name, plus the auto-detector used during commissioning. */
// @ts-nocheck

import { createKeli } from './keli.ts';
import { createKeliModbus } from './keli-modbus.ts';
import { createMtSics } from './mt-sics.ts';
import { createStGs } from './st-gs.ts';
import { createToledo } from './toledo.ts';
import { protocolNames, type ProtocolName, type ProtocolOptions, type ScaleFrame, type ScaleProtocol } from './types.ts';
import { createYaohuaA12 } from './yaohua-a12.ts';
import { createYaohuaA12e } from './yaohua-a12e.ts';
import { createYaohuaEq } from './yaohua-eq.ts';
import { createYaohuaTf0 } from './yaohua-tf0.ts';
import { createYaohuaTf1 } from './yaohua-tf1.ts';

export * from './types.ts';

type Factory = (options?: ProtocolOptions) => ScaleProtocol<never>;

// Each factory's state type is private to its module; callers only thread it back into parse().
export const protocolFactories: Record<ProtocolName, Factory> = {
  'yaohua-tf0': createYaohuaTf0 as Factory,
  'yaohua-tf1': createYaohuaTf1 as Factory,
  'yaohua-eq': createYaohuaEq as Factory,
  'yaohua-a12e': createYaohuaA12e as Factory,
  'yaohua-a12': createYaohuaA12 as Factory,
  keli: createKeli as Factory,
  'keli-modbus': createKeliModbus as Factory,
  toledo: createToledo as Factory,
  'mt-sics': createMtSics as Factory,
  'st-gs': createStGs as Factory,
};

export function isProtocolName(name: string): name is ProtocolName {
  return (protocolNames as readonly string[]).includes(name);
}

export function createProtocol(name: ProtocolName, options: ProtocolOptions = {}): ScaleProtocol<unknown> {
  return protocolFactories[name](options) as ScaleProtocol<unknown>;
}

/** Stateful convenience around a pure protocol, for transports that deliver chunks. */
export class StreamParser {
  private state: unknown;
  droppedBytes = 0;

  constructor(readonly protocol: ScaleProtocol<unknown>) {
    this.state = protocol.initialState();
  }

  push(bytes: Uint8Array): ScaleFrame[] {
    const r = this.protocol.parse(this.state, bytes);
    this.state = r.state;
    this.droppedBytes += r.droppedBytes;
    return r.frames;
  }
}

export interface DetectionResult {
  protocol: ProtocolName;
  frames: number;
  droppedBytes: number;
}

/**
 * Feeds the same bytes to every parser and lists those that produced frames, most frames first, then fewest
 * dropped bytes. Several may match (Keli also accepts the Yaohua tF=0 frame); command-mode protocols only
 * match when their replies are in the capture.
 */
export function detectProtocol(bytes: Uint8Array, options: ProtocolOptions = {}): DetectionResult[] {
  const results: DetectionResult[] = [];
  for (const name of protocolNames) {
    const parser = new StreamParser(createProtocol(name, options));
    const frames = parser.push(bytes).length;
    if (frames > 0) results.push({ protocol: name, frames, droppedBytes: parser.droppedBytes });
  }
  return results.sort((a, b) => b.frames - a.frames || a.droppedBytes - b.droppedBytes);
}
