// @ts-nocheck
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
    const locked = await f.raw('auth.login', { username: 'kiosk1', password: 'user-pass-1' });
    expect(locked.ok ? null : locked.error.code).toBe('locked');
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
