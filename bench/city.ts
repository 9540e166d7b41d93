// The city hub's figures (issue 17): the city's week and the 周通报 ranking over a hub holding
// BENCH_CITY_REGISTRATIONS registrations (default 500,000) of three checkpoints, on the embedded PGlite.
// Targets: the week < 1 s, the ranking < 2 s. Run alone: `node --import tsx bench/city.ts`.
import { migrateHub, openHubSql } from '../db/hub/sql.ts';
import { cityFigures } from '../src-main/hub/city/figures.ts';
import { cityRanking } from '../src-main/hub/city/ranking.ts';
import { addDays } from '../src-shared/domain/local-time.ts';
import { isoWeekOf, parseIsoWeek } from '../src-shared/domain/report-period.ts';
import { loadCityFixture, makeCityFixture } from '../test/support/city-fixtures.ts';

const WEEKS = 10;
const FIRST_DAY = '2026-09-28'; // a Monday: ten whole Beijing weeks to 2026-12-06

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

export async function benchCity(registrations: number): Promise<Record<string, string | number>> {
  const sql = await openHubSql({});
  await migrateHub(sql);
  // Three checkpoints over ten weeks; made and loaded a week at a time so the fixture never sits whole in memory.
  const trucksPerDay = registrations / (3 * 7 * WEEKS);
  const load = await timed(async () => {
    for (let w = 0; w < WEEKS; w++) {
      const fixture = makeCityFixture({ firstDay: addDays(FIRST_DAY, 7 * w), days: 7, trucksPerDay, seed: w + 1, idOffset: w * 10_000_000 });
      await loadCityFixture(sql, fixture, { installations: w === 0 });
      if (process.env.BENCH_VERBOSE) console.error(`week ${w + 1}/${WEEKS} loaded`, new Date().toISOString());
    }
  });
  await sql.query('ANALYZE hub_rows');
  const held = (await sql.query<{ n: number }>("SELECT COUNT(*) AS n FROM hub_rows WHERE tbl = 'registrations'")).rows[0]!.n;
  const week = isoWeekOf(addDays(FIRST_DAY, 7 * (WEEKS - 1)));
  const period = parseIsoWeek(week)!;
  // The first call also pays for PGlite warming its caches; a dashboard open all day sees the second.
  const first = await timed(() => cityFigures(sql, period, week));
  const weekRun = await timed(() => cityFigures(sql, period, week));
  const ranking = await timed(() => cityRanking(sql, week, period, new Date(`${period.to}T12:00:00Z`)));
  await sql.close();
  return {
    'registration rows held (all revisions)': held.toLocaleString('en'),
    'load (s)': (load.ms / 1000).toFixed(1),
    [`city week ${week}: trucks`]: weekRun.value.totals.trucks.toLocaleString('en'),
    'city week, first call (ms)': Math.round(first.ms),
    'city week (ms, target < 1000)': Math.round(weekRun.ms),
    '周通报 ranking, two weeks (ms, target < 2000)': Math.round(ranking.ms),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.env.BENCH_CITY_REGISTRATIONS ?? 500_000);
  console.log(`## City hub (${n.toLocaleString('en')} registrations, PGlite)`);
  for (const [k, v] of Object.entries(await benchCity(n))) console.log(`  ${k.padEnd(56)} ${v}`);
}
