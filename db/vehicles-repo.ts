/** Rows of the vehicle register, the pick lists and the weighing-ticket prints (migration 010). */
import type { KnownReport, PickEntry, PickKind, TicketFormat, VehicleRecord } from '../src-shared/contract/vehicles.ts';
import type { Registration } from '../src-shared/contract/registration.ts';
import type { Db } from './open.ts';
import { EFFECTIVE_OUTCOME_SQL } from './certificates-repo.ts';

interface VehicleRow {
  plate: string;
  trailer_plate: string | null;
  plate_color: Registration['plateColor'];
  driver_name: string;
  driver_id_number: string;
  driver_phone: string;
  carrier: string;
  consignee: string;
  origin: string;
  destination: string;
  destination_in_hebei: number;
  coal_kind: Registration['coalKind'];
  coal_kind_other: string | null;
  intended_use: Registration['intendedUse'];
  declared_kg: number;
  has_contract: number;
  via_designated_route: number;
  transit: number;
  last_tare_kg: number;
  last_report_number: string | null;
  last_registration_id: number;
  last_seen_at: string;
  visits: number;
}

function toVehicle(r: VehicleRow): VehicleRecord {
  return {
    plate: r.plate, trailerPlate: r.trailer_plate, plateColor: r.plate_color, driverName: r.driver_name, driverIdNumber: r.driver_id_number,
    driverPhone: r.driver_phone, carrier: r.carrier, consignee: r.consignee, origin: r.origin, destination: r.destination,
    destinationInHebei: r.destination_in_hebei === 1, coalKind: r.coal_kind, coalKindOther: r.coal_kind_other, intendedUse: r.intended_use,
    declaredKg: r.declared_kg, hasContract: r.has_contract === 1, viaDesignatedRoute: r.via_designated_route === 1,
    transit: r.transit === 1, lastTareKg: r.last_tare_kg, lastReportNumber: r.last_report_number, lastRegistrationId: r.last_registration_id,
    lastSeenAt: r.last_seen_at, visits: r.visits,
  };
}

/**
 * Makes this registration the plate's last visit. A new visit counts one more; an amendment replaces the
 * visit it corrects without counting. An older record (amended after a newer visit) never overwrites a newer one.
 */
export function rememberVisit(db: Db, reg: Registration, newVisit: boolean): void {
  db.prepare(
    `INSERT INTO vehicle_register (
       plate, trailer_plate, plate_color, driver_name, driver_id_number, driver_phone, carrier, consignee, origin, destination,
       destination_in_hebei, coal_kind, coal_kind_other, intended_use, declared_kg, has_contract, via_designated_route,
       last_tare_kg, last_report_number, last_registration_id, last_seen_at, visits, transit)
     VALUES (
       @plate, @trailerPlate, @plateColor, @driverName, @driverIdNumber, @driverPhone, @carrier, @consignee, @origin, @destination,
       @destinationInHebei, @coalKind, @coalKindOther, @intendedUse, @declaredKg, @hasContract, @viaDesignatedRoute,
       @tareKg, @reportNumber, @id, @registeredAt, 1, @transit)
     ON CONFLICT (plate) DO UPDATE SET
       trailer_plate = excluded.trailer_plate, plate_color = excluded.plate_color, driver_name = excluded.driver_name,
       driver_id_number = excluded.driver_id_number, driver_phone = excluded.driver_phone, carrier = excluded.carrier,
       consignee = excluded.consignee, origin = excluded.origin, destination = excluded.destination,
       destination_in_hebei = excluded.destination_in_hebei, coal_kind = excluded.coal_kind, coal_kind_other = excluded.coal_kind_other,
       intended_use = excluded.intended_use, declared_kg = excluded.declared_kg, has_contract = excluded.has_contract,
       via_designated_route = excluded.via_designated_route, last_tare_kg = excluded.last_tare_kg,
       last_report_number = excluded.last_report_number, last_registration_id = excluded.last_registration_id,
       last_seen_at = excluded.last_seen_at, visits = visits + @newVisit, transit = excluded.transit
     WHERE @newVisit = 1 OR vehicle_register.last_registration_id = @amendsId`,
  ).run({
    plate: reg.plate, trailerPlate: reg.trailerPlate, plateColor: reg.plateColor, driverName: reg.driverName,
    driverIdNumber: reg.driverIdNumber, driverPhone: reg.driverPhone, carrier: reg.carrier, consignee: reg.consignee, origin: reg.origin,
    destination: reg.destination, destinationInHebei: reg.destinationInHebei ? 1 : 0, coalKind: reg.coalKind,
    coalKindOther: reg.coalKindOther, intendedUse: reg.intendedUse, declaredKg: reg.declaredKg, hasContract: reg.hasContract ? 1 : 0,
    viaDesignatedRoute: reg.viaDesignatedRoute ? 1 : 0, transit: reg.transit ? 1 : 0, tareKg: reg.tareKg, reportNumber: reg.reportNumber, id: reg.id,
    registeredAt: reg.registeredAt, newVisit: newVisit ? 1 : 0, amendsId: reg.amendsId,
  });
}

export function vehicleByPlate(db: Db, plate: string): VehicleRecord | null {
  const row = db.prepare('SELECT * FROM vehicle_register WHERE plate = ?').get(plate) as VehicleRow | undefined;
  return row ? toVehicle(row) : null;
}

/** The truck this driver came with last. */
export function vehicleByDriver(db: Db, driverIdNumber: string): VehicleRecord | null {
  const row = db
    .prepare('SELECT * FROM vehicle_register WHERE driver_id_number = ? ORDER BY last_seen_at DESC LIMIT 1')
    .get(driverIdNumber) as VehicleRow | undefined;
  return row ? toVehicle(row) : null;
}

interface PickRow {
  id: number;
  kind: PickKind;
  value: string;
  uses: number;
  last_used_at: string | null;
  hidden: number;
}

const toPick = (r: PickRow): PickEntry => ({ id: r.id, kind: r.kind, value: r.value, uses: r.uses, lastUsedAt: r.last_used_at, hidden: r.hidden === 1 });

/** One more use of each value (blank ones skipped); a hidden entry stays hidden. */
export function learnPicks(db: Db, picks: { kind: PickKind; value: string }[], at: string): void {
  const upsert = db.prepare(
    `INSERT INTO pick_list_entries (kind, value, uses, last_used_at) VALUES (@kind, @value, 1, @at)
     ON CONFLICT (kind, value) DO UPDATE SET uses = uses + 1, last_used_at = excluded.last_used_at`,
  );
  for (const p of picks) {
    const value = p.value.trim();
    if (value) upsert.run({ kind: p.kind, value, at });
  }
}

/** Most used first. */
export function listPicks(db: Db, kind: PickKind, includeHidden: boolean): PickEntry[] {
  const rows = db
    .prepare(`SELECT * FROM pick_list_entries WHERE kind = ? ${includeHidden ? '' : 'AND hidden = 0'} ORDER BY uses DESC, value`)
    .all(kind) as PickRow[];
  return rows.map(toPick);
}

export function getPick(db: Db, id: number): PickEntry | null {
  const row = db.prepare('SELECT * FROM pick_list_entries WHERE id = ?').get(id) as PickRow | undefined;
  return row ? toPick(row) : null;
}

export function findPick(db: Db, kind: PickKind, value: string): PickEntry | null {
  const row = db.prepare('SELECT * FROM pick_list_entries WHERE kind = ? AND value = ?').get(kind, value) as PickRow | undefined;
  return row ? toPick(row) : null;
}

export function insertPick(db: Db, kind: PickKind, value: string): number {
  return Number(db.prepare('INSERT INTO pick_list_entries (kind, value) VALUES (?, ?)').run(kind, value).lastInsertRowid);
}

export function updatePick(db: Db, id: number, change: { value: string; hidden: boolean }): void {
  db.prepare('UPDATE pick_list_entries SET value = @value, hidden = @hidden WHERE id = @id').run({ id, value: change.value, hidden: change.hidden ? 1 : 0 });
}

/** The latest stored check under this report number that carries a report, with how often the number was seen. */
export function latestReport(db: Db, reportNumber: string): KnownReport | null {
  const row = db
    .prepare(
      `SELECT input_json, checked_at, (SELECT count(*) FROM certificate_checks n WHERE n.report_number = @n) AS times
       FROM certificate_checks WHERE report_number = @n AND lab IS NOT NULL ORDER BY id DESC LIMIT 1`,
    )
    .get({ n: reportNumber }) as { input_json: string; checked_at: string; times: number } | undefined;
  if (!row) return null;
  const input = JSON.parse(row.input_json) as Partial<KnownReport> & { cmaNumber?: string | null };
  const pick = <K extends keyof KnownReport>(k: K) => (input[k] === undefined || input[k] === null ? {} : { [k]: input[k] });
  return {
    reportNumber, seenAt: row.checked_at, timesSeen: row.times,
    ...pick('lab'), ...pick('cmaNumber'), ...pick('sampleOrigin'), ...pick('sampledOn'), ...pick('reportedOn'), ...pick('coalRank'),
    ...pick('tonnageCoveredKg'), ...pick('results'),
  };
}

export function nextTicketCopy(db: Db, registrationId: number): number {
  const row = db.prepare('SELECT max(copy_number) AS n FROM weighing_ticket_prints WHERE registration_id = ?').get(registrationId) as { n: number | null };
  return (row.n ?? 0) + 1;
}

export function insertTicketPrint(
  db: Db, row: { registrationId: number; copyNumber: number; format: TicketFormat; contentHash: string; printedAt: string; printedBy: number },
): number {
  return Number(
    db.prepare(
      `INSERT INTO weighing_ticket_prints (registration_id, copy_number, format, content_hash, printed_at, printed_by)
       VALUES (@registrationId, @copyNumber, @format, @contentHash, @printedAt, @printedBy)`,
    ).run(row).lastInsertRowid,
  );
}

/** The record's latest check (any revision of the record) with its outcome after overrides; null without one. */
export function latestCheckOfRecord(db: Db, recordNumber: string): { verdict: string; outcome: string } | null {
  const row = db
    .prepare(
      `SELECT c.verdict AS verdict, ${EFFECTIVE_OUTCOME_SQL} AS outcome
       FROM certificate_checks c JOIN registrations r ON r.id = c.registration_id
       WHERE r.record_number = ? ORDER BY c.id DESC LIMIT 1`,
    )
    .get(recordNumber) as { verdict: string; outcome: string } | undefined;
  return row ?? null;
}

export function userDisplayName(db: Db, userId: number): string {
  return (db.prepare('SELECT display_name AS name FROM users WHERE id = ?').get(userId) as { name: string } | undefined)?.name ?? '';
}
