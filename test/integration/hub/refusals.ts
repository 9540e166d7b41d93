/**
 * What the hub refuses, and that a refusal stores nothing: a forged or altered signature, a replayed batch
 * (accepted, stored once), a gap, entries out of order, a fork of what is held, a bad hash, another
 * station's data, an un-redacted password hash, an unknown or revoked installation, malformed bodies.
 */
import { beforeAll, expect, it } from 'vitest';
import { HUB_PATHS, HUB_PROTOCOL } from '../../../src-shared/contract/hub.ts';
import { revokeInstallation } from '../../../src-main/hub/installations.ts';
import { hubClock, hubCount, register, type HubUnderTest, type Installation } from './helpers.ts';
import { batchOf, feed, postRaw, postSigned, privateKeyOf, rechain } from './forge.ts';

export function refusalSuite(getHub: () => HubUnderTest, getInst: () => Installation, getOther: () => Installation): void {
  let hub: HubUnderTest;
  let inst: Installation;
  let key: string;
  let held: Awaited<ReturnType<typeof hubCount>>;
  const regSeq = () => (inst.app.db.prepare("SELECT MIN(seq) AS s FROM row_audit WHERE tbl = 'registrations' AND seq > 10").get() as { s: number }).s;

  async function expectRefused(body: unknown, code: string, status: number, signer = key, path: string = HUB_PATHS.push) {
    const answer = await postSigned(hub.url, body, signer, path);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ ok: false, error: { code, key: `hub.refused.${code}`, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(await hubCount(hub.sql, inst.code), `${code}: nothing stored`).toEqual(held);
  }

  beforeAll(async () => {
    hub = getHub();
    inst = getInst();
    key = privateKeyOf(inst);
    await register(hub.sql, inst);
  });

  it('a batch sent twice is stored once: the replay is acknowledged as duplicates', async () => {
    const envelope = await postSigned(hub.url, batchOf(inst, feed(inst, 1, 10)), key);
    expect(envelope.body).toMatchObject({ ok: true, value: { stored: 10, duplicates: 0, headSeq: 10 } });
    held = await hubCount(hub.sql, inst.code);
    expect(held.entries).toBe(10);
    const replay = await postSigned(hub.url, batchOf(inst, feed(inst, 1, 10)), key);
    expect(replay.body).toMatchObject({ ok: true, value: { stored: 0, duplicates: 10, headSeq: 10 } });
    // Overlapping the head: the held part is counted, the rest stored.
    const overlap = await postSigned(hub.url, batchOf(inst, feed(inst, 6, 12)), key);
    expect(overlap.body).toMatchObject({ ok: true, value: { stored: 2, duplicates: 5, headSeq: 12 } });
    held = await hubCount(hub.sql, inst.code);
    expect(held.entries).toBe(12);
  });

  it('forged and altered signatures, unknown installations: refused before anything is read', async () => {
    await expectRefused(batchOf(inst, feed(inst, 13, 20)), 'bad-signature', 401, privateKeyOf(getOther()));
    const signed = (await import('../../../src-main/signing/hub-envelope.ts')).signEnvelope(batchOf(inst, feed(inst, 13, 20)), key);
    const tampered = { ...signed, body: signed.body.replace('"seq":14', '"seq":14 ') };
    expect((await postRaw(hub.url, tampered)).body).toMatchObject({ ok: false, error: { code: 'bad-signature' } });
    await expectRefused(batchOf(inst, feed(inst, 13, 20), 'ZZ99'), 'unknown-installation', 403);
    // Another registered installation's id with this key is a forgery too.
    await expectRefused(batchOf(inst, feed(inst, 13, 20), getOther().code), 'bad-signature', 401);
    expect(await hubCount(hub.sql, inst.code)).toEqual(held);
  });

  it('a gap, entries out of order, a fork of held entries, a rewritten head link, a bad hash: refused, nothing stored', async () => {
    await expectRefused(batchOf(inst, feed(inst, 15, 20)), 'gap', 409);
    const e = feed(inst, 13, 16);
    await expectRefused(batchOf(inst, [e[0]!, e[2]!, e[1]!, e[3]!]), 'gap', 409);
    // Entry 11 rewritten (its hash recomputed, the chain relinked): the hub holds another entry 11.
    const forked = rechain(feed(inst, 11, 14).map((x, i) => (i === 0 ? { ...x, actorName: 'mallory' } : x)));
    await expectRefused(batchOf(inst, forked), 'fork', 409);
    // New entries that do not link to the hub's head.
    const relinked = rechain(feed(inst, 13, 16).map((x, i) => (i === 0 ? { ...x, prevHash: 'f'.repeat(64) } : x)));
    await expectRefused(batchOf(inst, relinked), 'fork', 409);
    const plain = feed(inst, 13, 16);
    const victim = plain.findIndex((x) => !x.redacted);
    expect(victim).toBeGreaterThanOrEqual(0);
    const badHash = plain.map((x, i) => (i === victim ? { ...x, at: '2020-01-01T00:00:00.000Z' } : x));
    await expectRefused(batchOf(inst, badHash), 'bad-hash', 422);
  });

  it("another station's registration, an un-redacted users row: refused even when hashed and signed consistently", async () => {
    const s = regSeq();
    const foreign = rechain(feed(inst, 13, s + 1).map((x) => {
      if (x.seq !== s) return x;
      const row = JSON.parse(x.afterJson!) as Record<string, unknown>;
      return { ...x, afterJson: JSON.stringify({ ...row, station_code: 'CD01' }) };
    }));
    await expectRefused(batchOf(inst, foreign), 'not-own-data', 403);
    const usersSeq = (inst.app.db.prepare("SELECT seq FROM row_audit WHERE tbl = 'users' ORDER BY seq LIMIT 1").get() as { seq: number }).seq;
    const leaked = feed(inst, usersSeq, usersSeq).map((x) => ({ ...x, redacted: false, afterJson: '{"password_hash":"x"}' }));
    expect(leaked[0]!.tbl).toBe('users');
    await expectRefused({ ...batchOf(inst, leaked), fromSeq: usersSeq }, 'malformed', 400);
  });

  it('malformed bodies get a JSON refusal and the hub stays up', async () => {
    for (const body of [null, 'x', [], {}, { body: '{', signature: 'AAAA' }, { body: '{"installationId":"CD09"}', signature: 'AAAA' }]) {
      const answer = await postRaw(hub.url, body);
      expect(answer.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    await expectRefused({ protocol: HUB_PROTOCOL, installationId: inst.code, fromSeq: 13, toSeq: 13, entries: [], sentAt: 'x' }, 'malformed', 400);
    const head = await postSigned(hub.url, { protocol: HUB_PROTOCOL, installationId: inst.code, at: hubClock.now.toISOString() }, key, HUB_PATHS.head);
    expect(head.body).toMatchObject({ ok: true, value: { headSeq: 12 } });
  });

  it('the mailbox: a paper to an unknown installation, a handover to a checkpoint, another paper under a held uid are refused', async () => {
    const mail = (to: string, text: string, kind = 'handover') => ({ protocol: HUB_PROTOCOL, installationId: inst.code, kind, to, uid: 'HO-test-1', signedFileText: text, at: hubClock.now.toISOString() });
    const send = (body: unknown) => postSigned(hub.url, body, key, HUB_PATHS.mailSend);
    expect((await send(mail('ZZ99', 'A'))).body).toMatchObject({ ok: false, error: { code: 'unknown-installation' } });
    expect((await send(mail(getOther().code, 'A'))).body).toMatchObject({ ok: false, error: { code: 'malformed' } });
    const first = await send(mail('DX01', 'A'));
    expect(first.body).toMatchObject({ ok: true, value: { stored: true } });
    expect((await send(mail('DX01', 'A'))).body).toMatchObject({ ok: true, value: { stored: false } });
    expect((await send(mail('DX01', 'B'))).body).toMatchObject({ ok: false, error: { code: 'fork' } });
    const held = (await hub.sql.query<{ n: number }>("SELECT COUNT(*) AS n FROM hub_mail WHERE uid = 'HO-test-1'")).rows[0]!;
    expect(Number(held.n)).toBe(1);
  });

  it('a revoked installation is refused, pushes and head requests alike; what it sent before stays', async () => {
    await revokeInstallation(hub.sql, () => hubClock.now, 'test', inst.code);
    await expectRefused(batchOf(inst, feed(inst, 13, 20)), 'revoked', 403);
    await expectRefused({ protocol: HUB_PROTOCOL, installationId: inst.code, at: hubClock.now.toISOString() }, 'revoked', 403, key, HUB_PATHS.head);
    const result = await inst.call('sync.push', { hubUrl: hub.url }, inst.admin);
    expect(result).toMatchObject({ ok: false, stored: 0, problem: { key: 'hub.refused.revoked', message: expect.stringContaining('注销') } });
    const audit = (await hub.sql.query<{ action: string }>('SELECT action FROM hub_audit WHERE entity_id = $1 ORDER BY id', [inst.code])).rows.map((r) => r.action);
    expect(audit).toEqual(['installation.register', 'installation.revoke']);
  });
}
