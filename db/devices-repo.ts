import type { DeviceConfig, DeviceData, DeviceOptions, WedgeSettings } from '../src-shared/contract/devices.ts';
import type { Db } from './open.ts';

interface DeviceRow {
  id: number;
  kind: DeviceConfig['kind'];
  transport: DeviceConfig['transport'];
  name: string;
  port_path: string;
  baud_rate: number;
  data_bits: DeviceConfig['dataBits'];
  parity: DeviceConfig['parity'];
  stop_bits: DeviceConfig['stopBits'];
  protocol: DeviceConfig['protocol'];
  options_json: string;
  enabled: number;
  updated_at: string;
}

const toDevice = (r: DeviceRow): DeviceConfig => ({
  id: r.id,
  kind: r.kind,
  transport: r.transport,
  name: r.name,
  portPath: r.port_path,
  baudRate: r.baud_rate,
  dataBits: r.data_bits,
  parity: r.parity,
  stopBits: r.stop_bits,
  protocol: r.protocol,
  options: JSON.parse(r.options_json) as DeviceOptions,
  enabled: r.enabled === 1,
  updatedAt: r.updated_at,
});

export function listDevices(db: Db): DeviceConfig[] {
  return (db.prepare('SELECT * FROM devices ORDER BY id').all() as DeviceRow[]).map(toDevice);
}

export function getDevice(db: Db, id: number): DeviceConfig | undefined {
  const row = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
  return row && toDevice(row);
}

/** Inserts, or replaces the row with d.id; returns the id. */
export function saveDevice(db: Db, d: DeviceData, updatedAt: string): number {
  const params = {
    kind: d.kind, transport: d.transport, name: d.name, port_path: d.portPath, baud_rate: d.baudRate, data_bits: d.dataBits, parity: d.parity,
    stop_bits: d.stopBits, protocol: d.protocol ?? null, options_json: JSON.stringify(d.options), enabled: d.enabled ? 1 : 0,
    updated_at: updatedAt,
  };
  if (d.id === undefined) {
    return Number(db.prepare(
      `INSERT INTO devices (kind, transport, name, port_path, baud_rate, data_bits, parity, stop_bits, protocol, options_json, enabled, updated_at)
       VALUES (@kind, @transport, @name, @port_path, @baud_rate, @data_bits, @parity, @stop_bits, @protocol, @options_json, @enabled, @updated_at)`,
    ).run(params).lastInsertRowid);
  }
  db.prepare(
    `UPDATE devices SET kind = @kind, transport = @transport, name = @name, port_path = @port_path, baud_rate = @baud_rate, data_bits = @data_bits,
       parity = @parity, stop_bits = @stop_bits, protocol = @protocol, options_json = @options_json, enabled = @enabled,
       updated_at = @updated_at WHERE id = @id`,
  ).run({ ...params, id: d.id });
  return d.id;
}

export function deleteDevice(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM devices WHERE id = ?').run(id).changes === 1;
}

export function trainingMode(db: Db): boolean {
  return (db.prepare('SELECT training_mode FROM device_settings WHERE id = 1').get() as { training_mode: number }).training_mode === 1;
}

export function setTrainingMode(db: Db, on: boolean, updatedAt: string): void {
  db.prepare('UPDATE device_settings SET training_mode = @on, updated_at = @updatedAt WHERE id = 1').run({ on: on ? 1 : 0, updatedAt });
}

export function wedgeSettings(db: Db): WedgeSettings {
  return db.prepare(
    `SELECT wedge_prefix AS prefix, wedge_suffix AS suffix, wedge_min_length AS minLength, wedge_max_inter_key_ms AS maxInterKeyMs
     FROM device_settings WHERE id = 1`,
  ).get() as WedgeSettings;
}

export function saveWedgeSettings(db: Db, w: WedgeSettings, updatedAt: string): void {
  db.prepare(
    `UPDATE device_settings SET wedge_prefix = @prefix, wedge_suffix = @suffix, wedge_min_length = @minLength,
       wedge_max_inter_key_ms = @maxInterKeyMs, wedge_updated_at = @updatedAt WHERE id = 1`,
  ).run({ ...w, updatedAt });
}

export interface WeighingFrame {
  at: string;
  weightKg: number;
  stable: boolean | null;
  raw: string;
}

export interface NewWeighing {
  weightKg: number;
  frames: WeighingFrame[];
  protocol: string;
  deviceId: number | null;
  deviceLabel: string;
  simulated: boolean;
  capturedAt: string;
  capturedBy: number;
}

export interface Weighing {
  id: number;
  weightKg: number;
  simulated: boolean;
  usedByRegistration: number | null;
}

export function insertWeighing(db: Db, w: NewWeighing): number {
  return Number(db.prepare(
    `INSERT INTO weighings (weight_kg, frames_json, protocol, device_id, device_label, simulated, captured_at, captured_by)
     VALUES (@weightKg, @framesJson, @protocol, @deviceId, @deviceLabel, @simulated, @capturedAt, @capturedBy)`,
  ).run({
    weightKg: w.weightKg, framesJson: JSON.stringify(w.frames), protocol: w.protocol, deviceId: w.deviceId,
    deviceLabel: w.deviceLabel, simulated: w.simulated ? 1 : 0, capturedAt: w.capturedAt, capturedBy: w.capturedBy,
  }).lastInsertRowid);
}

export function getWeighing(db: Db, id: number): Weighing | undefined {
  const row = db.prepare('SELECT id, weight_kg, simulated, used_by_registration FROM weighings WHERE id = ?').get(id) as
    | { id: number; weight_kg: number; simulated: number; used_by_registration: number | null }
    | undefined;
  return row && { id: row.id, weightKg: row.weight_kg, simulated: row.simulated === 1, usedByRegistration: row.used_by_registration };
}

/** Marks a weighing as cited; false when another registration got there first. */
export function claimWeighing(db: Db, id: number, registrationId: number): boolean {
  return db.prepare('UPDATE weighings SET used_by_registration = @registrationId WHERE id = @id AND used_by_registration IS NULL')
    .run({ id, registrationId }).changes === 1;
}
