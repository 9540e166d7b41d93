/**
 * Devices: the serial devices a technician configured (weighbridge indicators, ID-card readers, serial
 * barcode scanners), the weighings captured from a scale (the evidence behind a "scale" registration weight)
 * and the kiosk's training-mode switch. Weights are integer kg.
 */
// @ts-nocheck

export default /* sql */ `
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('scale','idcard','scanner')),
  name TEXT NOT NULL,
  port_path TEXT NOT NULL,
  baud_rate INTEGER NOT NULL CHECK (baud_rate BETWEEN 50 AND 4000000),
  data_bits INTEGER NOT NULL DEFAULT 8 CHECK (data_bits IN (5,6,7,8)),
  parity TEXT NOT NULL DEFAULT 'none' CHECK (parity IN ('none','even','odd')),
  stop_bits INTEGER NOT NULL DEFAULT 1 CHECK (stop_bits IN (1,2)),
  -- Scale protocol name (drivers/protocols); NULL for ID-card readers and scanners.
  protocol TEXT CHECK ((kind = 'scale') = (protocol IS NOT NULL)),
  -- JSON object: protocol options (divisionKg, address…) and stability overrides.
  options_json TEXT NOT NULL DEFAULT '{}',
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
  updated_at TEXT NOT NULL
);

-- One stable reading taken from a scale; a registration may cite it once (used_by_registration).
CREATE TABLE weighings (
  id INTEGER PRIMARY KEY,
  weight_kg INTEGER NOT NULL CHECK (weight_kg BETWEEN -999999 AND 999999),
  -- JSON list of the frames behind the decision: {at, weightKg, stable, raw (hex)}.
  frames_json TEXT NOT NULL,
  protocol TEXT NOT NULL,
  device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL,
  -- Port and protocol as they were at capture time; survives the device's removal.
  device_label TEXT NOT NULL,
  -- Taken from a simulator: a registration citing it is a training record.
  simulated INTEGER NOT NULL CHECK (simulated IN (0,1)),
  captured_at TEXT NOT NULL,
  captured_by INTEGER NOT NULL REFERENCES users(id),
  used_by_registration INTEGER UNIQUE REFERENCES registrations(id)
);
CREATE INDEX weighings_captured_at ON weighings(captured_at);

CREATE TABLE device_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  training_mode INTEGER NOT NULL CHECK (training_mode IN (0,1)),
  updated_at TEXT
);
INSERT INTO device_settings (id, training_mode) VALUES (1, 0);
`;
