/**
 * Issue 17: interruptions at random points of a push never lose or duplicate an entry. The line drops a
 * request, loses an answer or cuts a body; the hub's process is killed mid-push and restarted on the same
 * data; the client's process is killed mid-push. After resuming, the hub holds each entry exactly once.
 * Random points come from a seed printed with every failure (HUB_SEED=… reproduces a run).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src-main/demo/sample-registration.ts';
import { openHub } from '../../../src-main/hub/hub-db.ts';
import { pushToHub, type SyncOptions } from '../../../src-main/services/sync/sync.ts';
import { postToHub, SyncTransportError } from '../../../src-main/services/sync/transport.ts';
import { signEnvelope } from '../../../src-main/signing/hub-envelope.ts';
import { ENGINES, addRegistrations, expectHubHoldsAll, hubClock, hubCount, hubDatabase, makeInstallation, register, startHub, stopCluster, type HubUnderTest, type Installation } from './helpers.ts';
import { privateKeyOf } from './forge.ts';
import { HUB_PATHS, HUB_PROTOCOL } from '../../../src-shared/contract/hub.ts';
import { endProcess, exitOf, spawnSyncPush, startHubProcess } from '../../support/hub-process.ts';

const SEED = Number(process.env.HUB_SEED ?? Date.now() % 1_000_000);
const rnd = seededRandom(SEED);
const at = `HUB_SEED=${SEED}`;

let cd01: Installation;
let cd02: Installation;
beforeAll(async () => {
  cd01 = await makeInstallation('CD01', '围场县入市煤炭检查站');
  cd02 = await makeInstallation('CD02', '丰宁县入市煤炭检查站');
  await addRegistrations(cd01, 14, 1);
  await addRegistrations(cd02, 14, 2);
});
afterAll(async () => {
  cd01?.app.close();
  cd02?.app.close();
  await stopCluster();
});

const options = (inst: Installation, hubUrl: string, post?: typeof postToHub): SyncOptions => ({ hubUrl, now: () => inst.clock.now, actor: { id: 1, name: 'admin' }, maxEntries: 4, post });

/** Writes the headers and half the body, then hangs up: the hub sees a request cut in the middle. */
function cutBody(hubUrl: string, path: string, payload: unknown): Promise<void> {
  const url = new URL(hubUrl);
  const text = JSON.stringify(payload);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n`);
      socket.write(text.slice(0, Math.floor(text.length * rnd())));
      setTimeout(() => { socket.destroy(); resolve(); }, 5);
    });
    socket.on('error', () => resolve());
  });
}

describe.each(ENGINES)('interrupted pushes on %s', (engine) => {
  let hub: HubUnderTest;
  beforeAll(async () => {
    hub = await startHub(engine);
    await register(hub.sql, cd01);
    await register(hub.sql, cd02);
  });
  afterAll(() => hub?.close());

  it('requests dropped, answers lost and bodies cut at random points: resumed pushes store every entry once', async () => {
    const faults = { dropRequest: 0, dropAnswer: 0, cutBody: 0 };
    const flaky: typeof postToHub = async (url, path, payload, o) => {
      const r = rnd();
      if (r < 0.2) {
        faults.dropRequest++;
        throw new SyncTransportError('hub.errors.unreachable', { url, reason: 'dropped' });
      }
      if (r < 0.4) {
        faults.cutBody++;
        await cutBody(url, path, payload);
        throw new SyncTransportError('hub.errors.unreachable', { url, reason: 'cut' });
      }
      const answer = await postToHub(url, path, payload, o);
      if (r < 0.6) {
        faults.dropAnswer++;
        throw new SyncTransportError('hub.errors.unreachable', { url, reason: 'answer lost' });
      }
      return answer;
    };
    let attempts = 0;
    let result;
    do {
      result = await pushToHub(cd01.app.db, options(cd01, hub.url, flaky));
      attempts++;
      if (!result.ok) expect(result.problem?.key, at).toBe('hub.errors.unreachable');
    } while (!result.ok && attempts < 300);
    expect(result.ok, at).toBe(true);
    expect(faults.dropRequest + faults.cutBody + faults.dropAnswer, at).toBeGreaterThan(3);
    await expectHubHoldsAll(hub.sql, cd01);
    const entries = cd01.app.db.prepare('SELECT COUNT(*) AS n FROM row_audit').get() as { n: number };
    const head = await postToHub(hub.url, HUB_PATHS.head, signEnvelope({ protocol: HUB_PROTOCOL, installationId: 'CD01', at: hubClock.now.toISOString() }, privateKeyOf(cd01)));
    expect(head.body).toMatchObject({ ok: true, value: { headSeq: entries.n } });
  });

  // A killed client leaves the hub a request cut short, which the test above makes on both engines; the real
  // process kill (a CLI start of several seconds) runs once, on the first engine.
  if (engine === ENGINES[0]) it('the client process killed mid-push, then the push resumed: nothing lost, nothing twice', async () => {
    const total = (cd02.app.db.prepare('SELECT COUNT(*) AS n FROM row_audit').get() as { n: number }).n;
    const killAt = 5 + Math.floor(rnd() * (total - 20));
    const child = spawnSyncPush(cd02.dbPath, ['--hub', hub.url, '--batch', '3'], 'admin-pass-1');
    let held = 0;
    const exited = exitOf(child);
    while (child.exitCode === null) {
      held = (await hubCount(hub.sql, 'CD02')).head;
      if (held >= killAt) break;
      await new Promise((r) => setTimeout(r, 15));
    }
    await endProcess(child, 'SIGKILL');
    await exited;
    expect(held, `${at}: killed mid-push`).toBeGreaterThan(0);
    expect((await hubCount(hub.sql, 'CD02')).head, `${at}: killed before the end`).toBeLessThan(total);
    const resumed = await pushToHub(cd02.app.db, options(cd02, hub.url));
    expect(resumed, at).toMatchObject({ ok: true, duplicates: 0 });
    await expectHubHoldsAll(hub.sql, cd02);
  });
});

describe.each(ENGINES)('the hub process killed mid-push on %s', (engine) => {
  it('restarted on the same data, the resumed push completes with every entry once', async () => {
    const inst = await makeInstallation('CD03', '隆化县入市煤炭检查站');
    try {
      await addRegistrations(inst, 10, 3 + ENGINES.indexOf(engine));
      const target = await hubDatabase(engine);
      const setup = await openHub(target);
      await register(setup.sql, inst);
      await setup.sql.close();
      const args = target.pgUrl ? ['--pg', target.pgUrl] : ['--data', target.dataDir!];
      const hub = await startHubProcess(args);
      const killOn = 3 + Math.floor(rnd() * 10);
      let calls = 0;
      const killing: typeof postToHub = (url, path, payload, o) => {
        const sent = postToHub(url, path, payload, o);
        // The kill lands while this request is in flight: before, during or after its transaction.
        if (++calls === killOn) setTimeout(() => void hub.kill(), Math.floor(rnd() * 20));
        return sent;
      };
      const cut = await pushToHub(inst.app.db, options(inst, hub.url, killing));
      expect(cut.ok, `${at}: the push was cut`).toBe(false);
      await hub.kill();
      // Restarted on the same data (in this process, to spare a second start of the CLI).
      const restarted = await startHub(engine, target);
      try {
        const resumed = await pushToHub(inst.app.db, options(inst, restarted.url));
        expect(resumed, at).toMatchObject({ ok: true, duplicates: 0 });
        await expectHubHoldsAll(restarted.sql, inst);
      } finally {
        await restarted.close();
      }
    } finally {
      inst.app.close();
    }
  }, 180_000);
});
