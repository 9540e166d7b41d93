import { describe, expect, it } from 'vitest';
import { DeviceLifecycle, type Timers } from '../../../drivers/device-lifecycle.ts';

/** A clock moved by hand: timers fire only when the test advances it. */
class FakeClock implements Timers {
  now = 0;
  private next = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void; every?: number }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  setInterval(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn, every: ms });
    return id;
  }
  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Moves the clock, firing due timers in order and letting each fired open settle. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, t] = due;
      this.now = t.at;
      if (t.every) t.at += t.every;
      else this.timers.delete(id);
      t.fn();
      await flush();
    }
    this.now = end;
  }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** A link whose opens fail while `up` is false; records when each open was tried. */
function fakeLink(clock: FakeClock) {
  const link = { up: false, attempts: [] as number[], failures: [] as string[] };
  const lifecycle = new DeviceLifecycle({
    open: async () => {
      link.attempts.push(clock.now);
      if (!link.up) throw new Error('ENOENT: no such port');
    },
    onOpenFailed: (err) => link.failures.push(err.message),
    initialMs: 250,
    maxMs: 2000,
    timers: clock,
  });
  return { link, lifecycle };
}

describe('device life cycle (open, watch, back off, reopen) on a fake clock', () => {
  it('an open that keeps failing is retried after 250, 500, 1000, 2000, 2000 ms: the wait doubles and is capped', async () => {
    const clock = new FakeClock();
    const { link, lifecycle } = fakeLink(clock);
    await lifecycle.start();
    await clock.advance(10_000);
    const gaps = link.attempts.slice(1).map((t, i) => t - (link.attempts[i] ?? 0));
    expect(gaps.slice(0, 6)).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(link.failures.every((m) => m === 'ENOENT: no such port')).toBe(true);
    expect(lifecycle.reopens).toBe(link.attempts.length - 1);
  });

  it('reopens after a loss, and a device that answered starts again from the shortest wait', async () => {
    const clock = new FakeClock();
    const { link, lifecycle } = fakeLink(clock);
    await lifecycle.start();
    await clock.advance(250 + 500 + 1000); // three failures: the next wait is 2000 ms
    expect(lifecycle.nextDelayMs).toBe(2000);
    link.up = true;
    await clock.advance(2000);
    expect(link.attempts.at(-1)).toBe(3750);
    // Opened but not yet heard from: a loss now still waits the long way.
    lifecycle.lost();
    await clock.advance(1999);
    expect(link.attempts).toHaveLength(5);
    await clock.advance(1);
    expect(link.attempts).toHaveLength(6);
    // The device answered: the next loss reopens after 250 ms.
    lifecycle.healthy();
    lifecycle.lost();
    lifecycle.lost(); // a second report of the same loss schedules nothing more
    await clock.advance(250);
    expect(link.attempts).toHaveLength(7);
    expect(link.attempts.at(-1)! - link.attempts.at(-2)!).toBe(250);
    expect(clock.pending).toBe(0);
  });

  it('stop cancels a pending reopen and no loss after it schedules another', async () => {
    const clock = new FakeClock();
    const { link, lifecycle } = fakeLink(clock);
    await lifecycle.start();
    expect(clock.pending).toBe(1);
    lifecycle.stop();
    expect(clock.pending).toBe(0);
    lifecycle.lost();
    await clock.advance(60_000);
    expect(link.attempts).toEqual([0]);
    expect(lifecycle.isRunning).toBe(false);
  });

  it('an open that fails after stop (the port answered late) schedules no retry', async () => {
    const clock = new FakeClock();
    let reject: (e: Error) => void = () => undefined;
    const lifecycle = new DeviceLifecycle({ open: () => new Promise<void>((_r, j) => (reject = j)), timers: clock });
    const started = lifecycle.start();
    lifecycle.stop();
    reject(new Error('EBUSY'));
    await started;
    expect(clock.pending).toBe(0);
  });
});
