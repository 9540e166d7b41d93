/**
 * The vehicle register (运煤车辆信息登记台账) alone, on a database of its own: one week of N trucks as .xlsx and
 * .pdf, and optionally a season of M trucks as a streamed .xlsx with the process's memory. Targets (issue 16):
 * 5,000 trucks xlsx < 2 s, PDF < 3 s; 130,000 trucks xlsx < 30 s, < 400 MB.
 *
 *   node --expose-gc --import tsx bench/register.ts [weekTrucks=5000] [seasonTrucks=0]
 *   node --cpu-prof --cpu-prof-dir=.tmp --import tsx bench/register.ts 1000   (a profile of the PDF)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../db/open.ts';
import { insertRegistration } from '../db/registrations-repo.ts';
import { createUser, listUsers } from '../src-main/services/accounts/accounts.ts';
import { SYSTEM_ACTOR } from '../src-main/services/context.ts';
import { sampleRegistration, seededRandom } from '../src-main/demo/sample-registration.ts';
import { exportRegister, type Exporter } from '../src-main/services/reports/reports.ts';

const WEEK = { from: '2026-11-23', to: '2026-11-29' };
const SEASON_START_MS = Date.parse('2026-05-31T16:00:00Z');
const WEEK_START_MS = Date.parse('2026-11-22T16:00:00Z');

/** `count` trucks spread evenly over `spanMs` from `startMs`, as the app stores them (row audit included). */
function fill(db: Db, count: number, startMs: number, spanMs: number, prefix: string): void {
  const rnd = seededRandom(count);
  const operator = listUsers(db)[0]!;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(startMs + Math.floor((i * spanMs) / count));
      insertRegistration(db, {
        recordNumber: `${prefix}-${String(i).padStart(7, '0')}`, revision: 1, amendsId: null, amendmentReason: null,
        stationCode: 'CD01', operatorId: operator.id, registeredAt: at.toISOString(), data: { ...sampleRegistration(rnd), training: false },
      });
    }
  })();
}

async function timed(run: () => Promise<{ trucks: number; base64: string }>): Promise<string> {
  global.gc?.();
  const t = performance.now();
  const file = await run();
  const ms = Math.round(performance.now() - t);
  return `${ms} ms, ${file.trucks} trucks, ${Math.round((file.base64.length * 3) / 4 / 1024)} KB, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
}

export async function benchRegister(weekTrucks: number, seasonTrucks: number): Promise<Record<string, string>> {
  const file = path.resolve('.tmp', `bench-register-${weekTrucks}-${seasonTrucks}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  try {
    db.prepare("INSERT INTO station (id, name, code, created_at) VALUES (1, '基准测试检查站', 'CD01', '2026-05-01T00:00:00Z')").run();
    createUser(db, SYSTEM_ACTOR, { username: 'kiosk', displayName: '登记员', roles: ['kiosk'], password: 'bench-pass-1' }, new Date());
    fill(db, weekTrucks, WEEK_START_MS, 7 * 86400_000, 'W');
    // The season's other trucks, before the week, so the season's register holds both.
    if (seasonTrucks > weekTrucks) fill(db, seasonTrucks - weekTrucks, SEASON_START_MS, WEEK_START_MS - SEASON_START_MS, 'S');
    const who: Exporter = { station: { name: '基准测试检查站', code: 'CD01' }, actor: { id: null, name: 'bench' }, displayName: 'bench', at: new Date() };
    const out: Record<string, string> = {
      weekXlsx: await timed(() => exportRegister(db, who, { ...WEEK, format: 'xlsx', unmasked: false })),
      weekPdf: await timed(() => exportRegister(db, who, { ...WEEK, format: 'pdf', unmasked: false })),
    };
    if (seasonTrucks > 0) out.seasonXlsx = await timed(() => exportRegister(db, who, { from: '2026-06-01', to: WEEK.to, format: 'xlsx', unmasked: false }));
    return out;
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'register.ts')) {
  const [week = '5000', season = '0'] = process.argv.slice(2);
  for (const [name, figure] of Object.entries(await benchRegister(Number(week), Number(season)))) console.log(`${name.padEnd(12)} ${figure}`);
}
