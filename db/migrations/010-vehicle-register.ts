/**
 * The vehicle register and the kiosk's pick lists, so a returning truck is registered from its last visit and a
 * new one needs no Chinese input method. Both are kept by the registration service in the save's transaction;
 * labs are learned by a trigger because their checks are stored by the certificate service, after the save.
 * Weighing tickets printed from the kiosk are counted here: the first is the original, later ones are 补打.
 */
export default /* sql */ `
CREATE TABLE vehicle_register (
  plate TEXT PRIMARY KEY,
  trailer_plate TEXT,
  plate_color TEXT NOT NULL,
  driver_name TEXT NOT NULL,
  driver_id_number TEXT NOT NULL,
  driver_phone TEXT NOT NULL,
  carrier TEXT NOT NULL,
  consignee TEXT NOT NULL,
  origin TEXT NOT NULL,
  destination TEXT NOT NULL,
  destination_in_hebei INTEGER NOT NULL,
  coal_kind TEXT NOT NULL,
  coal_kind_other TEXT,
  intended_use TEXT NOT NULL,
  declared_kg INTEGER NOT NULL,
  has_contract INTEGER NOT NULL,
  via_designated_route INTEGER NOT NULL,
  last_tare_kg INTEGER NOT NULL CHECK (last_tare_kg >= 0),
  last_report_number TEXT,
  -- No foreign key: the register is derived from the ledger and must never stand in the way of the ledger's own rules.
  last_registration_id INTEGER NOT NULL,
  last_seen_at TEXT NOT NULL,
  visits INTEGER NOT NULL DEFAULT 1 CHECK (visits >= 1)
);
-- A driver's card finds the truck he came with last.
CREATE INDEX vehicle_register_driver ON vehicle_register(driver_id_number, last_seen_at);

-- kind: origin | destination | carrier | consignee | lab. A hidden entry is neither offered nor re-learned.
CREATE TABLE pick_list_entries (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('origin','destination','carrier','consignee','lab')),
  value TEXT NOT NULL CHECK (length(trim(value)) > 0),
  uses INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
  last_used_at TEXT,
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0,1)),
  UNIQUE (kind, value)
);

CREATE TRIGGER pick_list_learn_lab AFTER INSERT ON certificate_checks
WHEN NEW.lab IS NOT NULL AND length(trim(NEW.lab)) > 0
BEGIN
  INSERT INTO pick_list_entries (kind, value, uses, last_used_at) VALUES ('lab', trim(NEW.lab), 1, NEW.checked_at)
  ON CONFLICT (kind, value) DO UPDATE SET uses = uses + 1, last_used_at = excluded.last_used_at;
END;

CREATE TABLE weighing_ticket_prints (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  copy_number INTEGER NOT NULL CHECK (copy_number >= 1),
  format TEXT NOT NULL CHECK (format IN ('pdf-a5','pdf-a4','escpos-80')),
  content_hash TEXT NOT NULL,
  printed_at TEXT NOT NULL,
  printed_by INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (registration_id, copy_number)
);

-- What the checkpoint already knows: current revisions' places and parties, labs of stored checks,
-- and each plate's latest visit.
INSERT INTO pick_list_entries (kind, value, uses, last_used_at)
SELECT k.kind, k.value, count(*), max(k.at) FROM (
  SELECT 'origin' AS kind, trim(origin) AS value, registered_at AS at FROM registrations
  UNION ALL SELECT 'destination', trim(destination), registered_at FROM registrations
  UNION ALL SELECT 'carrier', trim(carrier), registered_at FROM registrations
  UNION ALL SELECT 'consignee', trim(consignee), registered_at FROM registrations
  UNION ALL SELECT 'lab', trim(lab), checked_at FROM certificate_checks WHERE lab IS NOT NULL
) k WHERE length(k.value) > 0 GROUP BY k.kind, k.value;

INSERT INTO vehicle_register
SELECT r.plate, r.trailer_plate, r.plate_color, r.driver_name, r.driver_id_number, r.driver_phone, r.carrier, r.consignee,
       r.origin, r.destination, r.destination_in_hebei, r.coal_kind, r.coal_kind_other, r.intended_use, r.declared_kg,
       r.has_contract, r.via_designated_route, r.tare_kg, r.report_number, r.id, r.registered_at,
       (SELECT count(*) FROM registrations c WHERE c.plate = r.plate AND c.amends_id IS NULL)
FROM registrations r
WHERE r.id = (SELECT l.id FROM registrations l WHERE l.plate = r.plate ORDER BY l.registered_at DESC, l.id DESC LIMIT 1);
`;
