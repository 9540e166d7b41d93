/**
 * A live weighbridge: transport + protocol parser + stability detector + watchdog.
 * Emits 'frame' (ScaleFrame, timestampMs) and 'status' (SessionStatus, detail?). Marks the device offline after
 * offlineAfterMs without a valid frame (dead PTYs and USB adapters raise no read error) and reopens the link
 * through the device life cycle (exponential backoff) until frames flow again. Command-mode protocols are polled.
 */
import { EventEmitter } from 'node:events';
import { createProtocol, StreamParser } from './protocols/index.ts';
import type { ProtocolName, ProtocolOptions, ScaleFrame } from './protocols/types.ts';
import { StabilityDetector, type CaptureResult, type StabilityOptions } from './stability.ts';
import { DeviceLifecycle, realTimers, type Timers } from './device-lifecycle.ts';
import type { ByteTransport } from './transports/types.ts';

export type SessionStatus = 'online' | 'offline' | 'error';

export interface ScaleSessionOptions {
  transport: ByteTransport;
  protocol: ProtocolName;
  protocolOptions?: ProtocolOptions;
  stability?: Partial<StabilityOptions>;
  offlineAfterMs?: number;
  reopenInitialMs?: number;
  reopenMaxMs?: number;
  /** Overrides the protocol's poll interval (command-mode protocols only). */
  pollIntervalMs?: number;
  now?: () => number;
  timers?: Timers;
}

export interface SessionHealth {
  status: SessionStatus;
  detail: string | undefined;
  lastFrameAt: number | undefined;
  frames: number;
  droppedBytes: number;
  reopens: number;
}

export class ScaleSession extends EventEmitter {
  readonly protocol: ProtocolName;
  private readonly transport: ByteTransport;
  private readonly protocolOptions: ProtocolOptions;
  private parser: StreamParser;
  private readonly stability: StabilityDetector;
  private readonly offlineAfterMs: number;
  private readonly now: () => number;
  private readonly pollIntervalMs: number;
  private status: SessionStatus = 'offline';
  private detail: string | undefined;
  private lastFrameAt: number | undefined;
  private openedAt = 0;
  private frames = 0;
  private droppedBefore = 0;
  private readonly timers: Timers;
  private readonly lifecycle: DeviceLifecycle;
  private watchdog: unknown;
  private poller: unknown;

  constructor(options: ScaleSessionOptions) {
    super();
    this.transport = options.transport;
    this.protocol = options.protocol;
    this.protocolOptions = options.protocolOptions ?? {};
    this.parser = new StreamParser(createProtocol(this.protocol, this.protocolOptions));
    this.stability = new StabilityDetector({
      ...(this.protocolOptions.divisionKg ? { divisionKg: this.protocolOptions.divisionKg } : {}),
      ...options.stability,
    });
    this.offlineAfterMs = options.offlineAfterMs ?? 2500;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.lifecycle = new DeviceLifecycle({
      open: () => this.open(),
      onOpenFailed: (err) => this.setStatus(this.status === 'online' ? 'offline' : 'error', err.message),
      initialMs: options.reopenInitialMs,
      maxMs: options.reopenMaxMs,
      timers: this.timers,
    });
    const poll = this.parser.protocol.pollRequest;
    this.pollIntervalMs = poll ? (options.pollIntervalMs ?? this.parser.protocol.pollIntervalMs ?? 200) : 0;
    this.transport.on('data', this.onData);
    this.transport.on('close', this.onClose);
  }

  async start(): Promise<void> {
    if (this.lifecycle.isRunning) return;
    this.watchdog = this.timers.setInterval(() => this.checkWatchdog(), Math.min(250, this.offlineAfterMs / 4));
    await this.lifecycle.start();
  }

  async stop(): Promise<void> {
    this.lifecycle.stop();
    this.timers.clearInterval(this.watchdog);
    this.timers.clearInterval(this.poller);
    this.transport.off('data', this.onData);
    this.transport.off('close', this.onClose);
    await this.transport.close().catch(() => undefined);
  }

  /** The capture decision for "now": a stable weight or the reason there is none. */
  capture(): CaptureResult {
    const c = this.stability.capture(this.now());
    // A link that just died may still have a fresh-looking last frame: never capture while not online.
    return c.ok && this.status !== 'online' ? { ok: false, reason: 'offline', weightKg: c.weightKg } : c;
  }

  /** The latest frame (live display), undefined before the first one. */
  lastFrame(): ScaleFrame | undefined {
    return this.stability.state.last;
  }

  health(): SessionHealth {
    return {
      status: this.status,
      detail: this.detail,
      lastFrameAt: this.lastFrameAt,
      frames: this.frames,
      droppedBytes: this.droppedBefore + this.parser.droppedBytes,
      reopens: this.lifecycle.reopens,
    };
  }

  private setStatus(status: SessionStatus, detail?: string): void {
    if (status === this.status && detail === this.detail) return;
    this.status = status;
    this.detail = detail;
    this.emit('status', status, detail);
  }

  private readonly onData = (bytes: Buffer): void => {
    const t = this.now();
    for (const frame of this.parser.push(bytes)) {
      this.frames++;
      this.lastFrameAt = t;
      this.lifecycle.healthy();
      this.stability.feed(frame, t);
      this.setStatus('online');
      this.emit('frame', frame, t);
    }
  };

  private readonly onClose = (error?: Error): void => {
    if (!this.lifecycle.isRunning) return;
    this.setStatus('offline', error?.message ?? 'port closed');
    this.lose();
  };

  private checkWatchdog(): void {
    if (!this.lifecycle.isRunning || !this.transport.isOpen) return;
    const since = Math.max(this.lastFrameAt ?? 0, this.openedAt);
    if (this.now() - since <= this.offlineAfterMs) return;
    this.setStatus('offline', `no valid frame for ${this.offlineAfterMs} ms`);
    // The link may be stale (a replaced PTY, a re-enumerated USB adapter): reopen it.
    void this.transport.close().catch(() => undefined).then(() => this.lose());
  }

  private lose(): void {
    this.timers.clearInterval(this.poller);
    this.lifecycle.lost();
  }

  private async open(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
    // Start parsing afresh: bytes from before the gap cannot complete a frame.
    this.droppedBefore += this.parser.droppedBytes;
    this.parser = new StreamParser(this.parser.protocol);
    this.openedAt = this.now();
    const poll = this.parser.protocol.pollRequest;
    if (poll && this.pollIntervalMs > 0) {
      this.timers.clearInterval(this.poller);
      this.poller = this.timers.setInterval(() => {
        if (this.transport.isOpen) this.transport.write(poll).catch(() => undefined);
      }, this.pollIntervalMs);
    }
  }
}
