import { describe, expect, it, vi } from 'vitest';
import { createFixture, validRegistration } from '../../support/app-fixture.ts';

describe('accounts and permissions', () => {
  it('refuses a second set-up', async () => {
    const f = await createFixture();
    const r = await f.raw('setup.init', { stationName: 'x', stationCode: 'XX', admin: { username: 'evil', displayName: 'e', password: 'password-1' } });
    expect(r.ok ? null : r.error.code).toBe('conflict');
    expect(f.count('users')).toBe(1);
  });

  it('enforces roles in the service, whatever the UI shows', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    const officer = await f.tokenFor('officer');
    const denied = await f.raw('users.create', { username: 'mallory', displayName: 'm', role: 'admin', password: 'password-1' }, kiosk);
    expect(denied.ok ? null : denied.error.code).toBe('forbidden');
    const officerReg = await f.raw('registrations.create', validRegistration(), officer);
    expect(officerReg.ok ? null : officerReg.error.code).toBe('forbidden');
    const anonymous = await f.raw('registrations.search', {});
    expect(anonymous.ok ? null : anonymous.error.code).toBe('unauthorized');
    expect(f.count('registrations')).toBe(0);
  });

  it('a user holds a set of roles; a change is audited and takes effect on the next call of an open session', async () => {
    const f = await createFixture();
    const user = await f.call('users.create', { username: 'dual', displayName: '两职', roles: ['kiosk', 'officer', 'kiosk'], password: 'password-1' }, f.adminToken);
    expect(user.roles).toEqual(['kiosk', 'officer']);
    expect(f.app.db.prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').all(user.id)).toEqual([{ role: 'kiosk' }, { role: 'officer' }]);
    const token = (await f.call('auth.login', { username: 'dual', password: 'password-1' })).token;
    expect((await f.raw('registrations.create', validRegistration(), token)).ok).toBe(true);
    expect((await f.raw('cases.list', {}, token)).ok).toBe(true);
    await f.call('users.setRoles', { id: user.id, roles: ['officer'] }, f.adminToken);
    expect(await f.raw('registrations.create', validRegistration(2), token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(f.count('registrations')).toBe(1);
    const audit = f.app.db.prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'users.setRoles'").all() as { before_json: string; after_json: string }[];
    expect(audit.map((a) => [JSON.parse(a.before_json).roles, JSON.parse(a.after_json).roles])).toEqual([[['kiosk', 'officer'], ['officer']]]);
    expect((await f.raw('users.setRoles', { id: user.id, roles: ['officer'] }, token)).ok).toBe(false);
    expect(await f.raw('users.setRoles', { id: 999, roles: ['officer'] }, f.adminToken)).toMatchObject({ ok: false, error: { key: 'errors.userNotFound' } });
  });

  it('stores only a scrypt hash of the password', async () => {
    const f = await createFixture();
    const row = f.app.db.prepare("SELECT password_hash FROM users WHERE username = 'admin'").get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('admin-pass-1');
  });

  it('locks an account after repeated failures, even against the right password, until the lockout ends', async () => {
    const f = await createFixture();
    await f.tokenFor('kiosk');
    for (let i = 0; i < 5; i++) expect((await f.raw('auth.login', { username: 'kiosk1', password: 'wrong-password' })).ok).toBe(false);
    // Locked: the same answer as a wrong password, so guessing learns nothing about the account.
    const locked = await f.raw('auth.login', { username: 'kiosk1', password: 'user-pass-1' });
    expect(locked.ok ? null : [locked.error.code, locked.error.key]).toEqual(['unauthorized', 'errors.badCredentials']);
    f.clock.now = new Date(f.clock.now.getTime() + 16 * 60_000);
    expect((await f.raw('auth.login', { username: 'kiosk1', password: 'user-pass-1' })).ok).toBe(true);
    const actions = f.app.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'auth.%'").all() as { action: string }[];
    expect(actions.filter((a) => a.action === 'auth.lockout')).toHaveLength(1);
  });

  it('ends a session at logout', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    await f.call('auth.logout', {}, kiosk);
    const r = await f.raw('registrations.search', {}, kiosk);
    expect(r.ok ? null : r.error.code).toBe('unauthorized');
  });

  it('lets only a supervisor or administrator quit a kiosk, and audits it', async () => {
    const requestQuit = vi.fn();
    const f = await createFixture({ requestQuit });
    const kiosk = await f.raw('app.quit', {}, await f.tokenFor('kiosk'));
    expect(kiosk.ok ? null : kiosk.error.code).toBe('forbidden');
    expect(requestQuit).not.toHaveBeenCalled();
    await f.call('app.quit', {}, await f.tokenFor('supervisor'));
    expect(requestQuit).toHaveBeenCalledTimes(1);
    expect(f.app.db.prepare("SELECT actor_name FROM audit_log WHERE action = 'app.quit'").all()).toEqual([{ actor_name: 'supervisor1' }]);
  });
});
