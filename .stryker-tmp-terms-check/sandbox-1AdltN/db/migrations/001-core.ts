/** Stations, users, settings, counters, registrations and the hash-chained audit log. */
// @ts-nocheck

export default /* sql */ `
CREATE TABLE station (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  code TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk','officer','disposal','supervisor','admin')),
  password_hash TEXT NOT NULL,
  credential_number TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per numbering period (e.g. CD-20261128-): the last number handed out; never decremented.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  last_value INTEGER NOT NULL
);

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  record_number TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  amends_id INTEGER UNIQUE REFERENCES registrations(id),
  amendment_reason TEXT,
  station_code TEXT NOT NULL,
  operator_id INTEGER NOT NULL REFERENCES users(id),
  registered_at TEXT NOT NULL,
  plate TEXT NOT NULL,
  trailer_plate TEXT,
  plate_color TEXT NOT NULL,
  driver_name TEXT NOT NULL,
  driver_id_number TEXT NOT NULL,
  driver_phone TEXT NOT NULL,
  carrier TEXT NOT NULL,
  origin TEXT NOT NULL,
  consignee TEXT NOT NULL,
  destination TEXT NOT NULL,
  destination_in_hebei INTEGER NOT NULL,
  coal_kind TEXT NOT NULL,
  coal_kind_other TEXT,
  intended_use TEXT NOT NULL,
  declared_kg INTEGER NOT NULL CHECK (declared_kg >= 0),
  has_contract INTEGER NOT NULL,
  has_report INTEGER NOT NULL,
  report_number TEXT,
  via_designated_route INTEGER NOT NULL,
  gross_kg INTEGER NOT NULL CHECK (gross_kg BETWEEN 0 AND 200000),
  tare_kg INTEGER NOT NULL CHECK (tare_kg >= 0 AND tare_kg <= gross_kg),
  net_kg INTEGER NOT NULL CHECK (net_kg = gross_kg - tare_kg),
  weight_source TEXT NOT NULL CHECK (weight_source IN ('manual','scale')),
  manual_reason TEXT,
  weighing_id INTEGER,
  training INTEGER NOT NULL DEFAULT 0,
  UNIQUE (record_number, revision)
);
CREATE INDEX registrations_registered_at ON registrations(registered_at);
CREATE INDEX registrations_plate ON registrations(plate, registered_at);
CREATE INDEX registrations_trailer_plate ON registrations(trailer_plate);
CREATE INDEX registrations_driver_id ON registrations(driver_id_number);
CREATE INDEX registrations_report_number ON registrations(report_number) WHERE report_number IS NOT NULL;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
`;
