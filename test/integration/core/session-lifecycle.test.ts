import { describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';

const minutes = (f: Fixture, n: number) => { f.clock.now = new Date(f.clock.now.getTime() + n * 60_000); };
const codeOf = (r: { ok: boolean; error?: { code: string; key: string } }) => (r.ok ? 'ok' : `${r.error!.code} ${r.error!.key}`);

describe('sessions the server controls', () => {
  it('locks an idle token on the server: it can then only unlock (rotating the token) or log out', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    minutes(f, 4);
    expect(codeOf(await f.raw('registrations.search', {}, kiosk))).toBe('ok');
    minutes(f, 5); // the default lock after 5 minutes without a call
    expect(codeOf(await f.raw('registrations.search', {}, kiosk))).toBe('locked account.errors.sessionLocked');
    expect(codeOf(await f.raw('auth.me', {}, kiosk))).toBe('locked account.errors.sessionLocked');
    // Staying locked: a refused call does not count as activity.
    expect(codeOf(await f.raw('settings.get', {}, kiosk))).toBe('locked account.errors.sessionLocked');
    expect(codeOf(await f.raw('auth.unlock', { password: 'wrong-password' }, kiosk))).toBe('unauthorized errors.badCredentials');
    const unlocked = await f.call('auth.unlock', { password: 'user-pass-1' }, kiosk);
    expect(unlocked.token).not.toBe(kiosk);
    expect(codeOf(await f.raw('registrations.search', {}, kiosk))).toBe('unauthorized errors.sessionExpired');
    expect(codeOf(await f.raw('registrations.search', {}, unlocked.token))).toBe('ok');
    const actions = (f.app.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'auth.%' ORDER BY seq").all() as { action: string }[]).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(['auth.failed', 'auth.unlock']);
  });

  it('a page lock is the server lock; logout still works from a locked session', async () => {
    const f = await createFixture();
    const officer = await f.tokenFor('officer');
    await f.call('auth.lock', {}, officer);
    expect(codeOf(await f.raw('cases.list', {}, officer))).toBe('locked account.errors.sessionLocked');
    expect(codeOf(await f.raw('auth.logout', {}, officer))).toBe('ok');
    expect(codeOf(await f.raw('auth.unlock', { password: 'user-pass-1' }, officer))).toBe('unauthorized errors.sessionExpired');
  });

  it('ends a session after its absolute lifetime (one shift, configurable) however active; unlock does not extend it', async () => {
    const f = await createFixture();
    await f.call('settings.update', { sessionHours: 2 }, f.adminToken);
    let token = (await f.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).token;
    const started = f.clock.now.getTime();
    for (let i = 0; i < 29; i++) {
      minutes(f, 4);
      expect(codeOf(await f.raw('settings.get', {}, token))).toBe('ok');
    }
    await f.call('auth.lock', {}, token);
    const unlocked = await f.call('auth.unlock', { password: 'admin-pass-1' }, token);
    expect(unlocked.sessionEndsAt).toBe(new Date(started + 2 * 3600_000).toISOString());
    token = unlocked.token;
    minutes(f, 4); // 120 minutes after login
    expect(codeOf(await f.raw('settings.get', {}, token))).toBe('unauthorized errors.sessionExpired');
  });

  it('lets an administrator see active sessions (never their tokens) and end one, audited', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    const officer = await f.tokenFor('officer');
    const list = await f.call('sessions.list', {}, f.adminToken);
    expect(list.map((s) => s.username).sort()).toEqual(['admin', 'kiosk1', 'officer1']);
    expect(JSON.stringify(list)).not.toContain(kiosk);
    expect(codeOf(await f.raw('sessions.list', {}, officer))).toBe('forbidden errors.forbidden');
    const target = list.find((s) => s.username === 'kiosk1')!;
    await f.call('sessions.end', { id: target.id }, f.adminToken);
    expect(codeOf(await f.raw('registrations.search', {}, kiosk))).toBe('unauthorized errors.sessionExpired');
    expect(codeOf(await f.raw('registrations.search', {}, officer))).toBe('ok');
    expect(codeOf(await f.raw('sessions.end', { id: target.id }, f.adminToken))).toBe('not-found account.errors.sessionNotFound');
    expect((await f.call('sessions.list', {}, f.adminToken)).map((s) => s.username).sort()).toEqual(['admin', 'officer1']);
    const audit = f.app.db.prepare("SELECT actor_name, before_json FROM audit_log WHERE action = 'sessions.end'").all() as { actor_name: string; before_json: string }[];
    expect(audit.map((a) => [a.actor_name, JSON.parse(a.before_json).username])).toEqual([['admin', 'kiosk1']]);
  });
});
