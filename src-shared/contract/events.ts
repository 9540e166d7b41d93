/**
 * What the main side pushes to the renderer, unasked: one name per event, its payload type and the roles
 * that may receive it. Electron delivers these over IPC and the loopback host as server-sent events; the
 * renderer subscribes through one `subscribe(event, handler)` either way.
 */
import type { DeviceHealth, IdCardRead, LiveWeight, ScannerCode } from './devices.ts';
import { ROLE_GROUPS, type Role } from './roles.ts';

/** The devices as a whole: which are open and how each is, the training switch and the kiosk's auto-capture. */
export interface DevicesState {
  training: boolean;
  autoCapture: boolean;
  simulated: boolean;
  devices: DeviceHealth[];
}

export interface EventPayloads {
  /** The kiosk scale's reading and stability light, on every change (null: no scale is open). */
  'devices.weight': LiveWeight | null;
  /** A device came, went, was lost, reconnected; training or auto-capture switched. */
  'devices.state': DevicesState;
  /** An ID card was read (each read once). */
  'devices.idCard': IdCardRead;
  /** A serial (virtual COM) or HID POS scanner decoded a code. */
  'devices.scan': ScannerCode;
  /** A print job was queued, sent, printed or failed: re-read documents.queue. */
  'printing.queue': { jobId: number | null };
}

export type EventName = keyof EventPayloads;

/** Who receives each event: the same groups as the methods that read the same data. */
export const EVENT_ROLES: { readonly [E in EventName]: readonly Role[] } = {
  'devices.weight': ROLE_GROUPS.registrar,
  'devices.state': ROLE_GROUPS.registrar,
  'devices.idCard': ROLE_GROUPS.registrar,
  'devices.scan': ROLE_GROUPS.registrar,
  'printing.queue': ROLE_GROUPS.enforcement,
};

export const EVENT_NAMES = Object.keys(EVENT_ROLES) as EventName[];

export type AppEvent = { [E in EventName]: { name: E; payload: EventPayloads[E] } }[EventName];

/** How often the main side proves a quiet stream alive; the renderer calls the stream dead after STREAM_DEAD_AFTER_MS of silence. */
export const HEARTBEAT_MS = 1000;
export const STREAM_DEAD_AFTER_MS = 2500;
