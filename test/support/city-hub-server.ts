/**
 * The city hub for the browser tests: the real hub host (`createHubHost`, as `checkpoint hub serve` runs it,
 * serving the built renderer and `/api/<method>` through the hub's dispatcher) on an in-memory PGlite
 * loaded with the city fixture instead of installations' pushes (those are the sync suites' business).
 */
import path from 'node:path';
import { migrateHub, openHubSql } from '../../db/hub/sql.ts';
import { createHubHost } from '../../src-main/host/hub-host.ts';
import { createHubDispatcher } from '../../src-main/hub/hub-dispatch.ts';
import { createHubUser } from '../../src-main/hub/users/hub-users.ts';
import { SessionStore } from '../../src-main/services/accounts/sessions.ts';
import { addDays, localDate } from '../../src-shared/domain/local-time.ts';
import { loadCityFixture, makeCityFixture } from './city-fixtures.ts';

export async function startCityHub(options: { rendererDir: string; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  const sql = await openHubSql({});
  await migrateHub(sql);
  // Two weeks ending today (Beijing), so the day, the week and the ranking all show trucks.
  await loadCityFixture(sql, makeCityFixture({ firstDay: addDays(localDate(now()), -13), days: 14, trucksPerDay: 12 }));
  await createHubUser(sql, 'test', { username: 'city1', displayName: '市攻坚办 李明', role: 'city', password: 'city-pass-1' }, now());
  await createHubUser(sql, 'test', { username: 'hubadmin', displayName: '平台管理员 赵敏', role: 'hub-admin', password: 'admin-pass-1' }, now());
  const dispatch = createHubDispatcher({ sql, now, hubName: '承德市煤质监管平台', sessions: new SessionStore() });
  const host = await createHubHost({ sql, clock: now, port: 0, api: dispatch, staticDir: path.resolve(options.rendererDir) });
  return { url: host.url, sql, close: async () => { await host.close(); await sql.close(); } };
}
