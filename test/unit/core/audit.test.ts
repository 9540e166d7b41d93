import { describe, expect, it } from 'vitest';
import { createFixture, validRegistration } from '../../support/app-fixture.ts';

async function withHistory() {
  const f = await createFixture();
  const kiosk = await f.tokenFor('kiosk');
  const a = await f.call('registrations.create', validRegistration(1), kiosk);
  await f.call('registrations.create', validRegistration(2), kiosk);
  await f.call('registrations.amend', { id: a.id, reason: '更正', changes: validRegistration(3) }, kiosk);
  return f;
}

describe('audit trail', () => {
  it('records every write with actor, before and after, and verifies', async () => {
    const f = await withHistory();
    const amend = f.app.db.prepare("SELECT * FROM audit_log WHERE action = 'registrations.amend'").get() as Record<string, string>;
    expect(amend.actor_name).toBe('kiosk1');
    expect(JSON.parse(amend.before_json!)).toMatchObject({ revision: 1 });
    expect(JSON.parse(amend.after_json!)).toMatchObject({ revision: 2, amendment_reason: '更正' });
    expect(await f.call('audit.verify', {}, f.adminToken)).toMatchObject({ ok: true });
  });

  const tampering: [string, string, RegExp][] = [
    ['an entry edited', "UPDATE audit_log SET actor_name = 'someone' WHERE seq = 3", /content changed/],
    ['an entry deleted', 'DELETE FROM audit_log WHERE seq = 4', /missing entry/],
    ['an entry re-hashed without fixing the next link', "UPDATE audit_log SET hash = 'ab', actor_name = 'x' WHERE seq = 2", /content changed|link/],
    ['a registration changed behind the app', 'UPDATE registrations SET net_kg = net_kg - 1000, tare_kg = tare_kg + 1000 WHERE id = 2', /registration 2 differs/],
    ['a registration deleted behind the app', 'DELETE FROM registrations WHERE id = 2', /registration 2 was deleted/],
    ['a registration inserted behind the app', "INSERT INTO registrations SELECT 99, 'X-1', 1, NULL, NULL, station_code, operator_id, registered_at, plate, trailer_plate, plate_color, driver_name, driver_id_number, driver_phone, carrier, origin, consignee, destination, destination_in_hebei, coal_kind, coal_kind_other, intended_use, declared_kg, has_contract, has_report, report_number, via_designated_route, gross_kg, tare_kg, net_kg, weight_source, manual_reason, weighing_id, training, transit FROM registrations WHERE id = 1", /registration 99 has no audit entry/],
  ];
  it.each(tampering)('detects %s', async (_name, sql, reason) => {
    const f = await withHistory();
    f.app.db.exec(sql);
    const result = await f.call('audit.verify', {}, f.adminToken);
    expect(result.ok).toBe(false);
    expect(result.brokenAt?.reason).toMatch(reason);
  });

  it('is for supervisors and administrators only', async () => {
    const f = await withHistory();
    const r = await f.raw('audit.verify', {}, await f.tokenFor('kiosk'));
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});
