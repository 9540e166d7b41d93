/**
 * One checkpoint's records, read-only and paged: its trucks of a period (as the figures count them) or its
 * enforcement cases opened in the period. Names and identity numbers of drivers stay at the checkpoint: the
 * city's list shows the load, not the person.
 */
import type { HubSql } from '../../../db/hub/sql.ts';
import type { CityDrillPage, DrillCase, DrillRegistration } from '../../../src-shared/contract/city.ts';
import { periodBounds, type LocalPeriod } from '../../../src-shared/domain/report-period.ts';
import { ServiceError } from '../../services/errors.ts';
import { flag, TRUCKS_CTE } from './trucks-sql.ts';

interface Page { installationId: string; list: 'registrations' | 'cases'; from: string; to: string; page: number; pageSize: number }

const REGISTRATIONS_SQL = /* sql */ `
  WITH ${TRUCKS_CTE}
  SELECT r->>'record_number' AS "recordNumber", (r->>'revision')::int AS revision, passed_at AS "passedAt", r->>'plate' AS plate,
    r->>'origin' AS origin, r->>'destination' AS destination, r->>'coal_kind' AS "coalKind", (r->>'net_kg')::bigint AS "netKg",
    r->>'weight_source' AS "weightSource", ${flag("r->>'via_designated_route'")} AS "viaDesignatedRoute",
    CASE WHEN (r->'transit') IS NULL THEN NULL ELSE ${flag("r->>'transit'")} END AS transit, outcome,
    COUNT(*) OVER () AS total
  FROM judged WHERE iid = $3 ORDER BY passed_at, r->>'record_number' LIMIT $4 OFFSET $5`;

const CASES_SQL = /* sql */ `
  SELECT after->>'case_number' AS "caseNumber", after->>'phase' AS phase, after->>'plate' AS plate, COALESCE((after->>'net_kg')::bigint, 0) AS "netKg",
    after->>'seized_at' AS "seizedAt", after->>'decision_date' AS "decisionDate", COUNT(*) OVER () AS total
  FROM hub_rows WHERE tbl = 'enforcement_cases' AND installation_id = $3 AND after->>'created_at' >= $1 AND after->>'created_at' < $2
  ORDER BY after->>'created_at', after->>'case_number' LIMIT $4 OFFSET $5`;

export async function drillDown(sql: HubSql, input: Page): Promise<CityDrillPage> {
  const known = await sql.query("SELECT 1 FROM installations WHERE id = $1 AND kind = 'checkpoint'", [input.installationId]);
  if (known.rows.length === 0) throw new ServiceError('not-found', 'city.errors.unknownCheckpoint', { id: input.installationId });
  const { fromIso, toIso } = periodBounds({ from: input.from, to: input.to } satisfies LocalPeriod);
  const params = [fromIso, toIso, input.installationId, input.pageSize, (input.page - 1) * input.pageSize];
  const paging = { page: input.page, pageSize: input.pageSize };
  if (input.list === 'registrations') {
    const { rows } = await sql.query<DrillRegistration & { total: number }>(REGISTRATIONS_SQL, params);
    return { list: 'registrations', total: rows[0]?.total ?? (await countBeyond(sql, REGISTRATIONS_SQL, params)), ...paging, rows: rows.map(({ total: _t, ...r }) => r) };
  }
  const { rows } = await sql.query<DrillCase & { total: number }>(CASES_SQL, params);
  return { list: 'cases', total: rows[0]?.total ?? (await countBeyond(sql, CASES_SQL, params)), ...paging, rows: rows.map(({ total: _t, ...r }) => r) };
}

/** The total when the page asked for lies past the end (no row carries the window count). */
async function countBeyond(sql: HubSql, text: string, params: unknown[]): Promise<number> {
  const { rows } = await sql.query<{ total: number }>(text, [...params.slice(0, 3), 1, 0]);
  return rows[0]?.total ?? 0;
}
