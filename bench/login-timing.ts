import { createApp } from '../src-main/app.ts';
import { tempDbPath } from '../test/support/app-fixture.ts';

/**
 * The three login refusals timed in one run: an unknown username, a wrong password and a locked account
 * should cost the same (one scrypt run each), so the time reveals nothing. Medians in ms, a figure only.
 */
export async function benchLoginRefusals(rounds = 15): Promise<Record<string, number>> {
  const clock = { now: new Date('2026-11-28T08:00:00Z') };
  const app = createApp({ dbPath: tempDbPath('bench-login-'), now: () => clock.now });
  const call = (method: string, input: unknown, token?: string) => app.dispatch(method, { input, token });
  const setup = await call('setup.init', { stationName: '基准站', stationCode: 'BENCH', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  const token = setup.ok ? (setup.value as { token: string }).token : '';
  await call('users.create', { username: 'open1', displayName: 'o', role: 'kiosk', password: 'user-pass-1' }, token);
  await call('users.create', { username: 'locked1', displayName: 'l', role: 'kiosk', password: 'user-pass-1' }, token);
  await call('settings.update', { maxFailedLogins: 3, lockoutMinutes: 1440 }, token);
  for (let i = 0; i < 3; i++) await call('auth.login', { username: 'locked1', password: 'wrong-password' });
  const cases = {
    'unknown username (ms, median)': { username: 'nobody', password: 'user-pass-1' },
    'wrong password (ms, median)': { username: 'open1', password: 'wrong-password' },
    'locked account (ms, median)': { username: 'locked1', password: 'user-pass-1' },
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  // Interleaved, so a change of machine load touches the three alike; the wrong-password account is
  // reset each round so it never locks.
  for (let r = 0; r < rounds; r++) {
    for (const [name, input] of Object.entries(cases)) {
      const t0 = performance.now();
      await call('auth.login', input);
      times[name]!.push(performance.now() - t0);
    }
    app.db.prepare("UPDATE users SET failed_logins = 0 WHERE username = 'open1'").run();
  }
  app.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const figures = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, Math.round(median(xs) * 10) / 10]));
  const values = Object.values(figures);
  return { ...figures, 'largest / smallest median [target ≈ 1]': Math.round((Math.max(...values) / Math.min(...values)) * 100) / 100 };
}
