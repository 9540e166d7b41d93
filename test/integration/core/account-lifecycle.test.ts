import { describe, expect, it } from 'vitest';
import { createFixture } from '../../support/app-fixture.ts';

const codeOf = (r: { ok: boolean; error?: { code: string; key: string } }) => (r.ok ? 'ok' : `${r.error!.code} ${r.error!.key}`);
const actions = (f: Awaited<ReturnType<typeof createFixture>>) =>
  (f.app.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'users.%' OR action = 'auth.changePassword' ORDER BY seq").all() as { action: string }[]).map((a) => a.action);

describe('accounts with a life cycle', () => {
  it('disabling ends every session and refuses login with the usual answer; enabling restores it', async () => {
    const f = await createFixture();
    const kiosk = await f.tokenFor('kiosk');
    const second = (await f.call('auth.login', { username: 'kiosk1', password: 'user-pass-1' })).token;
    const id = (await f.call('users.list', {}, f.adminToken)).find((u) => u.username === 'kiosk1')!.id;
    expect((await f.call('users.disable', { id }, f.adminToken)).active).toBe(false);
    for (const t of [kiosk, second]) expect(codeOf(await f.raw('registrations.search', {}, t))).toBe('unauthorized errors.sessionExpired');
    expect(codeOf(await f.raw('auth.login', { username: 'kiosk1', password: 'user-pass-1' }))).toBe('unauthorized errors.badCredentials');
    expect(codeOf(await f.raw('users.disable', { id }, kiosk))).toBe('unauthorized errors.sessionExpired');
    await f.call('users.enable', { id }, f.adminToken);
    expect(codeOf(await f.raw('auth.login', { username: 'kiosk1', password: 'user-pass-1' }))).toBe('ok');
    expect((await f.call('users.list', {}, f.adminToken)).find((u) => u.id === id)!.active).toBe(true);
    expect(actions(f)).toEqual(['users.create', 'users.create', 'users.disable', 'users.enable']);
  });

  it('a reset password must be changed at the next login; until then nothing else is allowed', async () => {
    const f = await createFixture();
    const old = await f.tokenFor('officer');
    const id = (await f.call('users.list', {}, f.adminToken)).find((u) => u.username === 'officer1')!.id;
    expect((await f.call('users.resetPassword', { id, password: 'temp-pass-9' }, f.adminToken)).mustChangePassword).toBe(true);
    expect(codeOf(await f.raw('cases.list', {}, old))).toBe('unauthorized errors.sessionExpired');
    expect(codeOf(await f.raw('auth.login', { username: 'officer1', password: 'user-pass-1' }))).toBe('unauthorized errors.badCredentials');
    const login = await f.call('auth.login', { username: 'officer1', password: 'temp-pass-9' });
    expect(login.user.mustChangePassword).toBe(true);
    expect(codeOf(await f.raw('cases.list', {}, login.token))).toBe('forbidden account.errors.mustChangePassword');
    expect(codeOf(await f.raw('auth.changePassword', { currentPassword: 'nope-nope', newPassword: 'mine-pass-22' }, login.token)))
      .toBe('invalid-input account.errors.wrongPassword');
    expect(codeOf(await f.raw('auth.changePassword', { currentPassword: 'temp-pass-9', newPassword: 'temp-pass-9' }, login.token)))
      .toBe('invalid-input account.errors.samePassword');
    const changed = await f.call('auth.changePassword', { currentPassword: 'temp-pass-9', newPassword: 'mine-pass-22' }, login.token);
    expect(changed.user.mustChangePassword).toBe(false);
    expect(codeOf(await f.raw('cases.list', {}, login.token))).toBe('unauthorized errors.sessionExpired');
    expect(codeOf(await f.raw('cases.list', {}, changed.token))).toBe('ok');
    expect(codeOf(await f.raw('auth.login', { username: 'officer1', password: 'mine-pass-22' }))).toBe('ok');
    const audit = f.app.db.prepare("SELECT actor_name, after_json FROM audit_log WHERE action IN ('users.resetPassword', 'auth.changePassword') ORDER BY seq").all() as { actor_name: string; after_json: string | null }[];
    expect(audit.map((a) => a.actor_name)).toEqual(['admin', 'officer1']);
    expect(audit.map((a) => a.after_json ?? '').join()).not.toMatch(/temp-pass|mine-pass|scrypt/);
  });

  it('changing one\'s own password ends the user\'s other sessions', async () => {
    const f = await createFixture();
    const elsewhere = (await f.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).token;
    const changed = await f.call('auth.changePassword', { currentPassword: 'admin-pass-1', newPassword: 'admin-pass-2' }, f.adminToken);
    expect(codeOf(await f.raw('users.list', {}, elsewhere))).toBe('unauthorized errors.sessionExpired');
    expect(codeOf(await f.raw('users.list', {}, changed.token))).toBe('ok');
  });

  it('the last active administrator cannot be disabled nor lose the role; with a second one, they can', async () => {
    const f = await createFixture();
    const admin = (await f.call('users.list', {}, f.adminToken))[0]!;
    expect(codeOf(await f.raw('users.disable', { id: admin.id }, f.adminToken))).toBe('conflict account.errors.lastActiveAdmin');
    expect(codeOf(await f.raw('users.setRoles', { id: admin.id, roles: ['supervisor'] }, f.adminToken))).toBe('conflict errors.lastAdmin');
    const second = await f.call('users.create', { username: 'admin2', displayName: '副管理员', role: 'admin', password: 'admin-pass-2' }, f.adminToken);
    await f.call('users.disable', { id: second.id }, f.adminToken);
    // A disabled administrator does not count: the first is still the last active one.
    expect(codeOf(await f.raw('users.disable', { id: admin.id }, f.adminToken))).toBe('conflict account.errors.lastActiveAdmin');
    await f.call('users.enable', { id: second.id }, f.adminToken);
    expect((await f.call('users.disable', { id: admin.id }, f.adminToken)).active).toBe(false);
    expect((await f.call('users.list', {}, (await f.call('auth.login', { username: 'admin2', password: 'admin-pass-2' })).token))
      .filter((u) => u.active && u.roles.includes('admin')).map((u) => u.username)).toEqual(['admin2']);
  });

  it('unknown user, wrong password and locked account give one answer', async () => {
    const f = await createFixture();
    await f.tokenFor('kiosk');
    for (let i = 0; i < 5; i++) await f.raw('auth.login', { username: 'kiosk1', password: 'wrong-password' });
    const answers = await Promise.all([
      f.raw('auth.login', { username: 'nobody', password: 'user-pass-1' }),
      f.raw('auth.login', { username: 'admin', password: 'wrong-password' }),
      f.raw('auth.login', { username: 'kiosk1', password: 'user-pass-1' }),
    ]);
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify(answers[0])]));
    expect(codeOf(answers[0]!)).toBe('unauthorized errors.badCredentials');
  });
});
