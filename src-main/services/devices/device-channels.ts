/**
 * One running device each: a scale session, an ID-card reader loop, a serial scanner, each on its own byte
 * transport, or a HID POS scanner on its HID device, with a tap that keeps the last raw bytes and frames for the technician's live view.
 */
import { ScaleSession, type SessionStatus } from '../../../drivers/device-session.ts';
import { IdCardReader } from '../../../drivers/idcard-reader.ts';
import type { ProtocolName, ProtocolOptions, ScaleFrame } from '../../../drivers/protocols/types.ts';
import type { ReadTextReply } from '../../../drivers/protocols/sam-idcard.ts';
import type { ScannedCode } from '../../../drivers/protocols/hid-pos.ts';
import { HidPosScanner, SerialScanner } from '../../../drivers/scanners.ts';
import { defaultStabilityOptions, type StabilityOptions } from '../../../drivers/stability.ts';
import type { HidDevice } from '../../../drivers/transports/hid.ts';
import type { ByteTransport } from '../../../drivers/transports/types.ts';
import type { DeviceHealth, DeviceKind, ScannerCode } from '../../../src-shared/contract/devices.ts';

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
  readonly protocolOptions: ProtocolOptions;

  constructor(
    id: ChannelIdentity,
    transport: ByteTransport,
    config: { protocol: ProtocolName; protocolOptions: ProtocolOptions; stability: Partial<StabilityOptions>; now?: () => number },
  ) {
    ({ key: this.key, label: this.label, simulated: this.simulated, deviceId: this.deviceId } = id);
    this.raw = tapped(transport);
    this.windowMs = config.stability.windowMs ?? defaultStabilityOptions.windowMs;
    this.protocolOptions = config.protocolOptions;
    this.session = new ScaleSession({
      transport, protocol: config.protocol, protocolOptions: config.protocolOptions, stability: config.stability, ...(config.now ? { now: config.now } : {}),
    });
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

const REOPEN_MS = 2000;

/** A scanner link that failed or vanished is retried every REOPEN_MS; one retry pending at a time. */
class Reopener {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly open: () => Promise<void>) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.open();
    }, REOPEN_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
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
  private readonly reopen = new Reopener(() => this.open());

  constructor(
    id: ChannelIdentity,
    private readonly transport: ByteTransport,
    onScan: (code: ScannerCode) => void,
  ) {
    ({ key: this.key, label: this.label, deviceId: this.deviceId } = id);
    this.raw = tapped(transport);
    this.scanner = new SerialScanner(transport);
    this.scanner.on('scan', (scan: { text: string }) => {
      this.lastScanAt = Date.now();
      onScan({ text: scan.text });
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
    if (this.running) this.reopen.schedule();
  }

  health(): DeviceHealth {
    return {
      channel: this.key, kind: this.kind, label: this.label, simulated: false,
      status: this.transport.isOpen ? 'online' : 'offline', detail: this.detail, lastFrameAt: iso(this.lastScanAt),
    };
  }

  async stop(): Promise<void> {
    this.running = false;
    this.reopen.cancel();
    await this.scanner.stop().catch(() => undefined);
  }
}

/** A HID POS barcode scanner: multi-report codes are joined and handed to onScan; a lost device is reopened. */
export class HidScannerChannel implements ChannelBase {
  readonly kind = 'scanner' as const;
  readonly key: string;
  readonly label: string;
  readonly simulated = false;
  readonly deviceId: number | null;
  /** The raw input reports, 64 bytes each, for the technician's hex view. */
  readonly raw = new ByteRing(16 * 1024);
  private device: HidDevice | undefined;
  private detail: string | null = null;
  private lastScanAt: number | undefined;
  private running = false;
  private readonly reopen = new Reopener(() => this.open());

  constructor(
    id: ChannelIdentity,
    private readonly openDevice: () => Promise<HidDevice>,
    private readonly onScan: (code: ScannerCode) => void,
  ) {
    ({ key: this.key, label: this.label, deviceId: this.deviceId } = id);
  }

  async start(): Promise<void> {
    this.running = true;
    await this.open();
  }

  private async open(): Promise<void> {
    let device: HidDevice;
    try {
      device = await this.openDevice();
    } catch (err) {
      this.detail = (err as Error).message;
      if (this.running) this.reopen.schedule();
      return;
    }
    if (!this.running) return device.close();
    this.device = device;
    this.detail = null;
    device.on('data', (report) => this.raw.write(report));
    new HidPosScanner(device).on('scan', (code: ScannedCode) => {
      this.lastScanAt = Date.now();
      this.onScan({ text: code.text, aim: code.aim });
    });
    // node-hid reports an unplugged scanner as an error on its read loop.
    device.on('error', (err) => {
      if (this.device !== device) return;
      this.detail = err.message;
      this.closeDevice();
      if (this.running) this.reopen.schedule();
    });
  }

  private closeDevice(): void {
    const device = this.device;
    this.device = undefined;
    try {
      device?.close();
    } catch {
      // Already gone with the USB device.
    }
  }

  health(): DeviceHealth {
    return {
      channel: this.key, kind: this.kind, label: this.label, simulated: false,
      status: this.device ? 'online' : 'offline', detail: this.detail, lastFrameAt: iso(this.lastScanAt),
    };
  }

  stop(): Promise<void> {
    this.running = false;
    this.reopen.cancel();
    this.closeDevice();
    return Promise.resolve();
  }
}

export type DeviceChannel = ScaleChannel | IdCardChannel | ScannerChannel | HidScannerChannel;
