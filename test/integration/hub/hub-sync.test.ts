/**
 * Issue 17 item 2: three checkpoints and a disposal point push their row audit into one hub, on a real
 * PostgreSQL server and on PGlite; the hub then holds every entry exactly once and current rows equal to
 * each installation's tables, through later work, a repeat push and an offline catch-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushToHub } from '../../../src-main/services/sync/sync.ts';
import { validRegistration } from '../../support/app-fixture.ts';
import { listInstallations } from '../../../src-main/hub/installations.ts';
import { cityFigures } from '../../../src-main/hub/city/figures.ts';
import { ENGINES, addRegistrations, makeInstallation, type Installation, expectHubHoldsAll, hubClock, register, startHub, stopCluster, type HubUnderTest } from './helpers.ts';
import { closeWorld, makeWorld, type World } from './world.ts';
import { refusalSuite } from './refusals.ts';
import { completeDraft } from '../cases/helpers.ts';

let world: World;
/** A checkpoint kept for the forgeries, so the others' chains stay clean. */
let cd09: Installation;
beforeAll(async () => {
  world = await makeWorld();
  cd09 = await makeInstallation('CD09', '平泉市入市煤炭检查站');
  await addRegistrations(cd09, 6, 9);
});
afterAll(async () => {
  closeWorld(world);
  cd09?.app.close();
  await stopCluster();
});

describe.each(ENGINES)('city hub on %s', (engine) => {
  let hub: HubUnderTest;
  beforeAll(async () => {
    hub = await startHub(engine);
    for (const inst of world.all) await register(hub.sql, inst);
  });
  afterAll(() => hub.close());

  it('every installation pushes in signed batches; the hub holds each entry once and the same current rows', async () => {
    const [cd01, cd02, cd03] = world.checkpoints as [typeof world.disposal, typeof world.disposal, typeof world.disposal];
    // Small batches for CD01, so the feed is cut and chained across many requests.
    const local = (cd01.app.db.prepare('SELECT COUNT(*) AS n FROM row_audit').get() as { n: number }).n;
    const first = await pushToHub(cd01.app.db, { hubUrl: hub.url, now: () => cd01.clock.now, actor: { id: 1, name: 'admin' }, maxEntries: 37 });
    expect(first).toMatchObject({ ok: true, installationId: 'CD01', stored: local, duplicates: 0, hubHeadSeq: local, localHeadSeq: local });
    expect(first.batches).toBe(Math.ceil(local / 37));
    const papers = (cd01.app.db.prepare("SELECT (SELECT COUNT(*) FROM handovers WHERE direction = 'outgoing') + (SELECT COUNT(*) FROM confiscation_notices WHERE direction = 'outgoing') AS n").get() as { n: number }).n;
    expect(first.mailSent, 'a new hub gets every paper CD01 issued').toBe(papers);
    for (const inst of [cd02, cd03, world.disposal]) {
      const r = await inst.call('sync.push', { hubUrl: hub.url }, inst.admin);
      expect(r, inst.code).toMatchObject({ ok: true, duplicates: 0, installationId: inst.code });
      expect(r.stored).toBe(r.localHeadSeq);
    }
    for (const inst of world.all) await expectHubHoldsAll(hub.sql, inst);
    // The disposal point's incoming handover names CD01 and is still its own data; its ledger reached the hub.
    const moves = (await hub.sql.query<{ n: number }>("SELECT COUNT(*) AS n FROM hub_rows WHERE installation_id = 'DX01' AND tbl = 'ledger_movements'")).rows[0]!;
    expect(Number(moves.n)).toBe(1);
    const users = (await hub.sql.query<{ n: number }>("SELECT COUNT(*) AS n FROM hub_entries WHERE tbl = 'users' AND after_json IS NOT NULL")).rows[0]!;
    expect(Number(users.n), 'password hashes never leave the installation').toBe(0);
  });

  it("the city's figures are the sum of the checkpoints' own dashboards for the same Beijing days", async () => {
    const period = { from: '2026-11-27', to: '2026-11-30' };
    const city = await cityFigures(hub.sql, period, 'test');
    let trucks = 0;
    let netKg = 0;
    for (const inst of world.checkpoints) {
      const own = (await inst.call('reports.dashboard', period, inst.admin)).range.tally;
      const seen = city.installations.find((i) => i.installationId === inst.code)!;
      expect(own.trucks, inst.code).toBeGreaterThan(0);
      expect({ code: inst.code, trucks: seen.trucks, netKg: seen.netKg, base: seen.routeBaseTrucks, via: seen.viaRouteTrucks }).toEqual({
        code: inst.code, trucks: own.trucks, netKg: own.netKg, base: own.transitTrucks, via: own.transitViaRouteTrucks,
      });
      trucks += own.trucks;
      netKg += own.netKg;
    }
    expect({ trucks: city.totals.trucks, netKg: city.totals.netKg }).toEqual({ trucks, netKg });
  });

  it('days offline, then one push catches up; a repeat push stores nothing; status shows nothing pending', async () => {
    const [, cd02, cd03] = world.checkpoints as [typeof world.disposal, typeof world.disposal, typeof world.disposal];
    await addRegistrations(cd02, 6, 40 + ENGINES.indexOf(engine));
    // A correction at CD03: the amended revision and the updated vehicle register reach the hub too.
    const latest = cd03.app.db.prepare('SELECT id FROM registrations ORDER BY id DESC LIMIT 1').get() as { id: number };
    await cd03.call('registrations.amend', { id: latest.id, reason: '车牌录入错误', changes: { ...validRegistration(3000 + ENGINES.indexOf(engine)), plate: '冀H99999' } }, cd03.admin);
    hubClock.now = new Date(hubClock.now.getTime() + 7 * 86_400_000);
    for (const inst of [cd02, cd03]) {
      const before = (await hub.sql.query<{ head_seq: number }>('SELECT head_seq FROM installations WHERE id = $1', [inst.code])).rows[0]!.head_seq;
      const r = await inst.call('sync.push', {}, inst.admin);
      expect(r).toMatchObject({ ok: true, duplicates: 0, hubUrl: hub.url });
      expect(r.stored).toBe(r.localHeadSeq - before);
      await expectHubHoldsAll(hub.sql, inst);
      const again = await inst.call('sync.push', {}, inst.admin);
      expect(again).toMatchObject({ ok: true, stored: 0, batches: 0, hubHeadSeq: r.localHeadSeq });
      const status = await inst.call('sync.status', {}, inst.admin);
      expect(status).toMatchObject({ live: true, pending: 0, hubHeadSeq: r.localHeadSeq, lastOkAt: expect.any(String) });
    }
    const listed = await listInstallations(hub.sql, () => hubClock.now);
    expect(listed.map((i) => [i.id, i.chain, i.revokedAt])).toEqual([['CD01', 'intact', null], ['CD02', 'intact', null], ['CD03', 'intact', null], ['DX01', 'intact', null]]);
    expect(listed.find((i) => i.id === 'CD02')!.lagSeconds).toBe(0);
    expect(listed.find((i) => i.id === 'CD01')!.lagSeconds).toBe(7 * 86_400);
  });

  it('handovers online: checkpoint → hub → disposal point, the confiscation notice after it; the same paper both ways is stored once', async () => {
    const [cd01] = world.checkpoints as [Installation];
    const dx01 = world.disposal;
    const incoming = () => dx01.app.db.prepare("SELECT (SELECT COUNT(*) FROM handovers WHERE direction = 'incoming') + (SELECT COUNT(*) FROM confiscation_notices WHERE direction = 'incoming') AS n").get() as { n: number };
    const before = incoming().n;
    const opened = await cd01.call('cases.open', { draft: completeDraft(world.pointId, { vehiclePlates: [`冀H5000${ENGINES.indexOf(engine)}`] }) }, world.officer);
    const decided = await cd01.call('cases.decide', { id: opened.id }, world.officer);
    const handover = await cd01.call('handovers.create', { caseIds: [decided.id], disposalPointId: world.pointId, receiverName: '孙敏' }, world.officer);
    // CD01's earlier papers reached this hub with its first push; DX01 imported them by file long ago.
    expect(await cd01.call('sync.push', {}, cd01.admin)).toMatchObject({ ok: true, mailSent: 1 });
    expect(await cd01.call('sync.push', {}, cd01.admin)).toMatchObject({ ok: true, mailSent: 0 });
    await expect(dx01.app.dispatch('sync.pull', { token: dx01.admin, input: {} })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dx01.call('sync.pull', {}, world.clerk)).toEqual({ ok: true, imported: 1, alreadyHeld: before });
    expect(incoming().n).toBe(before + 1);
    const [received] = await dx01.call('handovers.list', { direction: 'incoming' }, world.clerk);
    expect(received).toMatchObject({ formNo: handover.formNo });
    // The same handover by file after it came online: refused as a repeat, nothing stored twice.
    await expect(dx01.app.dispatch('handovers.import', { token: world.clerk, input: { text: handover.fileText } })).resolves.toMatchObject({ ok: false, error: { message: expect.stringContaining('重复') } });
    expect(incoming().n).toBe(before + 1);
    await cd01.call('cases.confiscate', { id: decided.id, reason: '经检测不合格，依法没收', penaltyDecisionNo: `冀承市监罚〔2026〕${40 + ENGINES.indexOf(engine)}号`, penaltyDecisionDate: '2026-11-28' }, world.officer);
    expect(await cd01.call('sync.push', {}, cd01.admin)).toMatchObject({ ok: true, mailSent: 1 });
    expect(await dx01.call('sync.pull', {}, world.clerk)).toEqual({ ok: true, imported: 1, alreadyHeld: 0 });
    expect(await dx01.call('sync.pull', {}, world.clerk)).toEqual({ ok: true, imported: 0, alreadyHeld: 0 });
    const notices = dx01.app.db.prepare("SELECT case_ref FROM confiscation_notices WHERE direction = 'incoming'").all() as { case_ref: string }[];
    expect(notices.map((n) => n.case_ref)).toContain(decided.caseNumber);
  });

  describe('forged, replayed, out-of-order and foreign batches', () => refusalSuite(() => hub, () => cd09, () => world.checkpoints[0]!));
});
