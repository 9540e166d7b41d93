// @ts-nocheck
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyHidPosState, encodeHidPosReports, parseHidPosReport } from '../../../drivers/protocols/hid-pos.ts';
import { emptySerialScannerState, flushScanner, parseScannerBytes } from '../../../drivers/protocols/serial-scanner.ts';
import { HidPosScanner, SerialScanner } from '../../../drivers/scanners.ts';
import type { HidDevice } from '../../../drivers/transports/hid.ts';
import { createInProcessPair } from '../../../drivers/transports/in-process.ts';

describe('HID POS reports', () => {
  it('decodes the EAN-13 single report of the reference', () => {
    const report = Buffer.alloc(64);
    Buffer.from('020D5D4530', 'hex').copy(report);
    report.write('6901234567892', 5, 'latin1');
    report[61] = 0x64;
    const r = parseHidPosReport(emptyHidPosState(), report);
    expect(r.code).toMatchObject({ text: '6901234567892', aim: ']E0', codeId: 'd' });
    expect(encodeHidPosReports('6901234567892', ']E0', 'd')[0]).toEqual(report);
  });

  it('joins multi-report codes and accepts WebHID reports without the ID', () => {
    const text = 'M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23  ' + 'x'.repeat(70);
    const reports = encodeHidPosReports(text, ']Q0', 's');
    expect(reports).toHaveLength(3);
    expect(reports.map((r) => r[63])).toEqual([1, 1, 0]);
    let state = emptyHidPosState();
    const codes = [];
    for (const r of reports) {
      const out = parseHidPosReport(state, r.subarray(1));
      state = out.state;
      if (out.code) codes.push(out.code.text);
    }
    expect(codes).toEqual([text]);
  });

  it('never throws on random reports', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (r) => void parseHidPosReport(emptyHidPosState(), r)));
  });

  it('HidPosScanner emits scans from an injected fake device', () => {
    const device = new EventEmitter() as EventEmitter & HidDevice;
    device.close = () => undefined;
    const scans: string[] = [];
    new HidPosScanner(device).on('scan', (c: { text: string }) => scans.push(c.text));
    for (const r of encodeHidPosReports('晋A12345', ']Q0')) device.emit('data', r);
    expect(scans).toEqual(['晋A12345']);
  });
});

describe('serial scanner framing', () => {
  it('splits on CR, LF and CR LF, dropping empty codes', () => {
    const r = parseScannerBytes(emptySerialScannerState(), Buffer.from('ABC\r\nDEF\rGH'), 0);
    expect(r.codes).toEqual(['ABC', 'DEF']);
    expect(parseScannerBytes(r.state, Buffer.from('I\n'), 10).codes).toEqual(['GHI']);
  });

  it('ends a suffix-less code after the inter-byte timeout', () => {
    const a = parseScannerBytes(emptySerialScannerState(), Buffer.from('6901234'), 0);
    expect(flushScanner(a.state, 80).codes).toEqual([]);
    expect(flushScanner(a.state, 81).codes).toEqual(['6901234']);
    // A late byte after the gap starts a new code.
    expect(parseScannerBytes(a.state, Buffer.from('9\r'), 200).codes).toEqual(['6901234', '9']);
  });

  it('SerialScanner emits codes over a transport, with the timeout path', async () => {
    const [host, device] = createInProcessPair();
    await host.open();
    await device.open();
    const scans: string[] = [];
    const scanner = new SerialScanner(host, { interByteTimeoutMs: 30, maxLength: 100 });
    scanner.on('scan', (c: { text: string }) => scans.push(c.text));
    await device.write(Buffer.from('QR-1\r\nQR-2'));
    await new Promise((r) => setTimeout(r, 120));
    expect(scans).toEqual(['QR-1', 'QR-2']);
    await scanner.stop();
  });
});
