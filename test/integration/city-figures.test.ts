/**
 * The city's views on PGlite: three checkpoints and a disposal point over two Beijing weeks, the figures
 * compared with sums computed here from the fixture rows (not by the SQL under test), the Beijing day
 * boundary, the drill-down and export read back, roles refused, and `checkpoint hub figures` / `hub user add`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { migrateHub, openHubSql, type HubSql } from '../../db/hub/sql.ts';
import type { CityDrillPage, CityFigures, CityRanking } from '../../src-shared/contract/city.ts';
import type { ApiResult, LoginResult } from '../../src-shared/contract/index.ts';
import type { HubFigures } from '../../src-shared/contract/hub.ts';
import { ROUTE_TARGET } from '../../src-shared/contract/reports.ts';
import { addDays } from '../../src-shared/domain/local-time.ts';
import { parseIsoWeek, periodBounds, type LocalPeriod } from '../../src-shared/domain/report-period.ts';
import { SessionStore } from '../../src-main/services/accounts/sessions.ts';
import { createHubDispatcher, type HubDispatch } from '../../src-main/hub/hub-dispatch.ts';
import { createHubUser } from '../../src-main/hub/users/hub-users.ts';
import { REGISTER_SHEET } from '../../src-main/hub/city/export.ts';
import { hubCityCommandsWith } from '../../src-main/cli/commands/hub-figures.ts';
import { createFixture } from '../support/app-fixture.ts';
import { FIXTURE_INSTALLATIONS, loadCityFixture, makeCityFixture, type FixtureRow } from '../support/city-fixtures.ts';

const FIRST_DAY = '2026-11-16'; // Monday of 2026-W47; the fixture runs through Sunday 2026-11-29 (W48)
const fixture = makeCityFixture({ firstDay: FIRST_DAY, days: 14, trucksPerDay: 9 });
type After = Record<string, unknown>;

// ---- Expectations, computed from the fixture rows in plain code ----
const rowsOf = (iid: string, tbl: string): After[] => fixture.rows.filter((r: FixtureRow) => r.installationId === iid && r.tbl === tbl).map((r) => r.after);
const beijingHour = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 13);

function expectedTrucks(iid: string, period: LocalPeriod) {
  const { fromIso, toIso } = periodBounds(period);
  const regs = rowsOf(iid, 'registrations');
  const superseded = new Set<unknown>(regs.map((r) => r.amends_id).filter((v) => v !== null));
  const checks = rowsOf(iid, 'certificate_checks');
  const overrides = rowsOf(iid, 'certificate_overrides');
  const reviews = rowsOf(iid, 'certificate_reviews');
  return regs
    .filter((r) => r.revision === 1 && (r.registered_at as string) >= fromIso && (r.registered_at as string) < toIso)
    .map((first) => {
      const revisions = regs.filter((r) => r.record_number === first.record_number);
      const current = revisions.find((r) => !superseded.has(r.id))!;
      const ids = new Set<unknown>(revisions.map((r) => r.id));
      const check = checks.filter((c) => ids.has(c.registration_id)).sort((a, b) => (b.id as number) - (a.id as number))[0];
      const override = check && overrides.filter((o) => o.check_id === check.id).sort((a, b) => (b.id as number) - (a.id as number))[0];
      const review = check && reviews.find((v) => v.check_id === check.id);
      const outcome = check ? ((override?.outcome ?? review?.outcome ?? check.outcome) as string) : null;
      return { passedAt: first.registered_at as string, current, outcome, verdict: (check?.verdict as string | undefined) ?? null };
    })
    .filter((t) => t.current.training === 0);
}

function expectedInstallation(iid: string, period: LocalPeriod) {
  const { fromIso, toIso } = periodBounds(period);
  const trucks = expectedTrucks(iid, period);
  const transit = FIXTURE_INSTALLATIONS.find((i) => i.id === iid)!.transit;
  const base = transit ? trucks.filter((t) => t.current.transit === 1) : trucks;
  const hours = new Map<string, boolean>();
  for (const t of trucks) hours.set(beijingHour(t.passedAt), (hours.get(beijingHour(t.passedAt)) ?? false) || t.current.weight_source === 'scale');
  const cases = rowsOf(iid, 'enforcement_cases');
  const decided = cases.filter((c) => c.decision_date !== null && (c.decision_date as string) >= period.from && (c.decision_date as string) <= period.to);
  const handovers = rowsOf(iid, 'handovers').filter((h) => h.direction === 'outgoing' && (h.handed_over_at as string) >= fromIso && (h.handed_over_at as string) < toIso);
  const count = (o: string) => trucks.filter((t) => t.outcome === o).length;
  return {
    trucks: trucks.length,
    netKg: trucks.reduce((s, t) => s + (t.current.net_kg as number), 0),
    routeBase: transit && trucks.length > 0 ? 'transit' : 'all',
    routeBaseTrucks: base.length,
    viaRouteTrucks: base.filter((t) => t.current.via_designated_route === 1).length,
    outcomes: { release: count('release'), sample: count('sample'), seize: count('seize'), turnBack: count('turn-back'), review: count('review'), failing: trucks.filter((t) => t.verdict === 'fail').length },
    seizures: { cases: decided.length, netKg: decided.reduce((s, c) => s + (c.net_kg as number), 0) },
    handovers: { handovers: handovers.length, totalKg: handovers.reduce((s, h) => s + (h.total_kg as number), 0) },
    disposalStockKg: rowsOf(iid, 'ledger_movements').filter((m) => (m.at as string) < toIso).reduce((s, m) => s + (m.balance_delta_kg as number), 0),
    deviceGapHours: [...hours.values()].filter((scale) => !scale).length,
    openTerms: cases.filter((c) => c.phase === 'seized' || c.phase === 'extended').length,
  };
}

// ---- The hub under test ----
let sql: HubSql;
let dispatch: HubDispatch;
const clock = { now: new Date('2026-11-30T04:00:00.000Z') };
const tokens: Record<'city' | 'admin', string> = { city: '', admin: '' };

async function call<T>(method: string, input: unknown, token?: string): Promise<T> {
  const result = await dispatch(method, { token, input });
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.key}`);
  return result.value as T;
}

beforeAll(async () => {
  sql = await openHubSql({});
  await migrateHub(sql);
  await loadCityFixture(sql, fixture);
  dispatch = createHubDispatcher({ sql, now: () => clock.now, hubName: '承德市煤质监管平台', sessions: new SessionStore() });
  await createHubUser(sql, 'test', { username: 'city1', displayName: '市攻坚办 李明', role: 'city', password: 'city-pass-1' }, clock.now);
  await createHubUser(sql, 'test', { username: 'hubadmin', displayName: '平台管理员', role: 'hub-admin', password: 'admin-pass-1' }, clock.now);
  tokens.city = (await call<LoginResult>('auth.login', { username: 'city1', password: 'city-pass-1' })).token;
  tokens.admin = (await call<LoginResult>('auth.login', { username: 'hubadmin', password: 'admin-pass-1' })).token;
}, 60_000);
afterAll(async () => sql?.close());

describe('city figures over the hub rows', () => {
  it('gives each installation and the city the week computed from the fixture (W47 and W48)', async () => {
    for (const week of ['2026-W47', '2026-W48']) {
      const period = parseIsoWeek(week)!;
      const figures = await call<CityFigures>('city.week', { week }, tokens.city);
      expect(figures.period).toEqual(period);
      expect(figures.routeTarget).toBe(ROUTE_TARGET);
      expect(figures.installations.map((i) => i.installationId).sort()).toEqual(FIXTURE_INSTALLATIONS.map((i) => i.id).sort());
      let trucks = 0, netKg = 0, seizures = 0;
      for (const inst of figures.installations) {
        const want = expectedInstallation(inst.installationId, period);
        const { installationId: _i, name: _n, kind: _k, county: _c, lastSyncAt: _l, revoked: _r, routeShare, ...got } = inst;
        expect(got, `${week} ${inst.installationId}`).toEqual(want);
        expect(routeShare).toBe(want.routeBaseTrucks === 0 ? null : want.viaRouteTrucks / want.routeBaseTrucks);
        trucks += want.trucks;
        netKg += want.netKg;
        seizures += want.seizures.cases;
      }
      expect(figures.totals.trucks).toBe(trucks);
      expect(figures.totals.netKg).toBe(netKg);
      expect(Number.isInteger(figures.totals.netKg)).toBe(true);
      expect(figures.totals.seizures.cases).toBe(seizures);
      expect(figures.routeBase).toBe('mixed'); // one checkpoint records transit trucks, two do not yet
      expect(figures.days.map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, n) => addDays(period.from, n)));
      expect(figures.days.reduce((s, d) => s + d.trucks, 0)).toBe(trucks);
      expect(figures.days.reduce((s, d) => s + d.netKg, 0)).toBe(netKg);
    }
  });

  it('counts every day of the two weeks as the fixture does, each day equal to the sum of its checkpoints', async () => {
    for (let d = 0; d < 14; d++) {
      const date = addDays(FIRST_DAY, d);
      const figures = await call<CityFigures>('city.day', { date }, tokens.city);
      const want = FIXTURE_INSTALLATIONS.map((i) => expectedInstallation(i.id, { from: date, to: date }));
      expect(figures.totals.trucks, date).toBe(want.reduce((s, w) => s + w.trucks, 0));
      expect(figures.totals.netKg, date).toBe(want.reduce((s, w) => s + w.netKg, 0));
      expect(figures.totals.handovers.totalKg, date).toBe(want.reduce((s, w) => s + w.handovers.totalKg, 0));
      expect(figures.totals.deviceGapHours, date).toBe(want.reduce((s, w) => s + w.deviceGapHours, 0));
    }
  });

  it('puts a truck at 23:30 Beijing (15:30 UTC) on that Beijing day, and one at 00:30 Beijing on the next', async () => {
    const date = '2026-11-20';
    const late = fixture.rows.find((r) => r.tbl === 'registrations' && r.after.record_number === `cp-weichang-${date}-0`)!;
    expect(late.after.registered_at).toBe('2026-11-20T15:30:00.000Z');
    const page = await call<CityDrillPage>('city.checkpoint', { installationId: 'cp-weichang', list: 'registrations', from: date, to: date, pageSize: 200 }, tokens.city);
    expect(page.rows.map((r) => (r as { recordNumber: string }).recordNumber)).toContain(`cp-weichang-${date}-0`);
    const nextDay = await call<CityDrillPage>('city.checkpoint', { installationId: 'cp-weichang', list: 'registrations', from: '2026-11-21', to: '2026-11-21', pageSize: 200 }, tokens.city);
    expect(nextDay.rows.map((r) => (r as { recordNumber: string }).recordNumber)).not.toContain(`cp-weichang-${date}-0`);
    // Add a truck at 00:30 Beijing on the 21st (16:30 UTC on the 20th): the 21st's figure grows, the 20th's does not.
    const before20 = (await call<CityFigures>('city.day', { date }, tokens.city)).totals.trucks;
    const before21 = (await call<CityFigures>('city.day', { date: '2026-11-21' }, tokens.city)).totals.trucks;
    const after = { ...late.after, id: 99_999, record_number: 'cp-weichang-boundary', registered_at: '2026-11-20T16:30:00.000Z', training: 0 };
    await sql.query("INSERT INTO hub_rows (installation_id, tbl, pk, after, seq) VALUES ('cp-weichang', 'registrations', '99999', $1, 999999)", [JSON.stringify(after)]);
    try {
      expect((await call<CityFigures>('city.day', { date }, tokens.city)).totals.trucks).toBe(before20);
      expect((await call<CityFigures>('city.day', { date: '2026-11-21' }, tokens.city)).totals.trucks).toBe(before21 + 1);
    } finally {
      await sql.query("DELETE FROM hub_rows WHERE installation_id = 'cp-weichang' AND tbl = 'registrations' AND pk = '99999'");
    }
  });

  it('ranks the checkpoints for the 周通报 by route share, with the week before beside each', async () => {
    const ranking = await call<CityRanking>('city.ranking', { week: '2026-W48' }, tokens.city);
    const checkpoints = FIXTURE_INSTALLATIONS.filter((i) => i.kind === 'checkpoint');
    expect(ranking.rows).toHaveLength(checkpoints.length);
    expect(ranking.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (const row of ranking.rows) {
      const want = expectedInstallation(row.installationId, parseIsoWeek('2026-W48')!);
      const prev = expectedInstallation(row.installationId, parseIsoWeek('2026-W47')!);
      expect(row.trucks).toBe(want.trucks);
      expect(row.netKg).toBe(want.netKg);
      expect(row.routeShare).toBe(want.viaRouteTrucks / want.routeBaseTrucks);
      expect(row.routeMet).toBe(want.viaRouteTrucks / want.routeBaseTrucks >= 0.9);
      expect(row.failing).toBe(want.outcomes.failing);
      expect(row.seizures).toBe(want.seizures.cases);
      expect(row.previousTrucks).toBe(prev.trucks);
    }
    const shares = ranking.rows.map((r) => r.routeShare!);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    // 丰宁 last pushed five days before the hub's clock: its line says the week may be incomplete.
    expect(ranking.rows.find((r) => r.installationId === 'cp-fengning')!.stale).toBe(true);
    expect(ranking.rows.find((r) => r.installationId === 'cp-weichang')!.stale).toBe(false);
  });
});

describe('drill-down, export and installations', () => {
  it('lists a checkpoint\'s trucks page by page, each once, and changes nothing', async () => {
    const snapshot = async () => (await sql.query<{ n: number; h: string }>("SELECT COUNT(*) AS n, md5(string_agg(installation_id || tbl || pk || after::text, ',' ORDER BY installation_id, tbl, pk)) AS h FROM hub_rows")).rows[0];
    const before = await snapshot();
    const period = { from: '2026-11-16', to: '2026-11-29' };
    const want = expectedTrucks('cp-longhua', period);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const p = await call<CityDrillPage>('city.checkpoint', { installationId: 'cp-longhua', list: 'registrations', ...period, page, pageSize: 25 }, tokens.city);
      expect(p.total).toBe(want.length);
      if (p.rows.length === 0) break;
      seen.push(...p.rows.map((r) => (r as { recordNumber: string }).recordNumber));
    }
    expect(seen.sort()).toEqual(want.map((t) => t.current.record_number as string).sort());
    const cases = await call<CityDrillPage>('city.checkpoint', { installationId: 'cp-longhua', list: 'cases', ...period, pageSize: 200 }, tokens.city);
    expect(cases.total).toBe(rowsOf('cp-longhua', 'enforcement_cases').length);
    expect(await snapshot()).toEqual(before);
    const unknown = await dispatch('city.checkpoint', { token: tokens.city, input: { installationId: 'dp-chengde', list: 'cases', ...period } });
    expect(unknown.ok === false && unknown.error.code).toBe('not-found');
  });

  it('exports the register across checkpoints: one sheet, the checkpoint first, every truck once', async () => {
    const file = await call<{ base64: string; trucks: number; filename: string }>('city.export', { from: '2026-11-16', to: '2026-11-29' }, tokens.city);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([REGISTER_SHEET]);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('检查站');
    const lines: string[] = [];
    sheet.eachRow((row, n) => n > 1 && lines.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`));
    const name = (iid: string) => FIXTURE_INSTALLATIONS.find((i) => i.id === iid)!.name;
    const want = FIXTURE_INSTALLATIONS.flatMap((i) => expectedTrucks(i.id, { from: '2026-11-16', to: '2026-11-29' }).map((t) => `${name(i.id)}|${String(t.current.record_number)}`));
    expect(lines.sort()).toEqual(want.sort());
    expect(new Set(lines).size).toBe(lines.length);
    expect(file.trucks).toBe(want.length);
    expect(String(sheet.getRow(2).getCell(7).value)).toMatch(/\*/); // ID numbers masked
  });

  it('shows each installation\'s chain and lets only a hub administrator revoke one, audited, once', async () => {
    const list = await call<{ id: string; chainState: string; lagSeconds: number | null }[]>('city.installations', {}, tokens.city);
    expect(list.find((i) => i.id === 'cp-fengning')).toMatchObject({ chainState: 'late', lagSeconds: 5 * 86400 + 3 * 3600, headSeq: 3, entriesHeld: 3 });
    expect(list.find((i) => i.id === 'cp-weichang')).toMatchObject({ chainState: 'ok', lagSeconds: 3 * 3600 });
    expect(list.find((i) => i.id === 'dp-chengde')).toMatchObject({ chainState: 'broken', headSeq: 3, entriesHeld: 2 });
    const refused = await dispatch('city.revoke', { token: tokens.city, input: { installationId: 'cp-fengning', reason: '设备报废' } });
    expect(refused.ok === false && refused.error.code).toBe('forbidden');
    expect((await sql.query("SELECT revoked_at FROM installations WHERE id = 'cp-fengning'")).rows[0]).toEqual({ revoked_at: null });
    const revoked = await call<{ chainState: string; revokedAt: string }>('city.revoke', { installationId: 'cp-fengning', reason: '设备报废' }, tokens.admin);
    expect(revoked).toMatchObject({ chainState: 'revoked', revokedAt: clock.now.toISOString() });
    const audit = (await sql.query<{ actor: string; detail: unknown }>("SELECT actor, detail FROM hub_audit WHERE action = 'installations.revoke' AND entity_id = 'cp-fengning'")).rows;
    expect(audit).toEqual([{ actor: 'hubadmin', detail: { reason: '设备报废' } }]);
    const again = await dispatch('city.revoke', { token: tokens.admin, input: { installationId: 'cp-fengning', reason: '设备报废' } });
    expect(again.ok === false && again.error.code).toBe('conflict');
  });
});

describe('who may see the city', () => {
  it('refuses the city methods without a hub session, and bad input before anything runs', async () => {
    const none = await dispatch('city.week', { input: {} });
    expect(none.ok === false && none.error.code).toBe('unauthorized');
    const bad = await dispatch('city.week', { token: tokens.city, input: { week: '2026-W99' } });
    expect(bad.ok === false && bad.error.code).toBe('invalid-input');
    const range = await dispatch('city.export', { token: tokens.city, input: { from: '2026-11-29', to: '2026-11-01' } });
    expect(range.ok === false && range.error.issues?.[0]?.key).toBe('validation.dateRange');
    const checkpointMethod = await dispatch('registrations.create', { token: tokens.city, input: {} });
    expect(checkpointMethod.ok === false && checkpointMethod.error.code).toBe('not-found');
    const wrong = await dispatch('auth.login', { input: { username: 'city1', password: 'wrong-pass' } });
    expect(wrong.ok === false && wrong.error.key).toBe('errors.badCredentials');
  });

  it('signs a hub user in with the checkpoint\'s login methods, the hub named as the station, and locks idle sessions', async () => {
    const me = await call<LoginResult>('auth.me', {}, tokens.city);
    expect(me.user).toMatchObject({ username: 'city1', roles: ['city'] });
    expect(me.station.name).toBe('承德市煤质监管平台');
    const login = await call<LoginResult>('auth.login', { username: 'city1', password: 'city-pass-1' });
    clock.now = new Date(clock.now.getTime() + (login.lockAfterMinutes + 1) * 60_000);
    const locked = await dispatch('city.week', { token: login.token, input: {} });
    expect(locked.ok === false && locked.error.code).toBe('locked');
    const unlocked = await call<LoginResult>('auth.unlock', { password: 'city-pass-1' }, login.token);
    expect((await dispatch('city.week', { token: unlocked.token, input: {} })).ok).toBe(true);
    await call('auth.logout', {}, unlocked.token);
    expect(((await dispatch('auth.me', { token: unlocked.token, input: {} })) as ApiResult<unknown> & { ok: false }).error.code).toBe('unauthorized');
    // The other tokens of this suite were idle as long: unlock them for the tests that follow.
    tokens.city = (await call<LoginResult>('auth.unlock', { password: 'city-pass-1' }, tokens.city)).token;
    tokens.admin = (await call<LoginResult>('auth.unlock', { password: 'admin-pass-1' }, tokens.admin)).token;
  });

  it('never lets a checkpoint administrator grant a hub role', async () => {
    const cp = await createFixture();
    try {
      for (const role of ['city', 'hub-admin']) {
        const created = await cp.raw('users.create', { username: `x-${role}`, displayName: 'x', role, password: 'user-pass-1' }, cp.adminToken);
        expect(created.ok === false && created.error.code).toBe('invalid-input');
        const set = await cp.raw('users.setRoles', { id: 1, roles: ['admin', role] }, cp.adminToken);
        expect(set.ok === false && set.error.code).toBe('invalid-input');
      }
      const users = await cp.call('users.list', {}, cp.adminToken);
      expect(users.flatMap((u) => u.roles).filter((r) => r === 'city' || r === 'hub-admin')).toEqual([]);
    } finally {
      cp.app.close();
    }
  });
});

describe('checkpoint hub figures and hub user add', () => {
  it('prints each installation\'s figures as JSON, and adds a hub user who can then sign in', async () => {
    const opened: { pgUrl?: string; dataDir?: string }[] = [];
    // The commands open the hub named by their options; here that is this suite's hub (closing it is the suite's job).
    const commands = hubCityCommandsWith(async (options) => (opened.push(options), { ...sql, close: async () => undefined }));
    const run = async (words: string, argv: string[], stdin = '') => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const code = await commands.find((c) => c.words.join(' ') === words)!.run(argv, { stdout: out, stderr: new PassThrough(), stdin: Readable.from([stdin]) });
      return { code, text: Buffer.concat(chunks).toString('utf8') };
    };
    const figures = await run('hub figures', ['--from', '2026-11-16', '--to', '2026-11-22', '--json', '--data', '/srv/hub']);
    expect(figures.code).toBe(0);
    expect(opened).toEqual([{ dataDir: '/srv/hub' }]);
    const parsed = JSON.parse(figures.text) as HubFigures[];
    expect(parsed.map((f) => f.id).sort()).toEqual(FIXTURE_INSTALLATIONS.map((i) => i.id).sort());
    for (const f of parsed) {
      const want = expectedInstallation(f.id, { from: '2026-11-16', to: '2026-11-22' });
      const inst = FIXTURE_INSTALLATIONS.find((i) => i.id === f.id)!;
      expect(f).toEqual({ id: f.id, name: inst.name, kind: inst.kind, county: inst.county, registrations: want.trucks, netKg: want.netKg, seizures: want.seizures.cases, lastSyncAt: inst.lastSyncAt });
    }
    await expect(run('hub figures', ['--from', '2026-11-22', '--to', '2026-11-16', '--data', '/srv/hub'])).rejects.toThrow(/--to/);
    const added = await run('hub user add', ['--username', 'city2', '--name', '市攻坚办 王强', '--role', 'city', '--pg', 'postgres://hub@127.0.0.1/hub'], 'city-pass-2\n');
    expect(added.code).toBe(0);
    expect(opened.at(-1)).toEqual({ pgUrl: 'postgres://hub@127.0.0.1/hub' });
    await expect(run('hub user add', ['--username', 'city3', '--name', 'x', '--role', 'admin'], 'city-pass-3\n')).rejects.toThrow(/--role/);
    await expect(run('hub user add', ['--username', 'city2', '--name', 'x', '--role', 'city'], 'city-pass-9\n')).rejects.toThrow();
    const login = await dispatch('auth.login', { input: { username: 'city2', password: 'city-pass-2' } });
    expect(login.ok && (login.value as LoginResult).user).toMatchObject({ username: 'city2', displayName: '市攻坚办 王强', roles: ['city'] });
    expect((await sql.query("SELECT COUNT(*) AS n FROM hub_users WHERE username IN ('city2', 'city3')")).rows[0]).toEqual({ n: 1 });
    expect((await sql.query("SELECT actor, detail FROM hub_audit WHERE action = 'hub.users.create' AND detail->>'username' = 'city2'")).rows)
      .toEqual([{ actor: 'cli', detail: { username: 'city2', role: 'city' } }]);
  });
});
