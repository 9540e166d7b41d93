/**
 * The route target over transit trucks (承德市2020年采暖季劣质散煤联防联控工作方案 三、3: 过境车辆通行运煤专用通道
 * 线路比例达到90%), with all trucks beside it: a shift of trucks bound within 承德市 and beyond it, by the
 * designated routes and not, one corrected by the operator either way, one amended; the share as the dashboard
 * and the weekly log give it, counted again from `registrations list --json`. The register (xlsx, csv, PDF)
 * names for every truck once whether it was in transit and the officers on duty.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main.ts';
import type { ExportedFile, InputOf, Registration } from '../../../src-shared/contract/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { pdfText, writePdf } from '../documents/pdf-text.ts';

let f: Fixture;
let kiosk: string;
let supervisor: string;
const DAY = '2026-11-24';
const trucks: Registration[] = [];
let amended: Registration;
let caseTruck: Registration;
let caseOfficers: string;

type Truck = Partial<InputOf<'registrations.create'>>;
/** [Beijing time of the shift, destination, in Hebei, via the designated route, the operator's own transit choice]. */
const SHIFT: [string, string, boolean, boolean, boolean?][] = [
  ['08:10', '北京密云区', false, true],
  ['08:40', '天津蓟州区', false, false],
  ['09:05', '河北唐山迁安市', true, true],
  ['09:30', '河北唐山迁安市', true, false],
  ['10:00', '河北承德双桥区', true, false],
  ['10:20', '河北承德平泉市', true, true],
  ['10:50', '围场县棋盘山镇', true, false],
  ['11:15', '某电厂', true, false, false], // not recognised: the operator says it is within 承德市
  ['12:30', '河北承德双桥区', true, true, true], // the operator says it only passes through
  ['13:10', '北京密云区', false, true], // amended below to a destination within 承德市
];
const decode = (file: ExportedFile) => Buffer.from(file.base64, 'base64');
const beijing = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`);

async function loginAt(when: Date, username: string, password = 'user-pass-1') {
  f.clock.now = when;
  return (await f.call('auth.login', { username, password })).token;
}

async function cliList(): Promise<Registration[]> {
  let out = '';
  const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: () => true }, stdin: Readable.from(['user-pass-1\n']) } as never;
  const code = await main(['registrations', 'list', '--from', DAY, '--to', DAY, '--json', '--user', 'supervisor1', '--password-stdin', '--db', f.dbPath], io);
  expect(code).toBe(0);
  return JSON.parse(out) as Registration[];
}

beforeAll(async () => {
  f = await createFixture();
  kiosk = await f.tokenFor('kiosk');
  await f.tokenFor('officer');
  supervisor = await f.tokenFor('supervisor');
  await f.call('users.create', { username: 'officer2', displayName: '李执法', role: 'officer', password: 'user-pass-1' }, await loginAt(beijing('07:00'), 'admin', 'admin-pass-1'));
  // 李执法 signs in at 07:50, the officer who opens the case at 12:00: each sign-in covers a session's lifetime.
  await loginAt(beijing('07:50'), 'officer2');
  for (const [i, [hhmm, destination, destinationInHebei, viaDesignatedRoute, transit]] of SHIFT.entries()) {
    kiosk = await loginAt(beijing(hhmm), 'kiosk1');
    const { transit: _sample, ...base } = validRegistration(i + 1);
    const truck: Truck = { ...base, destination, destinationInHebei, viaDesignatedRoute, ...(transit === undefined ? {} : { transit }) };
    trucks.push(await f.call('registrations.create', truck as InputOf<'registrations.create'>, kiosk));
  }
  const { transit: _sample, ...base } = validRegistration(10);
  kiosk = await loginAt(beijing('13:30'), 'kiosk1');
  amended = await f.call('registrations.amend', {
    id: trucks[9]!.id, reason: '目的地更正', changes: { ...base, destination: '河北承德双桥区', destinationInHebei: true, viaDesignatedRoute: true },
  }, kiosk);
  const officer = await loginAt(beijing('12:00'), 'officer1');
  caseTruck = trucks[1]!;
  const opened = await f.call('cases.openFromRegistration', { registrationId: caseTruck.id }, officer);
  const c = await f.call('cases.get', { id: opened.id }, officer);
  caseOfficers = c.draft.officers.map((o) => o.name).filter((n) => n.trim()).join('、') || 'officer';
  supervisor = await loginAt(beijing('17:00'), 'supervisor1');
});

describe('transit is stored as derived or as the operator corrected it', () => {
  it('saves each truck with its transit flag; an amendment carries its own', async () => {
    expect(trucks.map((t) => t.transit)).toEqual([true, true, true, true, false, false, false, false, true, true]);
    expect(amended.transit).toBe(false);
    expect((await f.call('registrations.get', { id: trucks[9]!.id }, supervisor)).map((r) => r.transit)).toEqual([true, false]);
  });

  it('refuses "not in transit" for a destination outside Hebei, storing nothing', async () => {
    kiosk = await loginAt(beijing('17:10'), 'kiosk1');
    const before = f.count('registrations');
    const audit = f.count('audit_log');
    const { transit: _sample, ...base } = validRegistration(20);
    const refused = await f.raw('registrations.create', { ...base, destination: '辽宁朝阳', destinationInHebei: false, transit: false }, kiosk);
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('transit');
    expect(f.count('registrations')).toBe(before);
    expect(f.count('audit_log')).toBe(audit);
  });

  it('a returning truck is remembered with its transit flag', async () => {
    kiosk = await loginAt(beijing('17:20'), 'kiosk1');
    const v = await f.call('vehicles.lookup', { plate: trucks[8]!.plate }, kiosk);
    expect(v).toMatchObject({ destination: '河北承德双桥区', transit: true });
  });
});

describe('the route share over transit trucks, all trucks beside it', () => {
  it('is what `registrations list --json` counts, on the dashboard and in the weekly log', async () => {
    const listed = await cliList();
    expect(listed.map((r) => r.recordNumber).sort()).toEqual(trucks.map((t) => t.recordNumber).sort());
    const transit = listed.filter((r) => r.transit);
    const expected = {
      trucks: listed.length, viaRouteTrucks: listed.filter((r) => r.viaDesignatedRoute).length,
      transitTrucks: transit.length, transitViaRouteTrucks: transit.filter((r) => r.viaDesignatedRoute).length,
    };
    // As designed above: 5 in transit, 3 of them by the routes; 10 trucks, 5 by the routes.
    expect(expected).toEqual({ trucks: 10, viaRouteTrucks: 5, transitTrucks: 5, transitViaRouteTrucks: 3 });

    const d = await f.call('reports.dashboard', { from: DAY, to: DAY }, supervisor);
    expect(d.range.tally).toMatchObject(expected);
    expect(d.byDay).toEqual([expect.objectContaining({ key: DAY, ...expected })]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(decode(await f.call('reports.exportWeekly', { from: DAY, to: DAY, format: 'xlsx' }, supervisor)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('汇总')!;
    const valueOf = (label: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === label)?.getCell(2).value;
    expect(valueOf('过境车辆（辆）')).toBe(5);
    expect(valueOf('过境车辆经运煤专用通道（辆）')).toBe(3);
    expect(valueOf('过境车辆专用通道使用率（目标 ≥ 90%）')).toBeCloseTo(3 / 5, 10);
    expect(valueOf('专用通道使用率（全部车辆）')).toBeCloseTo(5 / 10, 10);

    const text = pdfText(writePdf(decode(await f.call('reports.exportWeekly', { from: DAY, to: DAY, format: 'pdf' }, supervisor)), 'transit-weekly'));
    expect(text).toContain('过境车辆专用通道使用率60.0%（全部车辆50.0%），低于90%的目标；2辆过境车辆未经运煤专用通道。');
  });

  it('the drill-down of the share lists exactly the transit trucks that missed the routes', async () => {
    const page = await f.call('reports.records', { from: DAY, to: DAY, filter: { transit: true, viaDesignatedRoute: false } }, supervisor);
    expect(page.rows.map((r) => r.recordNumber).sort()).toEqual([trucks[1]!, trucks[3]!].map((t) => t.recordNumber).sort());
  });
});

describe('the register: transit and officers on duty for every truck, once', () => {
  const expectedOfficers = (t: Registration) => {
    if (t.id === caseTruck.id) return caseOfficers;
    const at = beijing(SHIFT[trucks.indexOf(t)]![0]).getTime();
    const names = [];
    if (at >= beijing('07:50').getTime()) names.push('李执法');
    if (at >= beijing('12:00').getTime()) names.push('officer');
    return names.join('、');
  };
  const yes = (flag: boolean) => (flag ? '是' : '否');
  const current = (t: Registration) => (t.id === trucks[9]!.id ? amended : t);

  it('xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(decode(await f.call('reports.exportRegister', { from: DAY, to: DAY, format: 'xlsx' }, supervisor)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('登记台账')!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => head.indexOf(name) + 1;
    expect(head.filter((h) => h === '过境车辆' || h === '执法人员')).toEqual(['过境车辆', '执法人员']);
    const body = sheet.getRows(2, sheet.rowCount - 2)!;
    expect(body).toHaveLength(trucks.length);
    for (const t of trucks) {
      const rows = body.filter((r) => r.getCell(col('登记编号')).value === t.recordNumber);
      expect(rows, t.recordNumber).toHaveLength(1);
      expect(rows[0]!.getCell(col('过境车辆')).value, t.recordNumber).toBe(yes(current(t).transit));
      expect(rows[0]!.getCell(col('执法人员')).value ?? '', t.recordNumber).toBe(expectedOfficers(t));
    }
  });

  it('csv', async () => {
    const lines = decode(await f.call('reports.exportRegister', { from: DAY, to: DAY, format: 'csv' }, supervisor)).toString('utf8').split('\r\n');
    const head = lines.find((l) => l.startsWith('序号,'))!.split(',');
    for (const t of trucks) {
      const rows = lines.filter((l) => l.includes(t.recordNumber));
      expect(rows, t.recordNumber).toHaveLength(1);
      const cells = rows[0]!.split(',');
      expect(cells[head.indexOf('过境车辆')]).toBe(yes(current(t).transit));
      expect(cells[head.indexOf('执法人员')]).toBe(expectedOfficers(t));
    }
  });

  it('PDF', async () => {
    const text = pdfText(writePdf(decode(await f.call('reports.exportRegister', { from: DAY, to: DAY, format: 'pdf' }, supervisor)), 'transit-register'));
    expect(text).toContain('过境');
    expect(text).toContain('执法人员');
    for (const t of trucks) expect(text.split(t.recordNumber).length - 1, t.recordNumber).toBe(1);
    // Every truck but the one with a case names 李执法, on duty all shift.
    expect(text.split('李执法').length - 1).toBe(trucks.filter((t) => expectedOfficers(t).includes('李执法')).length);
  });
});
