import { z } from 'zod';
import { requiredText } from './clean-text.ts';
import { protocolNames } from '../devices/protocol-names.ts';
import type { IdCardText } from '../devices/id-card-text.ts';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';

export const DEVICE_KINDS = ['scale', 'idcard', 'scanner'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const PARITIES = ['none', 'even', 'odd'] as const;
/** How a device is reached: a serial port, or (scanners only) a HID POS device by hidraw path or "vid:pid". */
export const DEVICE_TRANSPORTS = ['serial', 'hid'] as const;
export type DeviceTransport = (typeof DEVICE_TRANSPORTS)[number];
export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

/** Protocol options and stability overrides a technician may set per scale (drivers/protocols ProtocolOptions). */
export const DeviceOptions = z
  .object({
    divisionKg: z.int().min(1).max(1000).optional(),
    unit: z.enum(['kg', 't']).optional(),
    orientation: z.enum(['reversed', 'forward', 'auto']).optional(),
    checksum: z.union([z.boolean(), z.literal('auto')]).optional(),
    address: z.int().min(1).max(247).optional(),
    /** Stability window and minimum weight (drivers/stability.ts). */
    windowMs: z.int().min(300).max(10_000).optional(),
    minWeightKg: z.int().min(0).max(100_000).optional(),
  })
  .strict();
export type DeviceOptions = z.infer<typeof DeviceOptions>;

const portSettings = {
  portPath: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' }),
  baudRate: z.int().min(50).max(4_000_000).default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(PARITIES).default('none'),
  stopBits: z.union([z.literal(1), z.literal(2)]).default(1),
};

export const DeviceInput = z
  .object({
    id: z.int().positive().optional(),
    kind: z.enum(DEVICE_KINDS, { message: 'validation.choice' }),
    name: requiredText(40),
    transport: z.enum(DEVICE_TRANSPORTS, { message: 'validation.choice' }).default('serial'),
    ...portSettings,
    protocol: z.enum(protocolNames, { message: 'validation.choice' }).optional(),
    options: DeviceOptions.default({}),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((d) => (d.kind === 'scale') === (d.protocol !== undefined), { path: ['protocol'], message: 'validation.required' })
  .refine((d) => d.transport === 'serial' || d.kind === 'scanner', { path: ['transport'], message: 'validation.hidScannersOnly' });
export type DeviceInput = z.input<typeof DeviceInput>;
export type DeviceData = z.output<typeof DeviceInput>;

export interface DeviceConfig extends Omit<DeviceData, 'id' | 'protocol'> {
  id: number;
  protocol: DeviceData['protocol'] | null;
  updatedAt: string;
}

export type DeviceStatus = 'online' | 'offline' | 'error';
/**
 * The kiosk's stability light: green (stable), amber (settling or moving), red (fault, or no reading: the
 * device is offline), grey (the deck is empty: below the configured threshold).
 */
export type StabilityLight = 'stable' | 'settling' | 'motion' | 'fault' | 'offline' | 'empty';

/** One open device as the app runs it: configured, or a simulator standing in for one. */
export interface DeviceHealth {
  /** `cfg-<id>` for a configured device, `sim-scale` / `sim-idcard` for simulators. */
  channel: string;
  kind: DeviceKind;
  label: string;
  simulated: boolean;
  status: DeviceStatus;
  detail: string | null;
  lastFrameAt: string | null;
}

export interface LiveWeight {
  channel: string;
  weightKg: number | null;
  stable: boolean;
  light: StabilityLight;
  /** Why a capture would be refused now (drivers/stability NotCapturableReason), null when it would succeed. */
  reason: string | null;
}

export interface DevicesLive {
  training: boolean;
  /** Settings: auto-capture on by default at the kiosk. */
  autoCapture: boolean;
  /** Some device is a simulator (training, or nothing configured yet). */
  simulated: boolean;
  scale: LiveWeight | null;
  devices: DeviceHealth[];
  /** Increments on every ID card read: fetch devices.lastIdCard when it changes. */
  idCardSeq: number;
  /** Last code from a serial (virtual COM) or HID POS scanner, routed like a keyboard-wedge scan. */
  lastScan: (ScannerCode & { seq: number }) | null;
}

/** One decoded code from a scanner. */
export interface ScannerCode {
  text: string;
  /**
   * AIM symbology id ("]Q0" QR, "]E0" EAN-13, "]C0" Code 128…), so a QR can be told from a 1-D code.
   * Only HID POS scanners report it; absent for serial (virtual COM) scanners.
   */
  aim?: string;
}

export interface CaptureOutcome {
  weighingId: number;
  weightKg: number;
  protocol: string;
  capturedAt: string;
  simulated: boolean;
}

export interface IdCardRead {
  seq: number;
  readAt: string;
  simulated: boolean;
  /** validTo lies before today. */
  expired: boolean;
  /** The card's text as the reader parsed it, without the raw codes; a nation not in GB 3304 is null. */
  card: Omit<IdCardText, 'sexCode' | 'nationCode' | 'cardType' | 'nation'> & { nation: string | null };
}

export interface SerialPortInfo {
  path: string;
  manufacturer: string | null;
  vendorId: string | null;
  productId: string | null;
  serialNumber: string | null;
}

export interface RawTail {
  channel: string;
  /** The last bytes received, hex, oldest first. */
  hex: string;
  frames: { at: string; weightKg: number; stable: boolean | null; overload: boolean; raw: string }[];
  /** Text lines among those bytes that the channel's protocol took no frame from, with parsers that would. */
  untaken: { text: string; takenBy: string[] }[];
}

export interface DetectOutcome {
  bytes: number;
  /** Parsers that produced frames, best first (drivers/protocols detectProtocol). */
  matches: { protocol: string; frames: number; droppedBytes: number }[];
}

/** A HID POS barcode scanner node-hid sees (usage page 0x8C, usage 0x02). */
export interface HidScannerInfo {
  path: string;
  vendorId: number;
  productId: number;
  product: string | null;
}

/** HID scanners attached now; `reason` says why the list is empty when node-hid/libusb cannot load. */
export interface HidScannerList {
  available: boolean;
  reason: string | null;
  devices: HidScannerInfo[];
}

/** Printable ASCII: what a scanner can be set to send as a prefix or suffix character. */
const printable = /^[\x21-\x7e]*$/;

/**
 * How the kiosk tells a keyboard-wedge scan from typing: every key within maxInterKeyMs of the previous one,
 * at least minLength characters after the prefix, ended by the suffix key (a KeyboardEvent.key).
 */
export const WedgeSettings = z
  .object({
    prefix: z.string().max(8, { message: 'validation.tooLong' }).regex(printable, { message: 'validation.wedgePrintable' }),
    suffix: z.string().refine((k) => k === 'Enter' || k === 'Tab' || (k.length === 1 && printable.test(k)), { message: 'validation.wedgeSuffixKey' }),
    minLength: z.int().min(1).max(64),
    maxInterKeyMs: z.int().min(5).max(200),
  })
  .strict()
  // A suffix character inside the prefix would end every scan before it starts.
  .refine((w) => w.suffix.length !== 1 || !w.prefix.includes(w.suffix), { path: ['prefix'], message: 'validation.wedgePrefixHasSuffix' });
export type WedgeSettings = z.infer<typeof WedgeSettings>;

export const defaultWedgeSettings: WedgeSettings = { prefix: '', suffix: 'Enter', minLength: 6, maxInterKeyMs: 30 };

const Channel = z.string().regex(/^(cfg-\d+|sim-scale|sim-idcard)$/, { message: 'validation.choice' });

export const DetectInput = z
  .object({
    /** Listen on a running device's link, or open a port that is not in use. */
    channel: Channel.optional(),
    ...portSettings,
    portPath: portSettings.portPath.optional(),
    listenMs: z.int().min(500).max(10_000).default(3000),
  })
  .strict()
  .refine((d) => d.channel !== undefined || d.portPath !== undefined, { path: ['portPath'], message: 'validation.required' });

export const devicesContract = {
  'devices.live': method<DevicesLive>()(Empty, ROLE_GROUPS.registrar),
  'devices.capture': method<CaptureOutcome>()(z.object({ channel: Channel.optional() }).strict(), ROLE_GROUPS.registrar),
  'devices.lastIdCard': method<IdCardRead | null>()(Empty, ROLE_GROUPS.registrar),
  'devices.list': method<DeviceConfig[]>()(Empty, ROLE_GROUPS.admin),
  'devices.configure': method<DeviceConfig>()(DeviceInput, ROLE_GROUPS.admin),
  'devices.remove': method<null>()(z.object({ id: z.int().positive() }).strict(), ROLE_GROUPS.admin),
  'devices.ports': method<SerialPortInfo[]>()(Empty, ROLE_GROUPS.admin),
  'devices.detect': method<DetectOutcome>()(DetectInput, ROLE_GROUPS.admin),
  'devices.rawTail': method<RawTail>()(z.object({ channel: Channel, bytes: z.int().min(16).max(4096).default(512) }).strict(), ROLE_GROUPS.admin),
  'devices.hidList': method<HidScannerList>()(Empty, ROLE_GROUPS.admin),
  'devices.wedgeSettings': method<WedgeSettings>()(Empty, ROLE_GROUPS.registrar),
  'devices.setWedgeSettings': method<WedgeSettings>()(WedgeSettings, ROLE_GROUPS.admin),
  'devices.setTraining': method<{ training: boolean }>()(z.object({ training: z.boolean() }).strict(), ROLE_GROUPS.admin),
} satisfies Record<string, MethodDef>;
