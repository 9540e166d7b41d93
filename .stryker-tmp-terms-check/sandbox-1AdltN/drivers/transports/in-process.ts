/**
 * A connected pair of in-memory transports: the kiosk opens one end, a simulator drives the other. Used for the
 * training mode (no serial port needed, works the same on Windows) and for tests.
 */
// @ts-nocheck

import { EventEmitter } from 'node:events';
import type { ByteTransport } from './types.ts';

export class InProcessTransport extends EventEmitter implements ByteTransport {
  peer: InProcessTransport | undefined;
  private opened = false;
  /** When false, open() fails as if the device were unplugged. */
  available = true;

  get isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    if (!this.available) throw new Error('simulated device is not connected');
    this.opened = true;
  }

  async write(bytes: Buffer): Promise<void> {
    if (!this.opened) throw new Error('simulated port is not open');
    const peer = this.peer;
    // Deliver asynchronously, like a real link, and only to an open far end.
    if (peer?.opened) setImmediate(() => peer.opened && peer.emit('data', Buffer.from(bytes)));
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.emit('close');
  }

  /** Simulates pulling the cable: both ends close and further opens fail until reconnect(). */
  unplug(): void {
    for (const end of [this, this.peer]) {
      if (!end) continue;
      end.available = false;
      void end.close();
    }
  }

  reconnect(): void {
    for (const end of [this, this.peer]) if (end) end.available = true;
  }
}

export function createInProcessPair(): [host: InProcessTransport, device: InProcessTransport] {
  const host = new InProcessTransport();
  const device = new InProcessTransport();
  host.peer = device;
  device.peer = host;
  return [host, device];
}
