/**
 * "The trucks of a period" over the hub's projection, exactly as a checkpoint counts them in its own reports
 * (db/reports-repo.ts): the current revision of each record whose FIRST revision was registered in the
 * period, training records left out; each with its latest certificate check (on any revision of the
 * record) and that check's effective outcome (latest override, else the review, else the check's own).
 * The after-images keep the checkpoint's SQLite columns, so flags are 0/1 and instants UTC ISO text.
 * Parameters: $1 the period's first UTC instant, $2 the instant after its end.
 */

/** True when a 0/1 (or boolean) column of an after-image is set. */
export const flag = (expr: string) => `(COALESCE(${expr}, '0') IN ('1', 'true'))`;

export const TRUCKS_CTE = /* sql */ `
  trucks AS (
    SELECT c.installation_id AS iid, c.after AS r, p.after->>'registered_at' AS passed_at
    FROM hub_rows p
    JOIN hub_rows c ON c.tbl = 'registrations' AND c.installation_id = p.installation_id
      AND (c.after->>'record_number') = (p.after->>'record_number')
    WHERE p.tbl = 'registrations' AND (p.after->>'registered_at') >= $1 AND (p.after->>'registered_at') < $2
      AND (p.after->>'revision') = '1'
      AND NOT ${flag("c.after->>'training'")}
      AND NOT EXISTS (SELECT 1 FROM hub_rows a WHERE a.tbl = 'registrations' AND a.installation_id = c.installation_id
        AND (a.after->>'amends_id') = (c.after->>'id'))
  ),
  checked AS (
    SELECT t.iid, t.r, t.passed_at, lc.k
    FROM trucks t
    LEFT JOIN LATERAL (
      SELECT k.after AS k FROM hub_rows kr
      JOIN hub_rows k ON k.tbl = 'certificate_checks' AND k.installation_id = kr.installation_id
        AND (k.after->>'registration_id') = (kr.after->>'id')
      WHERE kr.tbl = 'registrations' AND kr.installation_id = t.iid AND (kr.after->>'record_number') = (t.r->>'record_number')
      ORDER BY (k.after->>'id')::bigint DESC LIMIT 1
    ) lc ON true
  ),
  judged AS (
    SELECT iid, r, passed_at, k,
      CASE WHEN k IS NULL THEN NULL ELSE COALESCE(
        (SELECT o.after->>'outcome' FROM hub_rows o WHERE o.tbl = 'certificate_overrides' AND o.installation_id = iid
          AND (o.after->>'check_id') = (k->>'id') ORDER BY (o.after->>'id')::bigint DESC LIMIT 1),
        (SELECT v.after->>'outcome' FROM hub_rows v WHERE v.tbl = 'certificate_reviews' AND v.installation_id = iid
          AND (v.after->>'check_id') = (k->>'id') ORDER BY (v.after->>'id')::bigint DESC LIMIT 1),
        k->>'outcome') END AS outcome
    FROM checked
  )`;

/** The Beijing hour 'YYYY-MM-DD HH' of a UTC ISO instant column. */
export const beijingHour = (col: string) => `to_char((${col})::timestamptz AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD HH24')`;
