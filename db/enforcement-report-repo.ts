/**
 * Aggregates over the enforcement side for the supervisors' figures: cases decided in a period
 * (seizures, by their local decision date), handovers this checkpoint signed, disposals at the disposal
 * points and their stock. A disposal counts while it stands: one later reversed is left out. These tables
 * hold a season's cases, not a million rows, so plain scans (and the `at` index of the ledger) suffice.
 */
import type {
  DisposalRecordRow, DisposalTally, EnforcementTally, HandoverRecordRow, PointStock, StockBucketRow,
} from '../src-shared/contract/reports.ts';
import type { DisposalMethod } from '../src-shared/domain/disposal-ledger.ts';
import type { LocalPeriod } from '../src-shared/domain/report-period.ts';
import type { CaseRow } from './cases-repo.ts';
import type { Db } from './open.ts';
import type { UtcRange } from './reports-repo.ts';

const DECIDED_IN = 'decision_date >= @from AND decision_date <= @to';
const HANDED_OVER_IN = `direction = 'outgoing' AND handed_over_at >= @fromIso AND handed_over_at < @toIso`;
const STANDING_DISPOSALS_IN = /* sql */ `m.kind = 'disposal' AND m.at >= @fromIso AND m.at < @toIso
  AND NOT EXISTS (SELECT 1 FROM ledger_movements r WHERE r.reverses_id = m.id)`;

export function enforcementTally(db: Db, period: LocalPeriod, range: UtcRange): EnforcementTally {
  const seizures = db
    .prepare(`SELECT COUNT(*) AS cases, COALESCE(SUM(net_kg), 0) AS netKg FROM enforcement_cases WHERE ${DECIDED_IN}`)
    .get(period) as EnforcementTally['seizures'];
  const handovers = db
    .prepare(`SELECT COUNT(*) AS handovers, COALESCE(SUM(total_kg), 0) AS totalKg FROM handovers WHERE ${HANDED_OVER_IN}`)
    .get(range) as EnforcementTally['handovers'];
  const disposals = db
    .prepare(
      `SELECT m.method, COUNT(*) AS movements, SUM(m.quantity_kg) AS quantityKg FROM ledger_movements m
       WHERE ${STANDING_DISPOSALS_IN} GROUP BY m.method ORDER BY m.method`,
    )
    .all(range) as DisposalTally[];
  return { seizures, handovers, disposals };
}

/** Cases decided in the period, earliest decision first. */
export function casesDecidedIn(db: Db, period: LocalPeriod): CaseRow[] {
  return db.prepare(`SELECT * FROM enforcement_cases WHERE ${DECIDED_IN} ORDER BY decision_date, id`).all(period) as CaseRow[];
}

export function handoversIn(db: Db, range: UtcRange): HandoverRecordRow[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.form_no AS formNo, h.handed_over_at AS handedOverAt, h.disposal_point_code AS disposalPointCode, h.total_kg AS totalKg,
         (SELECT json_group_array(DISTINCT hc.case_ref) FROM handover_cases hc WHERE hc.handover_id = h.id) AS caseRefs
       FROM handovers h WHERE ${HANDED_OVER_IN} ORDER BY h.handed_over_at, h.id`,
    )
    .all(range) as (Omit<HandoverRecordRow, 'caseRefs'> & { caseRefs: string })[];
  return rows.map((r) => ({ ...r, caseRefs: JSON.parse(r.caseRefs) as string[] }));
}

export function disposalsIn(db: Db, range: UtcRange, method?: DisposalMethod): DisposalRecordRow[] {
  return db
    .prepare(
      `SELECT m.id, m.at, p.name AS pointName, m.case_ref AS caseRef, m.coal_kind AS coalKind, m.method, m.quantity_kg AS quantityKg,
         m.authority_ref AS authorityRef, m.counterparty
       FROM ledger_movements m JOIN disposal_points p ON p.id = m.point_id
       WHERE ${STANDING_DISPOSALS_IN} AND (@method IS NULL OR m.method = @method) ORDER BY m.at, m.seq`,
    )
    .all({ ...range, method: method ?? null }) as DisposalRecordRow[];
}

/** Every point's totals as they stood just before `toIso`: the movements' effects summed up to then. */
export function stockBefore(db: Db, toIso: string): PointStock[] {
  return db
    .prepare(
      `SELECT p.id AS pointId, p.code, p.name,
         COALESCE(SUM(m.received_delta_kg), 0) AS receivedKg, COALESCE(SUM(m.disposed_delta_kg), 0) AS disposedKg,
         COALESCE(SUM(m.balance_delta_kg), 0) AS stockKg
       FROM disposal_points p LEFT JOIN ledger_movements m ON m.point_id = p.id AND m.at < @toIso
       GROUP BY p.id ORDER BY p.id`,
    )
    .all({ toIso }) as PointStock[];
}

/** The running balances behind a point's stock now (migration 005), one row per case and coal kind. */
export function stockBuckets(db: Db, pointId?: number): StockBucketRow[] {
  return db
    .prepare(
      `SELECT p.name AS pointName, b.case_ref AS caseRef, b.coal_kind AS coalKind, b.received_kg AS receivedKg,
         b.disposed_kg AS disposedKg, b.balance_kg AS stockKg
       FROM ledger_balances b JOIN disposal_points p ON p.id = b.point_id
       WHERE @pointId IS NULL OR b.point_id = @pointId ORDER BY p.id, b.case_ref, b.coal_kind`,
    )
    .all({ pointId: pointId ?? null }) as StockBucketRow[];
}

/** Stock now by case and coal kind, with the instant its first movement at the point came in (a receipt). */
export function stockWithAge(db: Db): { pointName: string; caseRef: string; stockKg: number; firstAt: string }[] {
  return db
    .prepare(
      `SELECT p.name AS pointName, b.case_ref AS caseRef, b.balance_kg AS stockKg,
         (SELECT MIN(m.at) FROM ledger_movements m WHERE m.point_id = b.point_id AND m.case_ref = b.case_ref AND m.coal_kind = b.coal_kind) AS firstAt
       FROM ledger_balances b JOIN disposal_points p ON p.id = b.point_id
       WHERE b.balance_kg > 0 ORDER BY firstAt, p.id, b.case_ref`,
    )
    .all() as { pointName: string; caseRef: string; stockKg: number; firstAt: string }[];
}
