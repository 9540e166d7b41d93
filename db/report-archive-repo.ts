/**
 * The report archive's reads. A truck used a report number when its current registration carries it or a
 * certificate check of any of its revisions was made of it (as the check counts earlier uses); it is listed
 * at its current revision, once, and training records never count. A truck belongs to the period of its
 * first registration, as in every report.
 */
import { EFFECTIVE_OUTCOME_SQL, type CheckRow } from './certificates-repo.ts';
import type { Db } from './open.ts';

/**
 * Which records to read: those that used one number (found by index), those first registered in a period
 * (found by the registration time index, so a period reads only its own rows), or all of them.
 */
type Scope = 'number' | 'period' | 'all';

function hitsSql(scope: Scope): string {
  const firsts = scope === 'period'
    ? 'JOIN registrations f ON f.record_number = r.record_number AND f.revision = 1 AND f.registered_at >= @from AND f.registered_at < @to'
    : '';
  const byReg = scope === 'number' ? 'r.report_number = @reportNumber' : 'r.report_number IS NOT NULL';
  const byCheck = scope === 'number' ? 'c.report_number = @reportNumber' : 'c.report_number IS NOT NULL';
  return /* sql */ `
    SELECT r.report_number, r.record_number FROM registrations r ${firsts}
    WHERE ${byReg} AND NOT EXISTS (SELECT 1 FROM registrations a WHERE a.amends_id = r.id)
    UNION
    SELECT c.report_number, r.record_number FROM certificate_checks c JOIN registrations r ON r.id = c.registration_id ${firsts}
    WHERE ${byCheck}`;
}

/** `hits`: (number, record) pairs in the scope; `uses`: each such record at its current revision, training left out. */
const usesCte = (scope: Scope) => /* sql */ `
  hits(report_number, record_number) AS (${hitsSql(scope)}),
  uses AS (
    SELECT h.report_number, cur.id AS registration_id, cur.record_number, cur.revision, cur.plate, cur.trailer_plate,
      cur.origin, cur.coal_kind, cur.net_kg, f.registered_at AS first_at
    FROM hits h
    JOIN registrations cur ON cur.record_number = h.record_number AND NOT EXISTS (SELECT 1 FROM registrations a WHERE a.amends_id = cur.id)
    JOIN registrations f ON f.record_number = h.record_number AND f.revision = 1
    WHERE cur.training = 0)`;

export interface ArchiveFilter {
  /** Upper-cased; matched anywhere in the number, lab, CMA number or record numbers. */
  query: string;
  /** The query as a plate (separators dropped), matched anywhere in a truck's plates. */
  plateQuery: string;
  lab: string;
  fromIso?: string;
  toIso?: string;
  limit: number;
  offset: number;
  /** The archive on paper reads in the order reports first came; the screen shows the latest first. */
  oldestFirst?: boolean;
}

/** Report numbers matching the filter, the most recently presented first (or the first presented first). */
export function archiveNumbers(db: Db, f: ArchiveFilter): { numbers: string[]; hasMore: boolean } {
  const having: string[] = [];
  const params: Record<string, string | number> = { limit: f.limit + 1, offset: f.offset };
  const inPeriod = f.fromIso !== undefined && f.toIso !== undefined;
  if (inPeriod) Object.assign(params, { from: f.fromIso, to: f.toIso });
  const checkOf = (cond: string) => `EXISTS (SELECT 1 FROM certificate_checks c WHERE c.report_number = u.report_number AND ${cond})`;
  if (f.query) {
    having.push(`(instr(upper(u.report_number), @q) > 0
      OR MAX(instr(upper(u.record_number), @q) > 0 OR instr(u.plate, @p) > 0 OR instr(COALESCE(u.trailer_plate, ''), @p) > 0)
      OR ${checkOf('(instr(upper(c.lab), @q) > 0 OR instr(upper(COALESCE(c.cma_number, \'\')), @q) > 0)')})`);
    Object.assign(params, { q: f.query, p: f.plateQuery || f.query });
  }
  if (f.lab) {
    having.push(checkOf('instr(upper(c.lab), @lab) > 0'));
    params.lab = f.lab;
  }
  const rows = db
    .prepare(
      `WITH ${usesCte(inPeriod ? 'period' : 'all')}
       SELECT u.report_number AS reportNumber FROM uses u
       GROUP BY u.report_number
       ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
       ORDER BY ${f.oldestFirst ? 'MIN(u.first_at)' : 'MAX(u.first_at) DESC'}, u.report_number
       LIMIT @limit OFFSET @offset`,
    )
    .all(params) as { reportNumber: string }[];
  return { numbers: rows.slice(0, f.limit).map((r) => r.reportNumber), hasMore: rows.length > f.limit };
}

export interface UseRow {
  registrationId: number;
  recordNumber: string;
  revision: number;
  plate: string;
  trailerPlate: string | null;
  origin: string;
  coalKind: string;
  netKg: number;
  firstAt: string;
  /** The record's latest check (of whatever report), with its outcome as it stands. */
  verdict: string | null;
  outcome: string | null;
}

/** Every truck that used the number, in the order they first came. */
export function usesOf(db: Db, reportNumber: string): UseRow[] {
  return db
    .prepare(
      `WITH ${usesCte('number')},
       latest AS (
         SELECT u.record_number, (SELECT c.id FROM certificate_checks c JOIN registrations r ON r.id = c.registration_id
                                   WHERE r.record_number = u.record_number ORDER BY c.id DESC LIMIT 1) AS check_id
         FROM uses u)
       SELECT u.registration_id AS registrationId, u.record_number AS recordNumber, u.revision, u.plate, u.trailer_plate AS trailerPlate,
         u.origin, u.coal_kind AS coalKind, u.net_kg AS netKg, u.first_at AS firstAt, c.verdict,
         CASE WHEN c.id IS NULL THEN NULL ELSE ${EFFECTIVE_OUTCOME_SQL} END AS outcome
       FROM uses u JOIN latest l ON l.record_number = u.record_number LEFT JOIN certificate_checks c ON c.id = l.check_id
       ORDER BY u.first_at, u.record_number`,
    )
    .all({ reportNumber }) as UseRow[];
}

export interface ArchiveCheckRow extends CheckRow {
  record_number: string;
  effective_outcome: string;
  tonnage_covered_kg: number | null;
}

/** Checks made of the number, of the trucks that count as its uses, oldest first. */
export function checksOfReport(db: Db, reportNumber: string): ArchiveCheckRow[] {
  return db
    .prepare(
      `WITH ${usesCte('number')}
       SELECT c.*, u2.username AS checked_by_name, r.record_number, ${EFFECTIVE_OUTCOME_SQL} AS effective_outcome,
         json_extract(c.input_json, '$.tonnageCoveredKg') AS tonnage_covered_kg
       FROM certificate_checks c JOIN users u2 ON u2.id = c.checked_by JOIN registrations r ON r.id = c.registration_id
       WHERE c.report_number = @reportNumber AND r.record_number IN (SELECT record_number FROM uses)
       ORDER BY c.id`,
    )
    .all({ reportNumber }) as ArchiveCheckRow[];
}

export interface ScanRow {
  id: number;
  recordNumber: string;
  sha256: string;
  mime: string;
  sizeBytes: number;
  fileName: string;
  addedAt: string;
}

/** Files attached to any revision of the trucks that used the number, oldest first. */
export function scansOfReport(db: Db, reportNumber: string): ScanRow[] {
  return db
    .prepare(
      `WITH ${usesCte('number')}
       SELECT a.id, r.record_number AS recordNumber, a.sha256, a.mime, a.size_bytes AS sizeBytes, a.file_name AS fileName, a.added_at AS addedAt
       FROM attachments a JOIN registrations r ON r.id = a.registration_id
       WHERE r.record_number IN (SELECT record_number FROM uses)
       ORDER BY a.id`,
    )
    .all({ reportNumber }) as ScanRow[];
}
