/**
 * The 周通报 table: each checkpoint's week beside the week before, ranked by its share of trucks on the
 * designated routes (the 90 % target the circular reports on), then by trucks. Disposal points are not
 * ranked: they register no trucks.
 */
import type { HubSql } from '../../../db/hub/sql.ts';
import { CITY_STALE_MS, type CityRanking, type RankingRow } from '../../../src-shared/contract/city.ts';
import { ROUTE_TARGET } from '../../../src-shared/contract/reports.ts';
import { addDays } from '../../../src-shared/domain/local-time.ts';
import type { LocalPeriod } from '../../../src-shared/domain/report-period.ts';
import { cityFigures } from './figures.ts';

/** Best first; a checkpoint with no truck (no share to judge) after all that have one. */
export function compareRows(a: Pick<RankingRow, 'routeShare' | 'trucks' | 'name'>, b: Pick<RankingRow, 'routeShare' | 'trucks' | 'name'>): number {
  if (a.routeShare !== b.routeShare) {
    if (a.routeShare === null) return 1;
    if (b.routeShare === null) return -1;
    return b.routeShare - a.routeShare;
  }
  return b.trucks - a.trucks || a.name.localeCompare(b.name, 'zh-CN');
}

export async function cityRanking(sql: HubSql, week: string, period: LocalPeriod, now: Date): Promise<CityRanking> {
  const previous = { from: addDays(period.from, -7), to: addDays(period.to, -7) };
  const [current, before] = [await cityFigures(sql, period, week), await cityFigures(sql, previous, '')];
  const beforeOf = new Map(before.installations.map((i) => [i.installationId, i]));
  const rows = current.installations
    .filter((i) => i.kind === 'checkpoint')
    .map((i): Omit<RankingRow, 'rank'> => {
      const prev = beforeOf.get(i.installationId);
      return {
        installationId: i.installationId, name: i.name, county: i.county, trucks: i.trucks, netKg: i.netKg,
        routeBase: i.routeBase, routeShare: i.routeShare, routeMet: i.routeShare === null ? null : i.routeShare >= ROUTE_TARGET,
        failing: i.outcomes.failing, seizures: i.seizures.cases, seizedKg: i.seizures.netKg, handovers: i.handovers.handovers,
        deviceGapHours: i.deviceGapHours, openTerms: i.openTerms,
        previousTrucks: prev?.trucks ?? 0, previousRouteShare: prev?.routeShare ?? null,
        lastSyncAt: i.lastSyncAt, stale: i.lastSyncAt === null || now.getTime() - Date.parse(i.lastSyncAt) >= CITY_STALE_MS,
      };
    })
    .sort(compareRows);
  return { week, period, routeTarget: ROUTE_TARGET, rows: rows.map((r, n) => ({ ...r, rank: n + 1 })) };
}
