/**
 * HID input for HID POS scanners. node-hid is imported lazily so nothing that merely imports this module (tests,
 * CI without libusb) loads the native addon.
 */
// @ts-nocheck

import { EventEmitter } from 'node:events';
import { HID_POS_BARCODE_SCANNER_USAGE, HID_POS_USAGE_PAGE } from '../protocols/hid-pos.ts';

export interface HidDevice {
  on(event: 'data', listener: (report: Buffer) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  close(): void;
}

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product: string | undefined;
}

type NodeHid = typeof import('node-hid');

async function loadNodeHid(): Promise<NodeHid> {
  const mod = (await import('node-hid')) as NodeHid & { default?: NodeHid };
  return mod.default ?? mod;
}

/** HID POS barcode scanners currently attached (usage page 0x8C, usage 0x02). */
export async function listHidPosScanners(): Promise<HidDeviceInfo[]> {
  const hid = await loadNodeHid();
  return (await hid.devicesAsync())
    .filter((d) => d.usagePage === HID_POS_USAGE_PAGE && d.usage === HID_POS_BARCODE_SCANNER_USAGE && d.path)
    .map((d) => ({ path: d.path ?? '', vendorId: d.vendorId, productId: d.productId, product: d.product }));
}

/** Opens a scanner by hidraw path through node-hid and adapts it to HidDevice. */
export async function openHidDevice(path: string): Promise<HidDevice> {
  const hid = await loadNodeHid();
  const device = await hid.HIDAsync.open(path);
  const adapter = new EventEmitter() as EventEmitter & HidDevice;
  device.on('data', (report: Buffer) => adapter.emit('data', report));
  device.on('error', (error: Error) => adapter.emit('error', error));
  adapter.close = () => void device.close();
  return adapter;
}

/** Where a configured HID scanner is: a hidraw path (changes on re-plug) or its USB vendor and product id. */
export type HidTarget = { path: string } | { vendorId: number; productId: number };

const VID_PID = /^([0-9a-f]{4}):([0-9a-f]{4})$/i;

/** Reads a configured address: "0c2e:0b61" is a vendor:product id (hex), anything else a path. */
export function hidTargetOf(address: string): HidTarget {
  const m = VID_PID.exec(address.trim());
  return m ? { vendorId: parseInt(m[1]!, 16), productId: parseInt(m[2]!, 16) } : { path: address };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** How the app reaches HID POS scanners; tests inject a fake in place of node-hid. */
export interface HidBackend {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDevice>;
}

export const nodeHidBackend: HidBackend = { list: listHidPosScanners, open: openHidDevice };

/** Opens the scanner a target names; by vendor:product id, the first such HID POS scanner attached. */
export async function openHidTarget(backend: HidBackend, target: HidTarget): Promise<HidDevice> {
  if ('path' in target) return backend.open(target.path);
  const found = (await backend.list()).find((d) => d.vendorId === target.vendorId && d.productId === target.productId);
  if (!found) throw new Error(`no HID POS scanner ${hex4(target.vendorId)}:${hex4(target.productId)} attached`);
  return backend.open(found.path);
}
