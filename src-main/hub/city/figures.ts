/**
 * The city's day and week: every figure is SQL over the hub's projection (`hub_rows`), grouped by
 * installation and Beijing hour in one scan of the period's trucks, then summed here into each
 * installation's tally, the city's totals and the days of the period.
 */
import type { HubSql } from '../../../db/hub/sql.ts';
import type { CityFigures, CityTally, InstallationFigures, RouteBase } from '../../../src-shared/contract/city.ts';
import type { HubFigures, InstallationKind } from '../../../src-shared/contract/hub.ts';
import { ROUTE_TARGET } from '../../../src-shared/contract/reports.ts';
import { addDays } from '../../../src-shared/domain/local-time.ts';
import { periodBounds, type LocalPeriod } from '../../../src-shared/domain/report-period.ts';
import { isoOrNull } from '../context.ts';
import { beijingHour, flag, TRUCKS_CTE } from './trucks-sql.ts';

interface HourRow {
  iid: string;
  hour: string;
  trucks: number;
  net_kg: number;
  via: number;
  with_transit: number;
  transit: number;
  transit_via: number;
  scale: number;
  release: number;
  sample: number;
  seize: number;
  turn_back: number;
  review: number;
  failing: number;
}

const HOURS_SQL = /* sql */ `
  WITH ${TRUCKS_CTE}
  SELECT iid, ${beijingHour('passed_at')} AS hour, COUNT(*) AS trucks, COALESCE(SUM((r->>'net_kg')::bigint), 0) AS net_kg,
    COUNT(*) FILTER (WHERE ${flag("r->>'via_designated_route'")}) AS via,
    COUNT(*) FILTER (WHERE (r->'transit') IS NOT NULL) AS with_transit,
    COUNT(*) FILTER (WHERE ${flag("r->>'transit'")}) AS transit,
    COUNT(*) FILTER (WHERE ${flag("r->>'transit'")} AND ${flag("r->>'via_designated_route'")}) AS transit_via,
    COUNT(*) FILTER (WHERE r->>'weight_source' = 'scale') AS scale,
    COUNT(*) FILTER (WHERE outcome = 'release') AS release, COUNT(*) FILTER (WHERE outcome = 'sample') AS sample,
    COUNT(*) FILTER (WHERE outcome = 'seize') AS seize, COUNT(*) FILTER (WHERE outcome = 'turn-back') AS turn_back,
    COUNT(*) FILTER (WHERE outcome = 'review') AS review, COUNT(*) FILTER (WHERE k->>'verdict' = 'fail') AS failing
  FROM judged GROUP BY iid, hour ORDER BY iid, hour`;

/** Cases decided in the period (local dates, as the checkpoint counts its seizures) and terms running now. */
const CASES_SQL = /* sql */ `
  SELECT installation_id AS iid,
    COUNT(*) FILTER (WHERE after->>'decision_date' >= $1 AND after->>'decision_date' <= $2) AS cases,
    COALESCE(SUM((after->>'net_kg')::bigint) FILTER (WHERE after->>'decision_date' >= $1 AND after->>'decision_date' <= $2), 0) AS net_kg,
    COUNT(*) FILTER (WHERE after->>'phase' IN ('seized', 'extended')) AS open_terms
  FROM hub_rows WHERE tbl = 'enforcement_cases' GROUP BY installation_id`;

/** Handovers the checkpoints signed in the period (outgoing only: the disposal point's copy is the same coal). */
const HANDOVERS_SQL = /* sql */ `
  SELECT installation_id AS iid, COUNT(*) AS handovers, COALESCE(SUM((after->>'total_kg')::bigint), 0) AS total_kg
  FROM hub_rows WHERE tbl = 'handovers' AND after->>'direction' = 'outgoing'
    AND after->>'handed_over_at' >= $1 AND after->>'handed_over_at' < $2
  GROUP BY installation_id`;

/** The disposal points' stock at the end of the period: the sum of their ledgers' balance movements before it. */
const STOCK_SQL = /* sql */ `
  SELECT installation_id AS iid, COALESCE(SUM((after->>'balance_delta_kg')::bigint), 0) AS stock_kg
  FROM hub_rows WHERE tbl = 'ledger_movements' AND after->>'at' < $1 GROUP BY installation_id`;

interface InstallationRow { id: string; name: string; kind: InstallationKind; county: string | null; last_sync_at: unknown; revoked_at: unknown }

const emptyTally = (): CityTally => ({
  trucks: 0, netKg: 0, routeBaseTrucks: 0, viaRouteTrucks: 0, routeShare: null,
  outcomes: { release: 0, sample: 0, seize: 0, turnBack: 0, review: 0, failing: 0 },
  seizures: { cases: 0, netKg: 0 }, handovers: { handovers: 0, totalKg: 0 }, disposalStockKg: 0, deviceGapHours: 0, openTerms: 0,
});

function addTally(into: CityTally, t: CityTally): void {
  into.trucks += t.trucks;
  into.netKg += t.netKg;
  into.routeBaseTrucks += t.routeBaseTrucks;
  into.viaRouteTrucks += t.viaRouteTrucks;
  for (const k of Object.keys(into.outcomes) as (keyof CityTally['outcomes'])[]) into.outcomes[k] += t.outcomes[k];
  into.seizures.cases += t.seizures.cases;
  into.seizures.netKg += t.seizures.netKg;
  into.handovers.handovers += t.handovers.handovers;
  into.handovers.totalKg += t.handovers.totalKg;
  into.disposalStockKg += t.disposalStockKg;
  into.deviceGapHours += t.deviceGapHours;
  into.openTerms += t.openTerms;
}

const share = (via: number, base: number): number | null => (base === 0 ? null : via / base);

/** One installation's trucks from its hours; the route base is transit trucks once its after-images carry the column. */
function truckTally(hours: HourRow[]): { tally: CityTally; routeBase: RouteBase } {
  const t = emptyTally();
  let via = 0, transit = 0, transitVia = 0, withTransit = 0;
  for (const h of hours) {
    t.trucks += h.trucks;
    t.netKg += h.net_kg;
    via += h.via;
    transit += h.transit;
    transitVia += h.transit_via;
    withTransit += h.with_transit;
    t.outcomes.release += h.release;
    t.outcomes.sample += h.sample;
    t.outcomes.seize += h.seize;
    t.outcomes.turnBack += h.turn_back;
    t.outcomes.review += h.review;
    t.outcomes.failing += h.failing;
    if (h.scale === 0) t.deviceGapHours++;
  }
  const routeBase: RouteBase = withTransit > 0 ? 'transit' : 'all';
  t.routeBaseTrucks = routeBase === 'transit' ? transit : t.trucks;
  t.viaRouteTrucks = routeBase === 'transit' ? transitVia : via;
  t.routeShare = share(t.viaRouteTrucks, t.routeBaseTrucks);
  return { tally: t, routeBase };
}

const byIid = <R extends { iid: string }>(rows: R[]) => new Map(rows.map((r) => [r.iid, r]));

/** Every installation's figures and the city's totals for a Beijing period. */
export async function cityFigures(sql: HubSql, period: LocalPeriod, label: string): Promise<CityFigures> {
  const { fromIso, toIso } = periodBounds(period);
  const [installations, hours, cases, handovers, stock] = await Promise.all([
    sql.query<InstallationRow>('SELECT id, name, kind, county, last_sync_at, revoked_at FROM installations ORDER BY kind, name, id'),
    sql.query<HourRow>(HOURS_SQL, [fromIso, toIso]),
    sql.query<{ iid: string; cases: number; net_kg: number; open_terms: number }>(CASES_SQL, [period.from, period.to]),
    sql.query<{ iid: string; handovers: number; total_kg: number }>(HANDOVERS_SQL, [fromIso, toIso]),
    sql.query<{ iid: string; stock_kg: number }>(STOCK_SQL, [toIso]),
  ]);
  const hoursOf = new Map<string, HourRow[]>();
  for (const h of hours.rows) hoursOf.set(h.iid, [...(hoursOf.get(h.iid) ?? []), h]);
  const casesOf = byIid(cases.rows);
  const handoversOf = byIid(handovers.rows);
  const stockOf = byIid(stock.rows);
  const totals = emptyTally();
  const bases = new Set<RouteBase>();
  const list: InstallationFigures[] = installations.rows.map((i) => {
    const { tally, routeBase } = truckTally(hoursOf.get(i.id) ?? []);
    const c = casesOf.get(i.id);
    const h = handoversOf.get(i.id);
    tally.seizures = { cases: c?.cases ?? 0, netKg: c?.net_kg ?? 0 };
    tally.openTerms = c?.open_terms ?? 0;
    tally.handovers = { handovers: h?.handovers ?? 0, totalKg: h?.total_kg ?? 0 };
    tally.disposalStockKg = stockOf.get(i.id)?.stock_kg ?? 0;
    addTally(totals, tally);
    if (tally.trucks > 0) bases.add(routeBase);
    return {
      ...tally, installationId: i.id, name: i.name, kind: i.kind, county: i.county, routeBase,
      lastSyncAt: isoOrNull(i.last_sync_at), revoked: i.revoked_at !== null,
    };
  });
  totals.routeShare = share(totals.viaRouteTrucks, totals.routeBaseTrucks);
  const perDay = new Map<string, { trucks: number; netKg: number }>();
  for (const h of hours.rows) {
    const day = perDay.get(h.hour.slice(0, 10)) ?? { trucks: 0, netKg: 0 };
    day.trucks += h.trucks;
    day.netKg += h.net_kg;
    perDay.set(h.hour.slice(0, 10), day);
  }
  const days: CityFigures['days'] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push({ date: d, ...(perDay.get(d) ?? { trucks: 0, netKg: 0 }) });
  return {
    period, fromIso, toIso, label, routeTarget: ROUTE_TARGET,
    routeBase: bases.size > 1 ? 'mixed' : bases.has('transit') ? 'transit' : 'all',
    totals, installations: list, days,
  };
}

/** `checkpoint hub figures`: per installation, the registrations, tonnage and seizures of the period. */
export async function hubFigures(sql: HubSql, period: LocalPeriod): Promise<HubFigures[]> {
  const figures = await cityFigures(sql, period, `${period.from}–${period.to}`);
  return figures.installations.map((i) => ({
    id: i.installationId, name: i.name, kind: i.kind, county: i.county,
    registrations: i.trucks, netKg: i.netKg, seizures: i.seizures.cases, lastSyncAt: i.lastSyncAt,
  }));
}
