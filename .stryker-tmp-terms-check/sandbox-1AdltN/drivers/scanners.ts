/** Barcode scanner front ends: both emit 'scan' with the decoded text, whatever the link. */
// @ts-nocheck

import { EventEmitter } from 'node:events';
import { emptyHidPosState, parseHidPosReport, type ScannedCode } from './protocols/hid-pos.ts';
import {
  defaultSerialScannerOptions,
  emptySerialScannerState,
  flushScanner,
  parseScannerBytes,
  type SerialScannerOptions,
  type SerialScannerState,
} from './protocols/serial-scanner.ts';
import type { HidDevice } from './transports/hid.ts';
import type { ByteTransport } from './transports/types.ts';

/** HID POS scanner: joins multi-report codes; emits 'scan' (ScannedCode). */
export class HidPosScanner extends EventEmitter {
  private state = emptyHidPosState();

  constructor(device: HidDevice) {
    super();
    device.on('data', (report) => {
      const r = parseHidPosReport(this.state, report);
      this.state = r.state;
      if (r.code) this.emit('scan', r.code satisfies ScannedCode);
    });
  }
}

/** Virtual-COM scanner: suffix or inter-byte-timeout framing; emits 'scan' ({ text }). */
export class SerialScanner extends EventEmitter {
  private state = emptySerialScannerState();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: ByteTransport,
    private readonly options: SerialScannerOptions = defaultSerialScannerOptions,
    private readonly now: () => number = Date.now,
  ) {
    super();
    transport.on('data', (bytes) => {
      const r = parseScannerBytes(this.state, bytes, this.now(), this.options);
      this.apply(r);
      clearTimeout(this.timer);
      if (this.state.pending.length > 0) {
        this.timer = setTimeout(() => this.apply(flushScanner(this.state, this.now(), this.options)), this.options.interByteTimeoutMs + 5);
      }
    });
  }

  private apply(r: { state: SerialScannerState; codes: string[] }): void {
    this.state = r.state;
    for (const text of r.codes) this.emit('scan', { text });
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.transport.close();
  }
}
