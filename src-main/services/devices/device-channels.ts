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
import { DeviceLifecycle } from '../../../drivers/device-lifecycle.ts';

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
  /** Called when the channel's health may have changed (the manager pushes a devices.state event). */
  onHealth: () => void;
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
  onHealth: () => void = () => undefined;

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
    this.session.on('status', () => this.onHealth());
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

/** Polls a SAM reader for cards; a reader that stops answering is offline and its link reopened by the life cycle. */
export class IdCardChannel implements ChannelBase {
  readonly kind = 'idcard' as const;
  readonly key: string;
  readonly label: string;
  readonly simulated: boolean;
  readonly deviceId: number | null;
  readonly raw: ByteRing;
  onHealth: () => void = () => undefined;
  private status: SessionStatus = 'offline';
  private detail: string | null = null;
  private lastAnswerAt: number | undefined;
  private readonly reader: IdCardReader;
  private readonly lifecycle: DeviceLifecycle;
  private pollTimer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    id: ChannelIdentity,
    private readonly transport: ByteTransport,
    private readonly onCard: (card: ReadTextReply, channel: IdCardChannel) => void,
    private readonly pollMs = 300,
  ) {
    ({ key: this.key, label: this.label, simulated: this.simulated, deviceId: this.deviceId } = id);
    this.raw = tapped(transport);
    this.reader = new IdCardReader(transport);
    this.lifecycle = new DeviceLifecycle({
      open: async () => {
        if (!this.transport.isOpen) await this.transport.open();
        this.schedulePoll();
      },
      onOpenFailed: (err) => this.setHealth('offline', err.message),
      initialMs: 500,
    });
  }

  start(): Promise<void> {
    return this.lifecycle.start();
  }

  // Wait first: a screen that has just opened sees "no card yet" before the first read lands.
  private schedulePoll(): void {
    if (this.lifecycle.isRunning) this.pollTimer = setTimeout(() => (this.reading = this.poll()), this.pollMs);
  }

  private async poll(): Promise<void> {
    try {
      const card = await this.reader.readOnce();
      if (!this.lifecycle.isRunning) return;
      this.lastAnswerAt = Date.now();
      this.lifecycle.healthy();
      this.setHealth('online', null);
      if (card) this.onCard(card, this);
      this.schedulePoll();
    } catch (err) {
      if (!this.lifecycle.isRunning) return;
      this.setHealth('offline', (err as Error).message);
      // A reader that no longer answers may sit on a stale link (re-enumerated USB adapter): reopen it.
      await this.transport.close().catch(() => undefined);
      this.lifecycle.lost();
    }
  }

  private setHealth(status: SessionStatus, detail: string | null): void {
    if (status === this.status && detail === this.detail) return;
    this.status = status;
    this.detail = detail;
    this.onHealth();
  }

  health(): DeviceHealth {
    return {
      channel: this.key, kind: this.kind, label: this.label, simulated: this.simulated,
      status: this.status, detail: this.detail, lastFrameAt: iso(this.lastAnswerAt),
    };
  }

  async stop(): Promise<void> {
    this.lifecycle.stop();
    clearTimeout(this.pollTimer);
    await this.transport.close().catch(() => undefined);
    await this.reading;
  }
}

/** A virtual-COM barcode scanner: the port stays open (reopened by the life cycle when lost); codes are handed to onScan. */
export class ScannerChannel implements ChannelBase {
  readonly kind = 'scanner' as const;
  readonly key: string;
  readonly label: string;
  readonly simulated = false;
  readonly deviceId: number | null;
  readonly raw: ByteRing;
  onHealth: () => void = () => undefined;
  private readonly scanner: SerialScanner;
  private detail: string | null = null;
  private lastScanAt: number | undefined;
  private readonly lifecycle: DeviceLifecycle;

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
    this.lifecycle = new DeviceLifecycle({
      open: async () => {
        await this.transport.open();
        this.lifecycle.healthy();
        this.setDetail(null);
      },
      onOpenFailed: (err) => this.setDetail(err.message),
    });
    transport.on('close', (err) => {
      this.setDetail(err?.message ?? 'port closed');
      this.lifecycle.lost();
    });
  }

  start(): Promise<void> {
    return this.lifecycle.start();
  }

  private setDetail(detail: string | null): void {
    this.detail = detail;
    this.onHealth();
  }

  health(): DeviceHealth {
    return {
      channel: this.key, kind: this.kind, label: this.label, simulated: false,
      status: this.transport.isOpen ? 'online' : 'offline', detail: this.detail, lastFrameAt: iso(this.lastScanAt),
    };
  }

  async stop(): Promise<void> {
    this.lifecycle.stop();
    await this.scanner.stop().catch(() => undefined);
  }
}

/** A HID POS barcode scanner: multi-report codes are joined and handed to onScan; a lost device is reopened by the life cycle. */
export class HidScannerChannel implements ChannelBase {
  readonly kind = 'scanner' as const;
  readonly key: string;
  readonly label: string;
  readonly simulated = false;
  readonly deviceId: number | null;
  /** The raw input reports, 64 bytes each, for the technician's hex view. */
  readonly raw = new ByteRing(16 * 1024);
  onHealth: () => void = () => undefined;
  private device: HidDevice | undefined;
  private detail: string | null = null;
  private lastScanAt: number | undefined;
  private readonly lifecycle: DeviceLifecycle;

  constructor(
    id: ChannelIdentity,
    private readonly openDevice: () => Promise<HidDevice>,
    private readonly onScan: (code: ScannerCode) => void,
  ) {
    ({ key: this.key, label: this.label, deviceId: this.deviceId } = id);
    this.lifecycle = new DeviceLifecycle({ open: () => this.open(), onOpenFailed: (err) => this.setDetail(err.message) });
  }

  start(): Promise<void> {
    return this.lifecycle.start();
  }

  private async open(): Promise<void> {
    const device = await this.openDevice();
    if (!this.lifecycle.isRunning) return device.close();
    this.device = device;
    this.lifecycle.healthy();
    this.setDetail(null);
    device.on('data', (report) => this.raw.write(report));
    new HidPosScanner(device).on('scan', (code: ScannedCode) => {
      this.lastScanAt = Date.now();
      this.onScan({ text: code.text, aim: code.aim });
    });
    // node-hid reports an unplugged scanner as an error on its read loop.
    device.on('error', (err) => {
      if (this.device !== device) return;
      this.closeDevice();
      this.setDetail(err.message);
      this.lifecycle.lost();
    });
  }

  private setDetail(detail: string | null): void {
    this.detail = detail;
    this.onHealth();
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
    this.lifecycle.stop();
    this.closeDevice();
    return Promise.resolve();
  }
}

export type DeviceChannel = ScaleChannel | IdCardChannel | ScannerChannel | HidScannerChannel;
