import vehicleRegister from '../../../db/migrations/010-vehicle-register.ts';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CertificateReport, InputOf } from '../../../src-shared/contract/index.ts';
import { createFixture, tempDbPath, validRegistration, type Fixture } from '../../support/app-fixture.ts';

let f: Fixture;
let kiosk: string;
beforeEach(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
});
afterEach(() => f.app.close());

const truck = (seed: number, o: Partial<InputOf<'registrations.create'>> = {}) => ({ ...validRegistration(seed), ...o });
const report = (o: Partial<CertificateReport> = {}): CertificateReport => ({
  reportNumber: 'JC-2026-1128-07', lab: '山西省煤炭质量检测中心', cmaNumber: '201712345678', sampleOrigin: 'lab', sampledOn: '2026-11-20',
  reportedOn: '2026-11-22', coalRank: 'anthracite', tonnageCoveredKg: 500_000,
  results: [
    { item: 'M', basis: 'ad', value: 1.2, unit: '%' }, { item: 'Mt', basis: 'ar', value: 6, unit: '%' }, { item: 'A', basis: 'ad', value: 11.5, unit: '%' },
    { item: 'V', basis: 'ad', value: 8.4, unit: '%' }, { item: 'St', basis: 'ad', value: 0.35, unit: '%' },
  ],
  ...o,
});

describe('vehicle register: every save makes it the truck’s last visit', () => {
  it('a sequence of trucks: each plate and each driver finds its own latest visit, visits are counted', async () => {
    const plates = ['冀A12345', '晋B67890', '陕K11111'];
    for (let i = 0; i < 9; i++) {
      f.clock.now = new Date(Date.parse('2026-11-28T00:00:00Z') + i * 600_000);
      await f.call('registrations.create', truck(i + 1, { plate: plates[i % 3]!, origin: `产地${i}`, tareKg: 15_000 + i }), kiosk);
    }
    for (const [k, plate] of plates.entries()) {
      const v = await f.call('vehicles.lookup', { plate: plate.replace(/^(.)(.)/, '$1$2·') }, kiosk);
      const last = 6 + k; // the last of the three rounds
      expect(v).toMatchObject({ plate, origin: `产地${last}`, lastTareKg: 15_000 + last, visits: 3 });
      const byDriver = await f.call('vehicles.lookup', { driverIdNumber: v!.driverIdNumber.toLowerCase() }, kiosk);
      expect(byDriver?.plate).toBe(plate);
    }
    expect(await f.call('vehicles.lookup', { plate: '冀Z99999' }, kiosk)).toBeNull();
    expect(await f.call('vehicles.lookup', { driverIdNumber: '11010519491231002X' }, kiosk)).toBeNull();
  });

  it('an amendment replaces the visit it corrects without counting one more; an old record amended later does not overwrite a newer visit', async () => {
    const first = await f.call('registrations.create', truck(1, { plate: '冀A12345', tareKg: 15_000, destination: '河北承德双桥区' }), kiosk);
    await f.call('registrations.amend', { id: first.id, reason: '皮重更正', changes: truck(1, { plate: '冀A12345', tareKg: 15_500, destination: '河北承德双桥区' }) }, kiosk);
    expect(await f.call('vehicles.lookup', { plate: '冀A12345' }, kiosk)).toMatchObject({ lastTareKg: 15_500, visits: 1 });

    f.clock.now = new Date('2026-11-28T09:00:00Z');
    const second = await f.call('registrations.create', truck(2, { plate: '冀A12345', tareKg: 16_000 }), kiosk);
    const [, rev2] = await f.call('registrations.get', { id: first.id }, kiosk);
    f.clock.now = new Date('2026-11-28T10:00:00Z');
    await f.call('registrations.amend', { id: rev2!.id, reason: '再次更正', changes: truck(1, { plate: '冀A12345', tareKg: 15_600 }) }, kiosk);
    expect(await f.call('vehicles.lookup', { plate: '冀A12345' }, kiosk)).toMatchObject({ lastTareKg: 16_000, lastRegistrationId: second.id, visits: 2 });
    expect((await f.call('audit.verify', {}, f.adminToken)).ok).toBe(true);
  });

  it('a refused save changes neither the register nor the pick lists', async () => {
    const before = [f.count('vehicle_register'), f.count('pick_list_entries')];
    const r = await f.raw('registrations.create', truck(1, { tareKg: 300_000 }), kiosk);
    expect(r.ok).toBe(false);
    expect([f.count('vehicle_register'), f.count('pick_list_entries')]).toEqual(before);
  });

  it('only registrars look trucks up', async () => {
    const officer = await f.tokenFor('officer');
    const r = await f.raw('vehicles.lookup', { plate: '冀A12345' }, officer);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});

describe('pick lists', () => {
  it('are learned from saves, most used first; blanks are not learned; hidden entries are neither offered nor revived', async () => {
    for (const [i, origin] of ['山西大同', '陕西府谷', '山西大同', '山西大同', '陕西府谷', '内蒙古乌海'].entries()) {
      await f.call('registrations.create', truck(i + 1, { origin, carrier: '', consignee: '  ' }), kiosk);
    }
    const origins = await f.call('picklists.list', { kind: 'origin' }, kiosk);
    expect(origins.map((e) => [e.value, e.uses])).toEqual([['山西大同', 3], ['陕西府谷', 2], ['内蒙古乌海', 1]]);
    expect(await f.call('picklists.list', { kind: 'carrier' }, kiosk)).toEqual([]);

    const wuhai = origins[2]!;
    await f.call('picklists.update', { id: wuhai.id, hidden: true }, f.adminToken);
    await f.call('registrations.create', truck(9, { origin: '内蒙古乌海' }), kiosk);
    expect((await f.call('picklists.list', { kind: 'origin' }, kiosk)).map((e) => e.value)).not.toContain('内蒙古乌海');
    const all = await f.call('picklists.list', { kind: 'origin', includeHidden: true }, f.adminToken);
    expect(all.find((e) => e.id === wuhai.id)).toMatchObject({ hidden: true, uses: 2 });
  });

  it('administrators add and correct entries, audited; duplicates and other roles are refused and change nothing', async () => {
    const added = await f.call('picklists.add', { kind: 'destination', value: ' 河北承德双桥区 ' }, f.adminToken);
    expect(added).toMatchObject({ kind: 'destination', value: '河北承德双桥区', uses: 0, hidden: false });
    const dup = await f.raw('picklists.add', { kind: 'destination', value: '河北承德双桥区' }, f.adminToken);
    expect(dup.ok ? null : dup.error.message).toContain('已在列表中');
    const renamed = await f.call('picklists.update', { id: added.id, value: '河北省承德市双桥区' }, f.adminToken);
    expect(renamed.value).toBe('河北省承德市双桥区');
    expect((await f.raw('picklists.add', { kind: 'destination', value: '北京' }, kiosk)).ok).toBe(false);
    expect((await f.raw('picklists.add', { kind: 'nowhere', value: 'x' }, f.adminToken)).ok).toBe(false);
    expect((await f.raw('picklists.add', { kind: 'origin', value: '   ' }, f.adminToken)).ok).toBe(false);
    expect((await f.call('picklists.list', { kind: 'destination', includeHidden: true }, f.adminToken)).map((e) => e.value)).toEqual(['河北省承德市双桥区']);
    const actions = f.app.db.prepare("SELECT action FROM audit_log WHERE entity = 'pick_list_entry' ORDER BY seq").all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['picklists.add', 'picklists.update']);
    expect((await f.call('audit.verify', {}, f.adminToken)).ok).toBe(true);
  });

  it('labs are learned from stored checks', async () => {
    const reg = await f.call('registrations.create', truck(1, { hasReport: true, reportNumber: 'JC-2026-1128-07' }), kiosk);
    await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk);
    expect((await f.call('picklists.list', { kind: 'lab' }, kiosk)).map((e) => [e.value, e.uses])).toEqual([['山西省煤炭质量检测中心', 1]]);
  });
});

describe('a report seen before', () => {
  it('comes back with its lab, CMA number and results, and how often it was seen; an unknown number gives null', async () => {
    for (let i = 1; i <= 2; i++) {
      const reg = await f.call('registrations.create', truck(i, { hasReport: true, reportNumber: 'JC-2026-1128-07' }), kiosk);
      await f.call('certificates.check', { registrationId: reg.id, report: report({ cmaNumber: i === 1 ? '201700000001' : '201712345678' }) }, kiosk);
    }
    const known = await f.call('vehicles.knownReport', { reportNumber: ' JC-2026-1128-07 ' }, kiosk);
    expect(known).toMatchObject({
      reportNumber: 'JC-2026-1128-07', lab: '山西省煤炭质量检测中心', cmaNumber: '201712345678', sampleOrigin: 'lab', sampledOn: '2026-11-20',
      coalRank: 'anthracite', tonnageCoveredKg: 500_000, timesSeen: 2,
    });
    expect(known?.results).toEqual(report().results);
    expect(await f.call('vehicles.knownReport', { reportNumber: 'JC-0000' }, kiosk)).toBeNull();
  });
});

describe('weighing ticket', () => {
  it('the first print is the original, later ones 补打 with their number; every print is counted and audited; the hash is the same', async () => {
    // A civil anthracite truck bound for Hebei with a contract: the report passes and the truck is released.
    const reg = await f.call('registrations.create', truck(1, {
      plate: '冀A12345', hasReport: true, reportNumber: 'JC-2026-1128-07', coalKind: 'anthracite-lump', intendedUse: 'civil', destinationInHebei: true, hasContract: true,
    }), kiosk);
    expect((await f.call('certificates.check', { registrationId: reg.id, report: report() }, kiosk)).outcome).toBe('release');
    const first = await f.call('tickets.print', { registrationId: reg.id }, kiosk);
    f.clock.now = new Date('2026-11-28T09:30:00Z');
    const second = await f.call('tickets.print', { registrationId: reg.id, format: 'escpos-80' }, kiosk);
    const third = await f.call('tickets.print', { registrationId: reg.id, format: 'pdf-a4' }, kiosk);
    expect([first.copyNumber, second.copyNumber, third.copyNumber]).toEqual([1, 2, 3]);
    expect(new Set([first.contentHash, second.contentHash, third.contentHash]).size).toBe(1);
    const rows = f.app.db.prepare('SELECT copy_number, format, printed_at FROM weighing_ticket_prints ORDER BY id').all();
    expect(rows).toEqual([
      { copy_number: 1, format: 'pdf-a5', printed_at: '2026-11-28T08:00:00.000Z' },
      { copy_number: 2, format: 'escpos-80', printed_at: '2026-11-28T09:30:00.000Z' },
      { copy_number: 3, format: 'pdf-a4', printed_at: '2026-11-28T09:30:00.000Z' },
    ]);
    expect(f.count("audit_log WHERE action = 'tickets.print'")).toBe(3);
    expect((await f.call('audit.verify', {}, f.adminToken)).ok).toBe(true);

    const text = (b64: string) => {
      const file = path.join(path.dirname(f.dbPath), `t-${Math.random()}.pdf`);
      fs.writeFileSync(file, Buffer.from(b64, 'base64'));
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    };
    const original = text(first.base64);
    expect(original).toContain(reg.recordNumber);
    expect(original).toContain('冀A·12345');
    expect(original).toContain('2026-11-28 16:00:00（北京时间）');
    expect(original).toContain('合格');
    expect(original).toContain('放行');
    expect(original).toContain('kiosk'); // the operator's name as the account holds it
    expect(original).not.toContain('补打');
    expect(text(third.base64)).toContain('补打（第2次）');
    expect(Buffer.from(second.base64, 'base64').includes(Buffer.from('补打', 'utf8'))).toBe(false); // GBK, not UTF-8
  });

  it('refuses an unknown or superseded record and counts nothing', async () => {
    const reg = await f.call('registrations.create', truck(1), kiosk);
    await f.call('registrations.amend', { id: reg.id, reason: '更正', changes: truck(1, { tareKg: 15_001 }) }, kiosk);
    expect((await f.raw('tickets.print', { registrationId: reg.id }, kiosk)).ok).toBe(false);
    expect((await f.raw('tickets.print', { registrationId: 9999 }, kiosk)).ok).toBe(false);
    expect(f.count('weighing_ticket_prints')).toBe(0);
  });
});

describe('migration 010 (vehicle register) on an existing database', () => {
  it('seeds the register from each plate’s latest visit and the pick lists from past registrations', async () => {
    for (let i = 0; i < 4; i++) {
      f.clock.now = new Date(Date.parse('2026-11-28T00:00:00Z') + i * 60_000);
      await f.call('registrations.create', truck(i + 1, { plate: i < 3 ? '冀A12345' : '晋B67890', origin: i === 3 ? '陕西府谷' : '山西大同', tareKg: 15_000 + i }), kiosk);
    }
    // Wind the same data back to before migration 010 and apply it again.
    const copy = tempDbPath();
    f.app.db.exec(`VACUUM INTO '${copy}'`);
    const db = new Database(copy);
    db.exec('DROP TRIGGER pick_list_learn_lab; DROP TABLE weighing_ticket_prints; DROP TABLE pick_list_entries; DROP TABLE vehicle_register;');
    db.exec(vehicleRegister);
    const v = db.prepare("SELECT plate, last_tare_kg, visits FROM vehicle_register ORDER BY plate").all();
    expect(v).toEqual([{ plate: '冀A12345', last_tare_kg: 15_002, visits: 3 }, { plate: '晋B67890', last_tare_kg: 15_003, visits: 1 }]);
    const picks = db.prepare("SELECT value, uses FROM pick_list_entries WHERE kind = 'origin' ORDER BY uses DESC").all();
    expect(picks).toEqual([{ value: '山西大同', uses: 3 }, { value: '陕西府谷', uses: 1 }]);
    db.close();
  });
});
