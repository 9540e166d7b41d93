/**
 * A weighbridge indicator on the device end of a transport: streams frames at ~12 frames/s for continuous
 * protocols, or answers polls for command-mode ones (Yaohua tF=1, Keli Modbus, MT-SICS S/SI/SIR).
 * Emits 'done' when a script has played out.
 */
// @ts-nocheck

import { EventEmitter } from 'node:events';
import { createProtocol } from '../protocols/index.ts';
import { parseModbusReadRequests } from '../protocols/keli-modbus.ts';
import { encodeTf1Handshake, parseTf1Requests } from '../protocols/yaohua-tf1.ts';
import type { EncodeInput, ProtocolName, ScaleProtocol } from '../protocols/types.ts';
import type { ByteTransport } from '../transports/types.ts';
import { readingAt, scriptDurationMs, seededRandom, type ScaleProfile, type ScriptStep } from './weight-profile.ts';

export interface ScaleSimulatorOptions {
  protocol: ProtocolName;
  profile?: ScaleProfile;
  script?: ScriptStep[];
  weightKg?: number;
  divisionKg?: number;
  frameIntervalMs?: number;
  seed?: number;
}

const commandMode: ReadonlySet<ProtocolName> = new Set(['yaohua-tf1', 'keli-modbus', 'mt-sics']);

export class ScaleSimulator extends EventEmitter {
  private readonly encoder: ScaleProtocol<unknown>;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private requestBuffer: Buffer = Buffer.alloc(0);
  private sicsRepeat = false;

  constructor(
    private readonly transport: ByteTransport,
    private readonly options: ScaleSimulatorOptions,
  ) {
    super();
    this.encoder = createProtocol(options.protocol);
    this.random = seededRandom(options.seed ?? 1);
    this.transport.on('data', this.onRequest);
  }

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
    this.startedAt = Date.now();
    this.timer = setInterval(() => this.tick(), this.options.frameIntervalMs ?? 80);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.transport.off('data', this.onRequest);
    await this.transport.close().catch(() => undefined);
  }

  /** What the display shows now. */
  current(): EncodeInput {
    const o = this.options;
    const r = readingAt(Date.now() - this.startedAt, {
      profile: o.profile ?? 'truck',
      targetKg: o.weightKg ?? 32480,
      divisionKg: o.divisionKg ?? 20,
      script: o.script,
      random: this.random,
    });
    return { weightKg: r.weightKg, stable: r.stable, kind: 'gross', decimals: 0 };
  }

  private send(bytes: Buffer): void {
    if (this.transport.isOpen) this.transport.write(bytes).catch(() => undefined);
  }

  private tick(): void {
    const script = this.options.script;
    if (script && Date.now() - this.startedAt >= scriptDurationMs(script)) {
      clearInterval(this.timer);
      this.emit('done');
      return;
    }
    if (commandMode.has(this.options.protocol) && !this.sicsRepeat) return;
    const frame = this.encoder.encode(this.current());
    if (this.options.profile === 'garbage') {
      const garbage = Buffer.from(Array.from({ length: Math.floor(this.random() * 6) }, () => Math.floor(this.random() * 256)));
      this.send(Buffer.concat([garbage, frame]));
    } else {
      this.send(frame);
    }
  }

  private readonly onRequest = (bytes: Buffer): void => {
    switch (this.options.protocol) {
      case 'yaohua-tf1': {
        const r = parseTf1Requests(this.requestBuffer, bytes);
        this.requestBuffer = r.pending;
        for (const req of r.requests) {
          const kind = ({ B: 'gross', C: 'tare', D: 'net' } as const)[req.command as 'B' | 'C' | 'D'];
          if (req.command === 'A') this.send(encodeTf1Handshake(req.address));
          else if (kind) this.send(this.encoder.encode({ ...this.current(), kind, ...(kind === 'gross' ? {} : { weightKg: 0 }) }));
        }
        return;
      }
      case 'keli-modbus': {
        const r = parseModbusReadRequests(this.requestBuffer, bytes);
        this.requestBuffer = r.pending;
        for (const req of r.requests) if (req.register === 1 && req.count === 4) this.send(this.encoder.encode(this.current()));
        return;
      }
      case 'mt-sics':
        this.onSicsBytes(bytes);
        return;
      default:
        return;
    }
  };

  private onSicsBytes(bytes: Buffer): void {
    this.requestBuffer = Buffer.concat([this.requestBuffer, bytes]).subarray(-256);
    let nl: number;
    while ((nl = this.requestBuffer.indexOf(0x0a)) >= 0) {
      const command = this.requestBuffer.toString('latin1', 0, nl).replace(/\r$/, '').trim();
      this.requestBuffer = this.requestBuffer.subarray(nl + 1);
      const now = this.current();
      if (command === 'SI') this.send(this.encoder.encode(now));
      else if (command === 'S') this.send(now.stable ? this.encoder.encode(now) : Buffer.from('S I\r\n'));
      else if (command === 'SIR') this.sicsRepeat = true;
      else if (command === '@') {
        this.sicsRepeat = false;
        this.send(Buffer.from('I4 A "SIM00001"\r\n'));
      } else if (command !== '') this.send(Buffer.from('ES\r\n'));
    }
  }
}
