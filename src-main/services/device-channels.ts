/**
 * One running device each: a scale session, an ID-card reader loop or a serial scanner, each on its own byte
 * transport, with a tap that keeps the last raw bytes and frames for the technician's live view.
 */
import { ScaleSession, type SessionStatus } from '../../drivers/device-session.ts';
import { IdCardReader } from '../../drivers/idcard-reader.ts';
import type { ProtocolName, ProtocolOptions, ScaleFrame } from '../../drivers/protocols/types.ts';
import type { ReadTextReply } from '../../drivers/protocols/sam-idcard.ts';
import { SerialScanner } from '../../drivers/scanners.ts';
import { defaultStabilityOptions, type StabilityOptions } from '../../drivers/stability.ts';
import type { ByteTransport } from '../../drivers/transports/types.ts';
import type { DeviceHealth, DeviceKind } from '../contract/devices.ts';

/** Fixed-size ring of the last bytes seen; no allocation per chunk. */
export class ByteRing {
  private readonly buf: Buffer;
  private end = 0;
  /** Bytes ever written: callers diff it to take "the bytes since". */
  total = 0;

  constructor(readonly capacity: number) {
    this.buf = Buffer.alloc(capacity);
  }

  write(bytes: Uint8Array): void {
    const src = bytes.length > this.capacity ? bytes.subarray(bytes.length - this.capacity) : bytes;
    const first = Math.min(src.length, this.capacity - this.end);
    this.buf.set(src.subarray(0, first), this.end);
    this.buf.set(src.subarray(first), 0);
    this.end = (this.end + src.length) % this.capacity;
    this.total += bytes.length;
  }

  /** The last n bytes (at most what was written and what the ring holds), oldest first. */
  last(n: number): Buffer {
    const count = Math.min(n, this.total, this.capacity);
    const start = (this.end - count + this.capacity) % this.capacity;
    if (start + count <= this.capacity) return Buffer.from(this.buf.subarray(start, start + count));
    return Buffer.concat([this.buf.subarray(start), this.buf.subarray(0, this.end)]);
  }
}

export interface TimedFrame {
  t: number;
  frame: ScaleFrame;
}

const FRAME_HISTORY = 200;

interface ChannelBase {
  readonly key: string;
  readonly kind: DeviceKind;
  readonly label: string;
  readonly simulated: boolean;
  /** Configured device row, null for simulators. */
  readonly deviceId: number | null;
  readonly raw: ByteRing;
  health(): DeviceHealth;
  stop(): Promise<void>;
}

export interface ChannelIdentity {
  key: string;
  label: string;
  simulated: boolean;
  deviceId: number | null;
}

function tapped(transport: ByteTransport): ByteRing {
  const raw = new ByteRing(16 * 1024);
  transport.on('data', (bytes) => raw.write(bytes));
  return raw;
}

const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());

export class ScaleChannel implements ChannelBase {
  readonly kind = 'scale' as const;
  readonly key: string;
  readonly label: string;
  readonly simulated: boolean;
  readonly deviceId: number | null;
  readonly raw: ByteRing;
  readonly session: ScaleSession;
  /** Recent frames, oldest first: the evidence stored with a capture and the live view. */
  readonly frames: TimedFrame[] = [];
  /** The stability window: a capture's evidence is the frames inside it. */
  readonly windowMs: number;

  constructor(
    id: ChannelIdentity,
    transport: ByteTransport,
    config: { protocol: ProtocolName; protocolOptions: ProtocolOptions; stability: Partial<StabilityOptions> },
  ) {
    ({ key: this.key, label: this.label, simulated: this.simulated, deviceId: this.deviceId } = id);
    this.raw = tapped(transport);
    this.windowMs = config.stability.windowMs ?? defaultStabilityOptions.windowMs;
    this.session = new ScaleSession({ transport, protocol: config.protocol, protocolOptions: config.protocolOptions, stability: config.stability });
    this.session.on('frame', (frame: ScaleFrame, t: number) => {
      this.frames.push({ t, frame });
      if (this.frames.length > FRAME_HISTORY) this.frames.shift();
    });
  }

  start(): Promise<void> {
    return this.session.start();
  }

  /** Frames received at or after t. */
  framesSince(t: number): TimedFrame[] {
    return this.frames.filter((f) => f.t >= t);
  }

  health(): DeviceHealth {
    const h = this.session.health();
    return { ...this.identity(), status: h.status, detail: h.detail ?? null, lastFrameAt: iso(h.lastFrameAt) };
  }

  private identity() {
    return { channel: this.key, kind: this.kind, label: this.label, simulated: this.simulated };
  }

  stop(): Promise<void> {
    return this.session.stop();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a SAM reader for cards; a reader that stops answering is offline until it answers again. */
export class IdCardChannel implements ChannelBase {
  readonly kind = 'idcard' as const;
  readonly key: string;
  readonly label: string;
  readonly simulated: boolean;
  readonly deviceId: number | null;
  readonly raw: ByteRing;
  private status: SessionStatus = 'offline';
  private detail: string | null = null;
  private lastAnswerAt: number | undefined;
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    id: ChannelIdentity,
    private readonly transport: ByteTransport,
    private readonly onCard: (card: ReadTextReply, channel: IdCardChannel) => void,
    private readonly pollMs = 300,
  ) {
    ({ key: this.key, label: this.label, simulated: this.simulated, deviceId: this.deviceId } = id);
    this.raw = tapped(transport);
  }

  start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
    return Promise.resolve();
  }

  private async run(): Promise<void> {
    const reader = new IdCardReader(this.transport);
    while (this.running) {
      // Wait first: a screen that has just opened sees "no card yet" before the first read lands.
      await sleep(this.status === 'online' ? this.pollMs : 1000);
      if (!this.running) return;
      try {
        if (!this.transport.isOpen) await this.transport.open();
        const card = await reader.readOnce();
        this.status = 'online';
        this.detail = null;
        this.lastAnswerAt = Date.now();
        if (card && this.running) this.onCard(card, this);
      } catch (err) {
        this.status = 'offline';
        this.detail = (err as Error).message;
        // A reader that no longer answers may sit on a stale link (re-enumerated USB adapter): reopen it.
        await this.transport.close().catch(() => undefined);
      }
    }
  }

  health(): DeviceHealth {
    return {
      channel: this.key, kind: this.kind, label: this.label, simulated: this.simulated,
      status: this.status, detail: this.detail, lastFrameAt: iso(this.lastAnswerAt),
    };
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.transport.close().catch(() => undefined);
    await this.loop;
  }
}

/** A virtual-COM barcode scanner: the port stays open; codes are handed to onScan. */
export class ScannerChannel implements ChannelBase {
  readonly kind = 'scanner' as const;
  readonly key: string;
  readonly label: string;
  readonly simulated = false;
  readonly deviceId: number | null;
  readonly raw: ByteRing;
  private readonly scanner: SerialScanner;
  private detail: string | null = null;
  private lastScanAt: number | undefined;
  private running = false;
  private reopenTimer: NodeJS.Timeout | undefined;

  constructor(
    id: ChannelIdentity,
    private readonly transport: ByteTransport,
    onScan: (text: string) => void,
  ) {
    ({ key: this.key, label: this.label, deviceId: this.deviceId } = id);
    this.raw = tapped(transport);
    this.scanner = new SerialScanner(transport);
    this.scanner.on('scan', (scan: { text: string }) => {
      this.lastScanAt = Date.now();
      onScan(scan.text);
    });
    transport.on('close', () => this.scheduleOpen());
  }

  async start(): Promise<void> {
    this.running = true;
    await this.open();
  }

  private async open(): Promise<void> {
    try {
      await this.transport.open();
      this.detail = null;
    } catch (err) {
      this.detail = (err as Error).message;
      this.scheduleOpen();
    }
  }

  private scheduleOpen(): void {
    if (!this.running || this.reopenTimer) return;
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = undefined;
      void this.open();
    }, 2000);
  }

  health(): DeviceHealth {
    return {
      channel: this.key, kind: this.kind, label: this.label, simulated: false,
      status: this.transport.isOpen ? 'online' : 'offline', detail: this.detail, lastFrameAt: iso(this.lastScanAt),
    };
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reopenTimer);
    await this.scanner.stop().catch(() => undefined);
  }
}

export type DeviceChannel = ScaleChannel | IdCardChannel | ScannerChannel;
