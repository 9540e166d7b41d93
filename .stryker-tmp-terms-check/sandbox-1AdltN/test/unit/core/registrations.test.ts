// @ts-nocheck
import { beforeEach, describe, expect, it } from 'vitest';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

let f: Fixture;
let kiosk: string;
beforeEach(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
});

describe('registering a truck', () => {
  it('stores it with a record number, operator, station and time, and normalised plate and ID', async () => {
    const reg = await f.call('registrations.create', { ...validRegistration(), plate: ' 冀ａ·12345 ', driverIdNumber: '11010519491231002x' }, kiosk);
    expect(reg).toMatchObject({
      recordNumber: 'CD-20261128-0001', revision: 1, plate: '冀A12345', driverIdNumber: '11010519491231002X',
      stationCode: 'CD01', operatorName: 'kiosk1', registeredAt: '2026-11-28T08:00:00.000Z',
    });
    expect(reg.netKg).toBe(reg.grossKg - reg.tareKg);
  });

  it('numbers records in sequence per local day and never reuses a number', async () => {
    const a = await f.call('registrations.create', validRegistration(1), kiosk);
    const b = await f.call('registrations.create', validRegistration(2), kiosk);
    f.clock.now = new Date('2026-11-28T16:30:00Z'); // 00:30 on the 29th in Beijing
    const c = await f.call('registrations.create', validRegistration(3), kiosk);
    expect([a.recordNumber, b.recordNumber, c.recordNumber]).toEqual(['CD-20261128-0001', 'CD-20261128-0002', 'CD-20261129-0001']);
    // A refused save must not consume a number.
    await f.raw('registrations.create', { ...validRegistration(4), tareKg: 999_999 }, kiosk);
    expect((await f.call('registrations.create', validRegistration(5), kiosk)).recordNumber).toBe('CD-20261129-0002');
  });

  it('follows a configured numbering pattern', async () => {
    await f.call('settings.update', { recordNumberPattern: '{station}-{year}-{seq:6}' }, f.adminToken);
    expect((await f.call('registrations.create', validRegistration(), kiosk)).recordNumber).toBe('CD01-2026-000001');
    expect((await f.raw('settings.update', { recordNumberPattern: 'NO-SEQ' }, f.adminToken)).ok).toBe(false);
  });

  it('offers the tare remembered from the same plate', async () => {
    await f.call('registrations.create', { ...validRegistration(), plate: '冀A12345', tareKg: 15_880 }, kiosk);
    expect(await f.call('registrations.lastTare', { plate: '冀A·12345' }, kiosk)).toMatchObject({ tareKg: 15_880 });
    expect(await f.call('registrations.lastTare', { plate: '冀B99999' }, kiosk)).toBeNull();
  });

  it('requires a reason for a manually entered weight', async () => {
    const { manualReason: _, ...noReason } = validRegistration();
    const r = await f.raw('registrations.create', noReason, kiosk);
    expect(r.ok ? null : r.error.issues?.map((i) => i.path)).toEqual(['manualReason']);
  });
});

describe('bad input gets a clear message and stores nothing', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['malformed plate', { plate: '冀I12345' }, 'plate', '车牌格式不符合 GA 36'],
    ['plate without province', { plate: 'AB12345' }, 'plate', '车牌首字须为省份简称'],
    ['trailer plate without 挂', { trailerPlate: '冀A12345' }, 'trailerPlate', '挂车号牌应以“挂”结尾'],
    ['ID checksum', { driverIdNumber: '130102199003071234' }, 'driverIdNumber', '身份证号校验位错误'],
    ['ID birth date', { driverIdNumber: '110105194902301234' }, 'driverIdNumber', '身份证号中的出生日期无效'],
    ['negative weight', { tareKg: -5 }, 'tareKg', '重量不能为负数'],
    ['absurd gross', { grossKg: 200_001 }, 'grossKg', '重量超过 200 吨，请核对'],
    ['fractional kg', { grossKg: 40_000.5 }, 'grossKg', '重量须为整数千克'],
    ['tare above gross', { grossKg: 10_000, tareKg: 12_000 }, 'tareKg', '皮重不能大于毛重'],
    ['oversized string', { origin: '陕'.repeat(5000) }, 'origin', '内容过长'],
    ['wrong type', { grossKg: '49000' }, 'grossKg', '重量须为整数千克'],
    ['wrong boolean', { hasReport: 'yes' }, 'hasReport', '请选择是或否'],
    ['unknown field', { admin: true }, '', '包含不允许的字段'],
    ['bad phone', { driverPhone: '12345' }, 'driverPhone', '电话号码格式不正确'],
  ];
  it.each(cases)('%s', async (_name, patch, path, message) => {
    const before = [f.count('registrations'), f.count('audit_log'), f.count('counters')];
    const r = await f.raw('registrations.create', { ...validRegistration(), ...patch }, kiosk);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.issues).toContainEqual(expect.objectContaining({ path, message }));
    expect([f.count('registrations'), f.count('audit_log'), f.count('counters')]).toEqual(before);
  });

  it('stores SQL-looking text verbatim and harms nothing', async () => {
    const evil = "x'); DROP TABLE registrations; --";
    const reg = await f.call('registrations.create', { ...validRegistration(), driverName: evil, origin: evil }, kiosk);
    expect(reg.driverName).toBe(evil);
    const page = await f.call('registrations.search', { query: "' OR 1=1 --" }, kiosk);
    expect(page.rows).toEqual([]);
    expect(f.count('registrations')).toBe(1);
  });

  it('refuses a client that marks its own record as training (only the server decides)', async () => {
    const r = await f.raw('registrations.create', { ...validRegistration(), training: true }, kiosk);
    expect(r.ok ? null : r.error.issues?.map((i) => i.key)).toEqual(['validation.unrecognized_keys']);
    expect(f.count('registrations')).toBe(0);
  });

  it('rejects a non-object payload and an unknown method', async () => {
    expect((await f.raw('registrations.create', 'DROP TABLE', kiosk)).ok).toBe(false);
    expect((await f.raw('registrations.create', null, kiosk)).ok).toBe(false);
    const unknown = await f.raw('registrations.delete', { id: 1 }, kiosk);
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found');
    expect(f.count('registrations')).toBe(0);
  });
});

describe('amendments', () => {
  it('adds a revision with the reason and keeps the original unchanged', async () => {
    const original = await f.call('registrations.create', validRegistration(), kiosk);
    const amended = await f.call('registrations.amend', { id: original.id, reason: '皮重录入错误', changes: { ...validRegistration(), tareKg: 15_000 } }, kiosk);
    expect(amended).toMatchObject({ recordNumber: original.recordNumber, revision: 2, amendsId: original.id, amendmentReason: '皮重录入错误', tareKg: 15_000 });
    const history = await f.call('registrations.get', { id: original.id }, kiosk);
    expect(history.map((r) => [r.revision, r.tareKg, r.amendedById])).toEqual([[1, original.tareKg, amended.id], [2, 15_000, null]]);
    const page = await f.call('registrations.search', {}, kiosk);
    expect(page.rows.map((r) => r.id)).toEqual([amended.id]);
  });

  it('refuses amending a superseded revision, or without a reason', async () => {
    const original = await f.call('registrations.create', validRegistration(), kiosk);
    await f.call('registrations.amend', { id: original.id, reason: '更正', changes: validRegistration(2) }, kiosk);
    const again = await f.raw('registrations.amend', { id: original.id, reason: '再次', changes: validRegistration(3) }, kiosk);
    expect(again.ok ? null : again.error.key).toBe('errors.notCurrentRevision');
    const noReason = await f.raw('registrations.amend', { id: original.id + 1, reason: '  ', changes: validRegistration(3) }, kiosk);
    expect(noReason.ok).toBe(false);
    expect(f.count('registrations')).toBe(2);
  });
});

describe('ledger search', () => {
  beforeEach(async () => {
    await f.call('registrations.create', { ...validRegistration(1), plate: '冀A12345', trailerPlate: '冀A1234挂', driverIdNumber: '11010519491231002X' }, kiosk);
    f.clock.now = new Date('2026-11-28T17:00:00Z');
    await f.call('registrations.create', { ...validRegistration(2), plate: '陕K8H2J7' }, kiosk);
    await f.call('devices.setTraining', { training: true }, f.adminToken);
    await f.call('registrations.create', { ...validRegistration(3), plate: '冀A12345' }, kiosk);
    await f.call('devices.setTraining', { training: false }, f.adminToken);
  });

  it('lists newest first, without training records', async () => {
    const page = await f.call('registrations.search', {}, kiosk);
    expect(page.rows.map((r) => r.plate)).toEqual(['陕K8H2J7', '冀A12345']);
  });

  it.each([['冀A·12345'], ['冀Ａ１２３４５'], ['冀a 12345'], ['冀A1234挂'], ['11010519491231002x'], ['CD-20261128-0001']])(
    'finds the truck by %s', async (query) => {
      const page = await f.call('registrations.search', { query }, kiosk);
      expect(page.rows.map((r) => r.recordNumber)).toEqual(['CD-20261128-0001']);
    },
  );

  it('filters by local date range and pages', async () => {
    expect((await f.call('registrations.search', { from: '2026-11-29', to: '2026-11-29' }, kiosk)).rows.map((r) => r.plate)).toEqual(['陕K8H2J7']);
    expect((await f.call('registrations.search', { to: '2026-11-28' }, kiosk)).rows).toHaveLength(1);
    const first = await f.call('registrations.search', { pageSize: 1 }, kiosk);
    const second = await f.call('registrations.search', { pageSize: 1, page: 2 }, kiosk);
    expect([first.hasMore, second.hasMore, first.rows[0]!.plate, second.rows[0]!.plate]).toEqual([true, false, '陕K8H2J7', '冀A12345']);
    expect((await f.raw('registrations.search', { from: '2026-11-30', to: '2026-11-01' }, kiosk)).ok).toBe(false);
    expect((await f.raw('registrations.search', { from: '2026-02-30' }, kiosk)).ok).toBe(false);
  });
});
