/**
 * HID POS scanners through the whole app: fake HID devices stand in for node-hid (no /dev/uhid here), the
 * DeviceManager opens them by vendor:product id or path, and devices.live hands the scans to the kiosk.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHidPosReports } from '../../drivers/protocols/hid-pos.ts';
import type { HidBackend, HidDevice, HidDeviceInfo } from '../../drivers/transports/hid.ts';
import { routeScan } from '../../src-renderer/components/useWedgeScanner.ts';
import { createFixture, type Fixture } from '../support/app-fixture.ts';

class FakeHidDevice extends EventEmitter implements HidDevice {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

/** node-hid as the DeviceManager sees it: attached scanners, and every device it opened. */
class FakeHid implements HidBackend {
  attached: HidDeviceInfo[] = [{ path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, product: 'Honeywell 1950g' }];
  opened: { path: string; device: FakeHidDevice }[] = [];
  listError: Error | undefined;

  list(): Promise<HidDeviceInfo[]> {
    return this.listError ? Promise.reject(this.listError) : Promise.resolve(this.attached);
  }

  open(path: string): Promise<HidDevice> {
    if (!this.attached.some((d) => d.path === path)) return Promise.reject(new Error(`cannot open ${path}`));
    const device = new FakeHidDevice();
    this.opened.push({ path, device });
    return Promise.resolve(device);
  }

  get current(): FakeHidDevice {
    const last = this.opened.at(-1);
    if (!last || last.device.closed) throw new Error('no open HID device');
    return last.device;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const waitFor = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

let f: Fixture;
afterEach(async () => {
  await f.app.devices.stop();
  f.app.close();
});

async function withHidScanner(portPath: string) {
  const hid = new FakeHid();
  f = await createFixture({ devices: { hid } });
  const kiosk = await f.tokenFor('kiosk');
  await f.call('devices.configure', { kind: 'scanner', transport: 'hid', name: '扫码枪', portPath }, f.adminToken);
  const live = () => f.call('devices.live', {}, kiosk);
  await waitFor(async () => (await live()).devices[0]?.status === 'online', 1000, 'the scanner online');
  return { hid, live };
}

describe('HID POS scanner in the DeviceManager', () => {
  it('joins a multi-report code (continuation bit) into one scan on devices.live, then routes the next scan', async () => {
    const { hid, live } = await withHidScanner('0c2e:0b61');
    expect(hid.opened.map((o) => o.path)).toEqual(['/dev/hidraw3']);
    const before = await live();
    expect(before.lastScan).toBeNull();
    expect(before.devices[0]).toMatchObject({ kind: 'scanner', simulated: false, label: '扫码枪 (HID 0c2e:0b61)' });

    const report = 'ZJ2026-00871/河北省煤炭质量检验中心/' + 'S'.repeat(60);
    const reports = encodeHidPosReports(report, ']Q0', 's');
    expect(reports.length).toBeGreaterThan(1);
    for (const r of reports.slice(0, -1)) hid.current.emit('data', r);
    expect((await live()).lastScan).toBeNull(); // more reports follow: nothing yet
    hid.current.emit('data', reports.at(-1));
    const scanned = (await live()).lastScan;
    // The AIM id tells a QR (]Q) from a 1-D code: both reach devices.live.
    expect(scanned).toEqual({ seq: 1, text: report, aim: ']Q0' });
    expect(routeScan(scanned!.text)).toEqual({ field: 'reportNumber', value: report });

    for (const r of encodeHidPosReports('冀A12345', ']E0', 'd')) hid.current.emit('data', r);
    const next = await live();
    expect(next.lastScan).toEqual({ seq: 2, text: '冀A12345', aim: ']E0' });
    expect(routeScan(next.lastScan!.text)).toEqual({ field: 'plate', value: '冀A12345' });
    expect(next.devices[0]?.lastFrameAt).not.toBeNull();

    const tail = await f.call('devices.rawTail', { channel: next.devices[0]!.channel, bytes: 64 }, f.adminToken);
    expect(Buffer.from(tail.hex, 'hex')).toEqual(encodeHidPosReports('冀A12345', ']E0', 'd')[0]);
  });

  it('goes offline when the device errors (unplugged) and reopens it by path', async () => {
    const { hid, live } = await withHidScanner('/dev/hidraw3');
    const first = hid.current;
    first.emit('error', new Error('could not read from HID device'));
    expect(first.closed).toBe(true);
    expect((await live()).devices[0]).toMatchObject({ status: 'offline', detail: 'could not read from HID device' });
    await waitFor(async () => (await live()).devices[0]?.status === 'online', 3500, 'the scanner reopened');
    expect(hid.opened).toHaveLength(2);
    for (const r of encodeHidPosReports('CD-20261128-0007')) hid.current.emit('data', r);
    expect((await live()).lastScan?.text).toBe('CD-20261128-0007');
  });

  it('reports a scanner that is not attached as offline with the reason, and closes devices on stop', async () => {
    const { hid } = await withHidScanner('/dev/hidraw3');
    await f.call('devices.configure', { kind: 'scanner', transport: 'hid', name: '二号枪', portPath: '05e0:1200' }, f.adminToken);
    const live = await f.call('devices.live', {}, await f.tokenFor('kiosk'));
    expect(live.devices[1]).toMatchObject({ status: 'offline', detail: 'no HID POS scanner 05e0:1200 attached' });
    await f.app.devices.stop();
    expect(hid.opened.every((o) => o.device.closed)).toBe(true);
  });

  it('only scanners take the HID transport', async () => {
    f = await createFixture({ devices: { hid: new FakeHid() } });
    const r = await f.raw('devices.configure', { kind: 'scale', transport: 'hid', name: 'x', portPath: '/dev/hidraw0', protocol: 'keli' }, f.adminToken);
    expect(r.ok ? null : r.error.issues?.map((i) => i.key)).toEqual(['validation.hidScannersOnly']);
    const serial = await f.call('devices.configure', { kind: 'scanner', name: 'COM', portPath: '/dev/ttyACM0' }, f.adminToken);
    expect(serial.transport).toBe('serial');
  });
});

describe('devices.hidList', () => {
  it('lists attached HID POS scanners for technicians, and is empty with the reason when node-hid cannot load', async () => {
    const hid = new FakeHid();
    f = await createFixture({ devices: { hid } });
    expect(await f.call('devices.hidList', {}, f.adminToken)).toEqual({
      available: true, reason: null, devices: [{ path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, product: 'Honeywell 1950g' }],
    });
    const kiosk = await f.raw('devices.hidList', {}, await f.tokenFor('kiosk'));
    expect(kiosk.ok ? null : kiosk.error.code).toBe('forbidden');
    hid.listError = new Error('libusb-1.0.so.0: cannot open shared object file');
    expect(await f.call('devices.hidList', {}, f.adminToken)).toEqual({
      available: false, reason: 'libusb-1.0.so.0: cannot open shared object file', devices: [],
    });
  });
});
