/**
 * One device's life, the same for every kind: open, watch, back off, reopen. The owner says how to open
 * the link and reports what its watch sees: `lost()` when the link died or stopped answering, `healthy()`
 * when the device answered. A failed open or a loss waits `initialMs`, doubling up to `maxMs`, then opens
 * again; an answer resets the wait. Timers are injected so tests can run the clock by hand.
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface LifecycleOptions {
  /** Opens the link; rejects when it cannot (no such port, device busy). */
  open(): Promise<void>;
  /** The open failed: the owner records why (health detail). */
  onOpenFailed?(error: Error): void;
  initialMs?: number;
  maxMs?: number;
  timers?: Timers;
}

export class DeviceLifecycle {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly timers: Timers;
  private backoffMs: number;
  private timer: unknown;
  private running = false;
  /** Reopen attempts so far (a health figure). */
  reopens = 0;

  constructor(private readonly options: LifecycleOptions) {
    this.initialMs = options.initialMs ?? 250;
    this.maxMs = options.maxMs ?? 2000;
    this.timers = options.timers ?? realTimers;
    this.backoffMs = this.initialMs;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** The wait before the next reopen (what a loss now would wait). */
  get nextDelayMs(): number {
    return this.backoffMs;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.attempt();
  }

  /** The link died or went silent: reopen after the current backoff (one reopen pending at a time). */
  lost(): void {
    if (!this.running || this.timer !== undefined) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.maxMs, this.backoffMs * 2);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.reopens++;
      void this.attempt();
    }, delay);
  }

  /** The device answered: the next loss starts again from the shortest wait. */
  healthy(): void {
    this.backoffMs = this.initialMs;
  }

  /** No more reopening; the owner closes its link. */
  stop(): void {
    this.running = false;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async attempt(): Promise<void> {
    if (!this.running) return;
    try {
      await this.options.open();
    } catch (err) {
      if (!this.running) return;
      this.options.onOpenFailed?.(err as Error);
      this.lost();
    }
  }
}
