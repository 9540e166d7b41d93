import type { Registration, StoredRegistrationData } from '../src-shared/contract/registration.ts';
import type { Outcome, Verdict } from '../src-shared/domain/certificate/vocabulary.ts';
import type { Db } from './open.ts';

export interface RegistrationRow {
  id: number;
  record_number: string;
  revision: number;
  amends_id: number | null;
  amendment_reason: string | null;
  station_code: string;
  operator_id: number;
  operator_name: string;
  registered_at: string;
  plate: string;
  trailer_plate: string | null;
  plate_color: Registration['plateColor'];
  driver_name: string;
  driver_id_number: string;
  driver_phone: string;
  carrier: string;
  origin: string;
  consignee: string;
  destination: string;
  destination_in_hebei: number;
  coal_kind: Registration['coalKind'];
  coal_kind_other: string | null;
  intended_use: Registration['intendedUse'];
  declared_kg: number;
  has_contract: number;
  has_report: number;
  report_number: string | null;
  via_designated_route: number;
  transit: number;
  gross_kg: number;
  tare_kg: number;
  net_kg: number;
  weight_source: Registration['weightSource'];
  manual_reason: string | null;
  weighing_id: number | null;
  training: number;
  amended_by_id: number | null;
  check_verdict: string | null;
  check_outcome: string | null;
}

export function toRegistration(r: RegistrationRow): Registration {
  return {
    id: r.id,
    recordNumber: r.record_number,
    revision: r.revision,
    amendsId: r.amends_id,
    amendmentReason: r.amendment_reason,
    amendedById: r.amended_by_id,
    stationCode: r.station_code,
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    registeredAt: r.registered_at,
    plate: r.plate,
    trailerPlate: r.trailer_plate,
    plateColor: r.plate_color,
    driverName: r.driver_name,
    driverIdNumber: r.driver_id_number,
    driverPhone: r.driver_phone,
    carrier: r.carrier,
    origin: r.origin,
    consignee: r.consignee,
    destination: r.destination,
    destinationInHebei: r.destination_in_hebei === 1,
    coalKind: r.coal_kind,
    coalKindOther: r.coal_kind_other,
    intendedUse: r.intended_use,
    declaredKg: r.declared_kg,
    hasContract: r.has_contract === 1,
    hasReport: r.has_report === 1,
    reportNumber: r.report_number,
    viaDesignatedRoute: r.via_designated_route === 1,
    transit: r.transit === 1,
    grossKg: r.gross_kg,
    tareKg: r.tare_kg,
    netKg: r.net_kg,
    weightSource: r.weight_source,
    manualReason: r.manual_reason,
    weighingId: r.weighing_id,
    training: r.training === 1,
    check: r.check_verdict === null || r.check_outcome === null
      ? null
      : { verdict: r.check_verdict as Verdict, outcome: r.check_outcome as Outcome },
  };
}

/** The record's latest check (any revision): its verdict, and its outcome after the latest override. */
const LATEST_CHECK = `
  SELECT c.id, c.verdict,
         COALESCE((SELECT o.outcome FROM certificate_overrides o WHERE o.check_id = c.id ORDER BY o.id DESC LIMIT 1), c.outcome) AS outcome
  FROM registrations rr JOIN certificate_checks c ON c.registration_id = rr.id
  WHERE rr.record_number = r.record_number ORDER BY c.id DESC LIMIT 1`;

// People are shown by name (display_name), not by login name.
const SELECT = `
  SELECT r.*, u.display_name AS operator_name,
         (SELECT a.id FROM registrations a WHERE a.amends_id = r.id) AS amended_by_id,
         (SELECT lc.verdict FROM (${LATEST_CHECK}) lc) AS check_verdict,
         (SELECT lc.outcome FROM (${LATEST_CHECK}) lc) AS check_outcome
  FROM registrations r JOIN users u ON u.id = r.operator_id`;

export interface NewRegistrationRow {
  recordNumber: string;
  revision: number;
  amendsId: number | null;
  amendmentReason: string | null;
  stationCode: string;
  operatorId: number;
  registeredAt: string;
  data: StoredRegistrationData;
}

export function insertRegistration(db: Db, row: NewRegistrationRow): number {
  const d = row.data;
  const info = db
    .prepare(
      `INSERT INTO registrations (
        record_number, revision, amends_id, amendment_reason, station_code, operator_id, registered_at,
        plate, trailer_plate, plate_color, driver_name, driver_id_number, driver_phone, carrier, origin, consignee,
        destination, destination_in_hebei, coal_kind, coal_kind_other, intended_use, declared_kg, has_contract,
        has_report, report_number, via_designated_route, gross_kg, tare_kg, net_kg, weight_source, manual_reason,
        weighing_id, training, transit)
      VALUES (
        @recordNumber, @revision, @amendsId, @amendmentReason, @stationCode, @operatorId, @registeredAt,
        @plate, @trailerPlate, @plateColor, @driverName, @driverIdNumber, @driverPhone, @carrier, @origin, @consignee,
        @destination, @destinationInHebei, @coalKind, @coalKindOther, @intendedUse, @declaredKg, @hasContract,
        @hasReport, @reportNumber, @viaDesignatedRoute, @grossKg, @tareKg, @netKg, @weightSource, @manualReason,
        @weighingId, @training, @transit)`,
    )
    .run({
      recordNumber: row.recordNumber,
      revision: row.revision,
      amendsId: row.amendsId,
      amendmentReason: row.amendmentReason,
      stationCode: row.stationCode,
      operatorId: row.operatorId,
      registeredAt: row.registeredAt,
      plate: d.plate,
      trailerPlate: d.trailerPlate ?? null,
      plateColor: d.plateColor,
      driverName: d.driverName,
      driverIdNumber: d.driverIdNumber,
      driverPhone: d.driverPhone,
      carrier: d.carrier,
      origin: d.origin,
      consignee: d.consignee,
      destination: d.destination,
      destinationInHebei: d.destinationInHebei ? 1 : 0,
      coalKind: d.coalKind,
      coalKindOther: d.coalKindOther ?? null,
      intendedUse: d.intendedUse,
      declaredKg: d.declaredKg,
      hasContract: d.hasContract ? 1 : 0,
      hasReport: d.hasReport ? 1 : 0,
      reportNumber: d.reportNumber || null,
      viaDesignatedRoute: d.viaDesignatedRoute ? 1 : 0,
      grossKg: d.grossKg,
      tareKg: d.tareKg,
      netKg: d.grossKg - d.tareKg,
      weightSource: d.weightSource,
      manualReason: d.manualReason ?? null,
      weighingId: d.weighingId ?? null,
      training: d.training ? 1 : 0,
      transit: d.transit ? 1 : 0,
    });
  return Number(info.lastInsertRowid);
}

export function getRegistration(db: Db, id: number): Registration | undefined {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RegistrationRow | undefined;
  return row && toRegistration(row);
}

/** Every revision of a record, oldest first. */
export function getRevisions(db: Db, recordNumber: string): Registration[] {
  return (db.prepare(`${SELECT} WHERE r.record_number = ? ORDER BY r.revision`).all(recordNumber) as RegistrationRow[]).map(toRegistration);
}

export interface RegistrationFilter {
  /** A plate (tractor or trailer) in normalised form, matched by prefix. */
  plateQuery: string;
  /** A record number (by prefix) or an ID number (exactly), upper-cased half-width. */
  textQuery: string;
  fromIso?: string;
  toIso?: string;
  includeTraining: boolean;
  limit: number;
  offset: number;
}

/**
 * Current revisions only, newest first. Each condition is an index range, so a plate search reads only
 * that plate's rows. No total count: counting a million rows costs more than the page itself.
 */
export function searchRegistrations(db: Db, f: RegistrationFilter): { rows: Registration[]; hasMore: boolean } {
  const where = ['NOT EXISTS (SELECT 1 FROM registrations a WHERE a.amends_id = r.id)'];
  const params: Record<string, string | number> = { limit: f.limit + 1, offset: f.offset };
  if (f.plateQuery || f.textQuery) {
    where.push(`(r.plate >= @p AND r.plate < @pEnd
       OR r.trailer_plate >= @p AND r.trailer_plate < @pEnd
       OR r.record_number >= @q AND r.record_number < @qEnd
       OR r.driver_id_number = @q)`);
    Object.assign(params, { p: f.plateQuery, pEnd: f.plateQuery + '\uffff', q: f.textQuery, qEnd: f.textQuery + '\uffff' });
  }
  if (f.fromIso) {
    where.push('r.registered_at >= @from');
    params.from = f.fromIso;
  }
  if (f.toIso) {
    where.push('r.registered_at < @to');
    params.to = f.toIso;
  }
  if (!f.includeTraining) where.push('r.training = 0');
  const rows = db
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.registered_at DESC, r.id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as RegistrationRow[];
  return { rows: rows.slice(0, f.limit).map(toRegistration), hasMore: rows.length > f.limit };
}

export function lastTare(db: Db, plate: string): { tareKg: number; registeredAt: string } | null {
  const row = db
    .prepare('SELECT tare_kg AS tareKg, registered_at AS registeredAt FROM registrations WHERE plate = ? ORDER BY registered_at DESC LIMIT 1')
    .get(plate) as { tareKg: number; registeredAt: string } | undefined;
  return row ?? null;
}

/** The latest registration (any revision) of a tractor or trailer plate among `plates`, at or after `sinceIso`. */
export interface PlateSighting {
  recordNumber: string;
  plate: string;
  registeredAt: string;
}

export function latestWithPlate(db: Db, plates: readonly string[], sinceIso: string): PlateSighting | null {
  let latest: PlateSighting | null = null;
  const byPlate = db.prepare(
    `SELECT record_number AS recordNumber, @plate AS plate, registered_at AS registeredAt FROM registrations
     WHERE (plate = @plate OR trailer_plate = @plate) AND registered_at >= @since ORDER BY registered_at DESC LIMIT 1`,
  );
  for (const plate of plates) {
    const row = byPlate.get({ plate, since: sinceIso }) as PlateSighting | undefined;
    if (row && (!latest || row.registeredAt > latest.registeredAt)) latest = row;
  }
  return latest;
}
