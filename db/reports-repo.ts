/**
 * Aggregates over registrations for the supervisors' figures and exports. Every query reads "the trucks
 * of a period": the current revision of each record whose FIRST revision falls in the period (an
 * amendment is stamped when it is made, but the truck passed when it was first registered), training
 * records left out. The period is found through the `registrations_registered_at` index.
 */
import type { CertificateTally, FailingItemKind, GroupCount, ReportRecord, Tally, TallyOf, WeighbridgeGap } from '../src-shared/contract/reports.ts';
import type { SignIn } from '../src-shared/domain/officers-on-duty.ts';
import { EFFECTIVE_OUTCOME_SQL } from './certificates-repo.ts';
import type { Db } from './open.ts';

export interface UtcRange {
  fromIso: string;
  toIso: string;
}

const TRUCKS_IN_RANGE = /* sql */ `
  trucks AS (
    SELECT c.*, p.registered_at AS passed_at
    FROM registrations p
    JOIN registrations c ON c.record_number = p.record_number
    WHERE p.revision = 1 AND p.registered_at >= @fromIso AND p.registered_at < @toIso
      AND c.training = 0
      AND NOT EXISTS (SELECT 1 FROM registrations a WHERE a.amends_id = c.id)
  )`;

const TALLY_COLUMNS = /* sql */ `
  COUNT(*) AS trucks,
  COALESCE(SUM(net_kg), 0) AS netKg,
  COALESCE(SUM(via_designated_route), 0) AS viaRouteTrucks,
  COALESCE(SUM(has_report), 0) AS withReportTrucks,
  COALESCE(SUM(weight_source = 'manual'), 0) AS manualTrucks,
  COALESCE(SUM(transit), 0) AS transitTrucks,
  COALESCE(SUM(transit AND via_designated_route), 0) AS transitViaRouteTrucks`;

const TALLY_KEYS = ['trucks', 'netKg', 'viaRouteTrucks', 'withReportTrucks', 'manualTrucks', 'transitTrucks', 'transitViaRouteTrucks'] as const satisfies readonly (keyof Tally)[];

export function tally(db: Db, range: UtcRange): Tally {
  return db.prepare(`WITH ${TRUCKS_IN_RANGE} SELECT ${TALLY_COLUMNS} FROM trucks`).get(range) as Tally;
}

/** What a breakdown groups by; the SQL expression of each is fixed here, never taken from input. */
export const BREAKDOWNS = {
  day: `date(passed_at, '+8 hours')`,
  origin: 'origin',
  coalKind: 'coal_kind',
  weightSource: 'weight_source',
} as const;
export type Breakdown = keyof typeof BREAKDOWNS;

export function breakdown(db: Db, range: UtcRange, by: Breakdown): TallyOf[] {
  const key = BREAKDOWNS[by];
  const order = by === 'day' ? 'key' : 'trucks DESC, key';
  return db
    .prepare(`WITH ${TRUCKS_IN_RANGE} SELECT ${key} AS key, ${TALLY_COLUMNS} FROM trucks GROUP BY key ORDER BY ${order}`)
    .all(range) as TallyOf[];
}

/** Local hours in which trucks were registered but the weighbridge captured none: usually an outage. */
export function weighbridgeGaps(db: Db, range: UtcRange): WeighbridgeGap[] {
  return tallyWithGaps(db, range).gaps;
}

/**
 * The tally and the weighbridge gaps of a range from one scan, grouped by local hour: a heating season is a
 * quarter of a million trucks, and the monthly report needs both for it.
 */
export function tallyWithGaps(db: Db, range: UtcRange): { tally: Tally; gaps: WeighbridgeGap[] } {
  const hours = db
    .prepare(
      `WITH ${TRUCKS_IN_RANGE}
       SELECT strftime('%Y-%m-%d %H', passed_at, '+8 hours') AS hour, ${TALLY_COLUMNS}, SUM(weight_source = 'scale') AS scaleTrucks
       FROM trucks GROUP BY hour ORDER BY hour`,
    )
    .all(range) as (Tally & { hour: string; scaleTrucks: number })[];
  const tally = Object.fromEntries(TALLY_KEYS.map((k) => [k, 0])) as unknown as Tally;
  const gaps: WeighbridgeGap[] = [];
  for (const h of hours) {
    for (const k of TALLY_KEYS) tally[k] += h[k];
    if (h.scaleTrucks === 0) gaps.push({ hour: h.hour, trucks: h.trucks });
  }
  return { tally, gaps };
}

/**
 * A truck's certificate check is the latest one on any revision of its record; its outcome is the
 * latest supervisor override, if any, else the check's own.
 */
const LATEST_CHECK = /* sql */ `(SELECT MAX(k.id) FROM certificate_checks k JOIN registrations kr ON kr.id = k.registration_id
  WHERE kr.record_number = t.record_number)`;
const EFFECTIVE_OUTCOME = EFFECTIVE_OUTCOME_SQL;

/** Limit items of each failing kind: ash, total sulfur, volatiles, the calorific values. */
export const FAILING_ITEMS: Record<FailingItemKind, string[]> = {
  ash: ['A'], sulfur: ['St'], volatiles: ['V'], calorific: ['Qb', 'Qgr', 'Qnet'],
};
const failedItem = (items: string[], json = 'items_json') => /* sql */ `EXISTS (SELECT 1 FROM json_each(${json}) j
  WHERE json_extract(j.value, '$.ok') = 0 AND json_extract(j.value, '$.item') IN (${items.map((i) => `'${i}'`).join(', ')}))`;

const CHECKED_TRUCKS = /* sql */ `
  checked AS (
    SELECT t.origin, t.net_kg, c.verdict, c.items_json, ${EFFECTIVE_OUTCOME} AS outcome
    FROM trucks t JOIN certificate_checks c ON c.id = ${LATEST_CHECK}
  )`;

export function certificateTally(db: Db, range: UtcRange): CertificateTally {
  const row = db
    .prepare(
      `WITH ${TRUCKS_IN_RANGE}, ${CHECKED_TRUCKS}
       SELECT COUNT(*) AS checkedTrucks,
         COALESCE(SUM(verdict = 'pass'), 0) AS validReportTrucks,
         COALESCE(SUM(verdict = 'fail'), 0) AS failingTrucks,
         COALESCE(SUM(outcome = 'release'), 0) AS released,
         COALESCE(SUM(outcome = 'sample'), 0) AS sampled,
         COALESCE(SUM(outcome = 'seize'), 0) AS seized,
         COALESCE(SUM(outcome = 'turn-back'), 0) AS turnedBack,
         COALESCE(SUM(outcome = 'review'), 0) AS awaitingReview,
         ${Object.entries(FAILING_ITEMS).map(([kind, items]) => `COALESCE(SUM(${failedItem(items)}), 0) AS ${kind}`).join(',\n')}
       FROM checked`,
    )
    .get(range) as Omit<CertificateTally, 'failingItems'> & Record<FailingItemKind, number>;
  const { ash, sulfur, volatiles, calorific, ...rest } = row;
  return { ...rest, failingItems: { ash, sulfur, volatiles, calorific } };
}

/** Where the loads that failed their check came from. */
export function failingOrigins(db: Db, range: UtcRange): GroupCount[] {
  return db
    .prepare(
      `WITH ${TRUCKS_IN_RANGE}, ${CHECKED_TRUCKS}
       SELECT origin AS key, COUNT(*) AS trucks, SUM(net_kg) AS netKg FROM checked WHERE verdict = 'fail'
       GROUP BY origin ORDER BY trucks DESC, origin`,
    )
    .all(range) as GroupCount[];
}

/** One truck as the log lists it: the drill-down record and the log's further columns (flags as SQLite 0/1). */
export interface TruckRow extends Omit<ReportRecord, 'hasReport' | 'viaDesignatedRoute' | 'transit'> {
  driverIdNumber: string;
  driverPhone: string;
  carrier: string;
  consignee: string;
  destination: string;
  coalKindOther: string | null;
  intendedUse: string;
  declaredKg: number;
  grossKg: number;
  tareKg: number;
  manualReason: string | null;
  hasContract: number;
  hasReport: number;
  reportNumber: string | null;
  viaDesignatedRoute: number;
  transit: number;
  operatorName: string;
  /** From the truck's latest certificate check (null when it was never checked). */
  lab: string | null;
  cmaNumber: string | null;
  verdict: string | null;
  outcome: string | null;
  /** The follow-up sample taken at the checkpoint, and the enforcement case opened on the truck. */
  sampleNumber: string | null;
  caseNumber: string | null;
  casePhase: string | null;
  /** The officers recorded on the truck's case (or the officer who opened it); null without a case. */
  caseOfficers: string | null;
}

const TRUCK_COLUMNS = /* sql */ `
  t.id, t.record_number AS recordNumber, t.revision, t.passed_at AS passedAt, t.plate, t.trailer_plate AS trailerPlate,
  t.driver_name AS driverName, t.driver_id_number AS driverIdNumber, t.driver_phone AS driverPhone, t.carrier, t.origin,
  t.consignee, t.destination, t.coal_kind AS coalKind, t.coal_kind_other AS coalKindOther, t.intended_use AS intendedUse,
  t.declared_kg AS declaredKg, t.gross_kg AS grossKg, t.tare_kg AS tareKg, t.net_kg AS netKg, t.weight_source AS weightSource,
  t.manual_reason AS manualReason, t.has_contract AS hasContract, t.has_report AS hasReport, t.report_number AS reportNumber,
  t.via_designated_route AS viaDesignatedRoute, u.username AS operatorName,
  c.lab, c.cma_number AS cmaNumber, c.verdict, CASE WHEN c.id IS NULL THEN NULL ELSE ${EFFECTIVE_OUTCOME} END AS outcome,
  (SELECT s.sample_number FROM follow_up_samples s JOIN registrations sr ON sr.id = s.registration_id
    WHERE sr.record_number = t.record_number ORDER BY s.id DESC LIMIT 1) AS sampleNumber,
  e.case_number AS caseNumber, e.phase AS casePhase, t.transit,
  COALESCE((SELECT group_concat(trim(json_extract(o.value, '$.name')), '、') FROM json_each(e.record_json, '$.officers') o
    WHERE trim(json_extract(o.value, '$.name')) <> ''), (SELECT cu.display_name FROM users cu WHERE cu.id = e.created_by)) AS caseOfficers`;
/** The latest check and the case of each truck, for the register's columns. */
const TRUCK_JOINS = /* sql */ `
  JOIN users u ON u.id = t.operator_id
  LEFT JOIN certificate_checks c ON c.id = ${LATEST_CHECK}
  LEFT JOIN enforcement_cases e ON e.id = (SELECT MAX(ce.id) FROM enforcement_cases ce JOIN registrations cr ON cr.id = ce.registration_id
    WHERE cr.record_number = t.record_number)`;

/** Narrows the trucks of a range; each set field adds one fixed condition with a named parameter. */
export interface TruckFilter {
  origin?: string;
  coalKind?: string;
  weightSource?: 'manual' | 'scale';
  viaDesignatedRoute?: boolean;
  hasReport?: boolean;
  transit?: boolean;
  outcome?: 'release' | 'sample' | 'seize' | 'turn-back' | 'review';
  verdict?: 'pass' | 'fail' | 'incomplete' | 'invalid';
  failingItem?: FailingItemKind;
}

function filterSql(filter: TruckFilter): { where: string; params: Record<string, string | number> } {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.origin !== undefined) {
    conditions.push('t.origin = @origin');
    params.origin = filter.origin;
  }
  if (filter.coalKind !== undefined) {
    conditions.push('t.coal_kind = @coalKind');
    params.coalKind = filter.coalKind;
  }
  if (filter.weightSource !== undefined) {
    conditions.push('t.weight_source = @weightSource');
    params.weightSource = filter.weightSource;
  }
  if (filter.viaDesignatedRoute !== undefined) {
    conditions.push('t.via_designated_route = @viaRoute');
    params.viaRoute = filter.viaDesignatedRoute ? 1 : 0;
  }
  if (filter.hasReport !== undefined) {
    conditions.push('t.has_report = @hasReport');
    params.hasReport = filter.hasReport ? 1 : 0;
  }
  if (filter.transit !== undefined) {
    conditions.push('t.transit = @transit');
    params.transit = filter.transit ? 1 : 0;
  }
  // Check conditions read the truck's latest check (c), joined only when one is asked for.
  const onCheck: string[] = [];
  if (filter.outcome !== undefined) {
    onCheck.push(`${EFFECTIVE_OUTCOME} = @outcome`);
    params.outcome = filter.outcome;
  }
  if (filter.verdict !== undefined) {
    onCheck.push('c.verdict = @verdict');
    params.verdict = filter.verdict;
  }
  if (filter.failingItem !== undefined) onCheck.push(failedItem(FAILING_ITEMS[filter.failingItem], 'c.items_json'));
  if (onCheck.length > 0) {
    conditions.push(`EXISTS (SELECT 1 FROM certificate_checks c WHERE c.id = ${LATEST_CHECK} AND ${onCheck.join(' AND ')})`);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Trucks in passing order, streamed: an export of a busy month never holds the whole result twice. */
export function iterateTrucks(db: Db, range: UtcRange, filter: TruckFilter = {}): IterableIterator<TruckRow> {
  const { where, params } = filterSql(filter);
  return db
    .prepare(`WITH ${TRUCKS_IN_RANGE} SELECT ${TRUCK_COLUMNS} FROM trucks t ${TRUCK_JOINS} ${where} ORDER BY t.passed_at, t.id`)
    .iterate({ ...range, ...params }) as IterableIterator<TruckRow>;
}

/** One page of trucks, newest first, for a figure's drill-down list. */
export function truckPage(db: Db, range: UtcRange, filter: TruckFilter, limit: number, offset: number): { rows: TruckRow[]; hasMore: boolean } {
  const { where, params } = filterSql(filter);
  const rows = db
    .prepare(
      `WITH ${TRUCKS_IN_RANGE} SELECT ${TRUCK_COLUMNS} FROM trucks t ${TRUCK_JOINS} ${where}
       ORDER BY t.passed_at DESC, t.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...range, ...params, limit: limit + 1, offset }) as TruckRow[];
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Report numbers that the trucks of a range carried beyond the tonnage the report covers (their check said so). */
export function overusedReports(db: Db, range: UtcRange): string[] {
  return db
    .prepare(
      `WITH ${TRUCKS_IN_RANGE}
       SELECT DISTINCT COALESCE(c.report_number, t.report_number) FROM trucks t JOIN certificate_checks c ON c.id = ${LATEST_CHECK}
       WHERE EXISTS (SELECT 1 FROM json_each(c.signals_json) j WHERE json_extract(j.value, '$.code') = 'tonnage-exceeded')
       ORDER BY 1`,
    )
    .pluck()
    .all(range) as string[];
}

/** Sign-ins of users holding the officer role, in a range (the register's officers on duty). */
export function officerSignIns(db: Db, range: UtcRange): SignIn[] {
  return db
    .prepare(
      `SELECT a.at, a.actor_id AS userId, u.display_name AS name
       FROM audit_log a JOIN users u ON u.id = a.actor_id
       WHERE a.action = 'auth.login' AND a.at >= @fromIso AND a.at < @toIso
         AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = a.actor_id AND r.role = 'officer')
       ORDER BY a.seq`,
    )
    .all(range) as SignIn[];
}
