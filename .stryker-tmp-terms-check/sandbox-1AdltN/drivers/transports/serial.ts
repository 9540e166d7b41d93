/** serialport-backed transport: it only moves bytes; framing and health live in the session. */
// @ts-nocheck

import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import type { ByteTransport } from './types.ts';

export interface SerialOptions {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  /** Modem lines some RS-232 converters need; failures are ignored (PTYs reject them). */
  dtr?: boolean;
  rts?: boolean;
}

export class SerialTransport extends EventEmitter implements ByteTransport {
  private port: SerialPort | undefined;

  constructor(readonly options: SerialOptions) {
    super();
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    const { path, baudRate, dataBits = 8, parity = 'none', stopBits = 1 } = this.options;
    const port = new SerialPort({ path, baudRate, dataBits, parity, stopBits, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    this.port = port;
    port.on('data', (bytes: Buffer) => this.emit('data', bytes));
    port.on('error', () => undefined);
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      if (this.port === port) this.port = undefined;
      this.emit('close', err ?? undefined);
    });
    if (this.options.dtr !== undefined || this.options.rts !== undefined) {
      const flags = { dtr: this.options.dtr, rts: this.options.rts };
      await new Promise<void>((resolve) => port.set(flags, () => resolve()));
    }
  }

  async write(bytes: Buffer): Promise<void> {
    const port = this.port;
    if (!port) throw new Error('serial port is not open');
    await new Promise<void>((resolve, reject) => port.write(bytes, (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
