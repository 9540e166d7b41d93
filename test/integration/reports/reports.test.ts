import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { insertCheck, insertOverride } from '../../../db/certificates-repo.ts';
import { insertWeighing } from '../../../db/devices-repo.ts';
import type { ExportedFile, InputOf, Registration } from '../../../src-shared/contract/index.ts';
import { main } from '../../../src-main/cli/main.ts';
import { pdfText, writePdf } from '../documents/pdf-text.ts';

let f: Fixture;
const trucks: Record<'a' | 'b' | 'c' | 'd', Registration> = {} as never;
let amendedB: Registration;

async function loginAs(username: string, password: string) {
  return (await f.call('auth.login', { username, password })).token;
}
/** Sessions end after 12 idle hours, so each jump of the test clock logs in afresh. */
async function at(iso: string, role: 'admin' | 'supervisor' | 'officer' = 'admin') {
  f.clock.now = new Date(iso);
  return role === 'admin' ? loginAs('admin', 'admin-pass-1') : loginAs(`${role}1`, 'user-pass-1');
}
/** A weighbridge weight must cite a captured weighing of the same gross. */
function withEvidence(input: InputOf<'registrations.create'>): InputOf<'registrations.create'> {
  if (input.weightSource !== 'scale') return input;
  const { manualReason: _reason, ...scale } = input;
  const weighingId = insertWeighing(f.app.db, {
    weightKg: input.grossKg, frames: [], protocol: 'test', deviceId: null, deviceLabel: 'test', simulated: false, capturedAt: f.clock.now.toISOString(), capturedBy: 1,
  });
  return { ...scale, weighingId };
}
async function registerAt(iso: string, seed: number, overrides: Partial<InputOf<'registrations.create'>>) {
  const token = await at(iso);
  return f.call('registrations.create', withEvidence({ ...validRegistration(seed), ...overrides }), token);
}
function check(registrationId: number, verdict: string, outcome: string, failed: string[]) {
  const items = ['A', 'St', 'V', 'Qnet'].map((item) => ({ item, ok: !failed.includes(item) }));
  return insertCheck(f.app.db, {
    registration_id: registrationId, report_number: null, lab: null, cma_number: null, sample_origin: null, sampled_on: null, reported_on: null,
    input_json: '{}', results_json: '{}', verdict, outcome, provisional: 0, checked_json: '[]', items_json: JSON.stringify(items),
    missing_json: '[]', signals_json: '[]', reasons_json: '[]', policy_version: 'p', limits_version: 'l', checked_at: f.clock.now.toISOString(), checked_by: 1,
  });
}
const decode = (file: ExportedFile) => Buffer.from(file.base64, 'base64');
async function workbook(file: ExportedFile) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(decode(file) as unknown as ArrayBuffer);
  return wb;
}
/** A small RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  return rows;
}

const BEIJING = { destination: '北京密云区', destinationInHebei: false, transit: true };
const weekNetKg = () => trucks.a.netKg + amendedB.netKg + trucks.c.netKg;

beforeAll(async () => {
  f = await createFixture();
  await f.tokenFor('supervisor');
  await f.tokenFor('officer');
  trucks.a = await registerAt('2026-11-24T02:00:00Z', 1, { weightSource: 'scale', viaDesignatedRoute: true, hasReport: true });
  // Bound for Beijing: a transit truck (过境) that missed the designated routes.
  trucks.b = await registerAt('2026-11-24T03:00:00Z', 2, { weightSource: 'manual', viaDesignatedRoute: false, hasReport: true, driverPhone: '13912345678', ...BEIJING });
  // 23:59 local on Sunday 29 November: still week 48.
  trucks.c = await registerAt('2026-11-29T15:59:00Z', 3, { weightSource: 'scale', viaDesignatedRoute: true, hasReport: false, reportNumber: undefined, carrier: '承德"兴隆",货运' });
  // 00:30 local on Monday 30 November: week 49.
  trucks.d = await registerAt('2026-11-29T16:30:00Z', 4, { weightSource: 'scale', viaDesignatedRoute: true, hasReport: true });
  // A record made in training mode (the server decides; a client cannot claim it).
  const admin = await at('2026-11-25T02:00:00Z');
  await f.call('devices.setTraining', { training: true }, admin);
  await registerAt('2026-11-25T02:00:00Z', 5, {});
  await f.call('devices.setTraining', { training: false }, admin);
  // Amended in week 49: the truck still passed in week 48, with the corrected weight.
  const token = await at('2026-11-30T05:00:00Z');
  amendedB = await f.call('registrations.amend', {
    id: trucks.b.id, reason: '复磅更正', changes: { ...validRegistration(2), weightSource: 'manual', viaDesignatedRoute: false, hasReport: true, driverPhone: '13912345678', ...BEIJING, tareKg: validRegistration(2).tareKg - 500 },
  }, token);
  check(trucks.a.id, 'pass', 'release', []);
  check(trucks.b.id, 'fail', 'seize', ['A', 'St']); // on the revision that was later amended
  const cCheck = check(trucks.c.id, 'fail', 'sample', ['V']);
  insertOverride(f.app.db, { check_id: cCheck, outcome: 'turn-back', reason: '司机自愿返回', overridden_at: f.clock.now.toISOString(), overridden_by: 1 });
});

describe('dashboard figures', () => {
  it('counts trucks by local date, with amendments at their first registration and training left out', async () => {
    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    const d = await f.call('reports.dashboard', { from: '2026-11-23', to: '2026-11-30' }, sup);
    expect(d.range.tally).toEqual({
      trucks: 4, netKg: weekNetKg() + trucks.d.netKg, viaRouteTrucks: 3, withReportTrucks: 3, manualTrucks: 1,
      // As stored: b in transit and off the routes, the others by the routes.
      transitTrucks: [trucks.a, amendedB, trucks.c, trucks.d].filter((t) => t.transit).length,
      transitViaRouteTrucks: [trucks.a, trucks.c, trucks.d].filter((t) => t.transit).length,
    });
    expect(amendedB.transit).toBe(true);
    expect(d.byDay.map((x) => [x.key, x.trucks])).toEqual([['2026-11-24', 2], ['2026-11-29', 1], ['2026-11-30', 1]]);
    expect(d.week.isoWeek).toBe('2026-W49');
    expect(d.week.tally.trucks).toBe(1);
    expect(d.today.tally.trucks).toBe(1);
    expect(d.byWeightSource.find((x) => x.key === 'manual')?.netKg).toBe(amendedB.netKg);
    // 11:00 local on 24 November: only the manual truck, so the weighbridge captured nothing that hour.
    expect(d.weighbridgeGaps).toEqual([{ hour: '2026-11-24 11', trucks: 1 }]);
    expect(d.certificates).toEqual({
      checkedTrucks: 3, validReportTrucks: 1, failingTrucks: 2, released: 1, sampled: 0, seized: 1, turnedBack: 1, awaitingReview: 0,
      failingItems: { ash: 1, sulfur: 1, volatiles: 1, calorific: 0 },
    });
    expect(d.failingOrigins.reduce((n, o) => n + o.trucks, 0)).toBe(2);
    expect(d.reminder).toBeNull();
  });

  it('reminds of the CURRENT month report three days before the reporting day (附件6 四(三): 每月23日前报告当月工作进度)', async () => {
    const sup = await at('2026-12-20T02:00:00Z', 'supervisor');
    const d = await f.call('reports.dashboard', { from: '2026-12-20', to: '2026-12-20' }, sup);
    expect(d.reminder).toEqual({ month: '2026-12', dueDate: '2026-12-23', daysLeft: 3 });
  });

  it('opens the records behind a figure', async () => {
    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    const ids = async (filter: InputOf<'reports.records'>['filter']) =>
      (await f.call('reports.records', { from: '2026-11-23', to: '2026-11-30', filter }, sup)).rows.map((r) => r.recordNumber);
    expect(await ids({ date: '2026-11-30' })).toEqual([trucks.d.recordNumber]);
    expect(await ids({ hour: '2026-11-29 23' })).toEqual([trucks.c.recordNumber]);
    expect(await ids({ viaDesignatedRoute: false })).toEqual([trucks.b.recordNumber]);
    expect(await ids({ outcome: 'turn-back' })).toEqual([trucks.c.recordNumber]);
    expect(await ids({ failingItem: 'ash' })).toEqual([trucks.b.recordNumber]);
    expect(await ids({ coalKind: trucks.a.coalKind, date: '2026-11-24' })).toContain(trucks.a.recordNumber);
    const page = await f.call('reports.records', { from: '2026-11-23', to: '2026-11-30', filter: { weightSource: 'manual' } }, sup);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]!.netKg).toBe(amendedB.netKg);
  });

  it('is for supervisors and administrators only', async () => {
    const officer = await at('2026-11-30T06:00:00Z', 'officer');
    const result = await f.raw('reports.dashboard', { from: '2026-11-23', to: '2026-11-30' }, officer);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
  });
});

describe('weekly log exports', () => {
  it('xlsx: one row per truck, totals equal to the database, frozen header, real dates, tonnes, masked numbers, 汇总', async () => {
    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    const file = await f.call('reports.exportWeekly', { week: '2026-W48', format: 'xlsx' }, sup);
    expect(file.filename).toBe('运煤车辆登记周报_CD01_2026-W48.xlsx');
    const wb = await workbook(file);
    const sheet = wb.getWorksheet('登记台账')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(1 + 3 + 1);
    const netCells = [2, 3, 4].map((r) => sheet.getRow(r).getCell(col('净重(吨)')));
    expect(netCells[0]!.numFmt).toBe('0.000');
    expect(Math.round(netCells.reduce((s, c) => s + (c.value as number), 0) * 1000)).toBe(weekNetKg());
    const totals = sheet.getRow(5);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(2).value).toBe('3 辆');
    expect(Math.round((totals.getCell(col('净重(吨)')).value as number) * 1000)).toBe(weekNetKg());
    // The last truck passed at 23:59 Beijing time on 29 November: the cell shows that wall-clock time.
    expect((sheet.getRow(4).getCell(col('登记时间')).value as Date).toISOString()).toBe('2026-11-29T23:59:00.000Z');
    expect(sheet.getRow(2).getCell(col('身份证号码')).value).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(sheet.getRow(3).getCell(col('联系电话')).value).toBe('139****5678');
    const summary = wb.getWorksheet('汇总')!;
    const rowOf = (label: string) => summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === label);
    expect(rowOf('登记车辆（辆）')!.getCell(2).value).toBe(3);
    expect(Math.round((rowOf('净重合计（吨）')!.getCell(2).value as number) * 1000)).toBe(weekNetKg());
    expect(rowOf('检查站')!.getCell(2).value).toBe('承德市入市煤炭检查站（CD01）');
    expect(rowOf('导出人')!.getCell(2).value).toBe('supervisor（supervisor1）');
    expect(rowOf('查封扣押（辆）')!.getCell(2).value).toBe(1);
  });

  it('csv: UTF-8 with BOM, CRLF, quoted fields, totals equal to the database', async () => {
    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    const bytes = decode(await f.call('reports.exportWeekly', { from: '2026-11-23', to: '2026-11-29', format: 'csv' }, sup));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).not.toMatch(/[^\r]\n/);
    const rows = parseCsv(text);
    expect(rows[1]).toEqual(['检查站', '承德市入市煤炭检查站（CD01）']);
    const head = rows.findIndex((r) => r[0] === '序号');
    const net = rows[head]!.indexOf('净重(吨)');
    const body = rows.slice(head + 1, -1);
    expect(body.map((r) => r[1])).toEqual([trucks.a.recordNumber, trucks.b.recordNumber, trucks.c.recordNumber]);
    expect(body[2]![rows[head]!.indexOf('承运单位')]).toBe('承德"兴隆",货运');
    expect(Math.round(body.reduce((s, r) => s + Number(r[net]), 0) * 1000)).toBe(weekNetKg());
    const totals = rows.at(-1)!;
    expect(totals[0]).toBe('合计');
    expect(totals[net]).toBe((weekNetKg() / 1000).toFixed(3));
  });

  it('pdf: the summary for signing carries the same totals', async () => {
    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    const file = await f.call('reports.exportWeekly', { week: '2026-W48', format: 'pdf' }, sup);
    const text = pdfText(writePdf(decode(file), 'weekly'));
    expect(text).toContain('承德市入市煤炭检查站（CD01）');
    expect(text).toContain('2026-W48（2026-11-23至2026-11-29）');
    expect(text).toContain('登记车辆（辆）3');
    expect(text).toContain(`净重合计（吨）${(weekNetKg() / 1000).toFixed(3)}`);
    expect(text).toContain('审核人（主管）');
  });

  it('masks by default; unmasked only for oversight, and audited', async () => {
    const officer = await at('2026-11-30T06:00:00Z', 'officer');
    const masked = decode(await f.call('reports.exportWeekly', { week: '2026-W48', format: 'csv' }, officer)).toString('utf8');
    expect(masked).not.toContain(amendedB.driverIdNumber);
    expect(masked).toContain('已脱敏');
    const refused = await f.raw('reports.exportWeekly', { week: '2026-W48', format: 'csv', unmasked: true }, officer);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');

    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    const full = decode(await f.call('reports.exportWeekly', { week: '2026-W48', format: 'csv', unmasked: true }, sup)).toString('utf8');
    expect(full).toContain(amendedB.driverIdNumber);
    expect(full).toContain('13912345678');
    const entry = f.app.db.prepare(`SELECT actor_name, after_json FROM audit_log WHERE action = 'reports.exportWeekly' ORDER BY seq DESC LIMIT 1`).get() as { actor_name: string; after_json: string };
    expect(entry.actor_name).toBe('supervisor1');
    expect(JSON.parse(entry.after_json)).toMatchObject({ period: '2026-W48', unmasked: true, format: 'csv', trucks: 3 });
  });

  it('an empty period gives an empty but valid export in every format', async () => {
    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    const wb = await workbook(await f.call('reports.exportWeekly', { week: '2026-W10', format: 'xlsx' }, sup));
    const sheet = wb.getWorksheet('登记台账')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('0 辆');
    const rows = parseCsv(decode(await f.call('reports.exportWeekly', { week: '2026-W10', format: 'csv' }, sup)).toString('utf8').slice(1));
    expect(rows.at(-1)![0]).toBe('合计');
    const pdf = decode(await f.call('reports.exportWeekly', { week: '2026-W10', format: 'pdf' }, sup));
    expect(pdfText(writePdf(pdf, 'empty'))).toContain('登记车辆（辆）0');
  });

  it('refuses a malformed week or format', async () => {
    const sup = await at('2026-11-30T06:00:00Z', 'supervisor');
    for (const input of [{ week: '2026-W54', format: 'xlsx' }, { week: '2026-W48', format: 'doc' }, { format: 'csv' }, { week: '2026-W48', from: '2026-11-01', to: '2026-11-02', format: 'csv' }]) {
      const result = await f.raw('reports.exportWeekly', input, sup);
      expect(result.ok).toBe(false);
    }
  });
});

describe('monthly report', () => {
  it('gives the month and the heating season to date, in xlsx, csv and pdf', async () => {
    const sup = await at('2026-12-01T02:00:00Z', 'supervisor');
    const monthKg = weekNetKg() + trucks.d.netKg;
    const wb = await workbook(await f.call('reports.exportMonthly', { month: '2026-11', format: 'xlsx' }, sup));
    const sheet = wb.getWorksheet('月报')!;
    const rowOf = (label: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === label)!;
    expect(rowOf('登记车辆（辆）').getCell(2).value).toBe(4);
    expect(rowOf('登记车辆（辆）').getCell(3).value).toBe(4);
    expect(Math.round((rowOf('净重合计（吨）').getCell(2).value as number) * 1000)).toBe(monthKg);
    expect(rowOf('统计期间').getCell(2).value).toBe('2026年11月（2026-11-01 至 2026-11-30）');

    const csv = parseCsv(decode(await f.call('reports.exportMonthly', { month: '2026-11', format: 'csv' }, sup)).toString('utf8').slice(1));
    expect(csv.find((r) => r[0] === '净重合计（吨）')).toEqual(['净重合计（吨）', (monthKg / 1000).toFixed(3), (monthKg / 1000).toFixed(3)]);
    expect(csv.find((r) => r[0] === '本月及采暖季累计')).toBeDefined();

    const text = pdfText(writePdf(decode(await f.call('reports.exportMonthly', { month: '2026-11', format: 'pdf' }, sup)), 'monthly'));
    expect(text).toContain('采暖季累计（2026-11-15至2026-11-30）');
    expect(text).toContain('登记车辆（辆）44');
    expect(text).toContain('1辆过境车辆未经运煤专用通道');
  });

  it('December adds November since the season start', async () => {
    const e = await registerAt('2026-12-05T02:00:00Z', 9, { weightSource: 'scale' });
    const sup = await at('2026-12-05T03:00:00Z', 'supervisor');
    const csv = parseCsv(decode(await f.call('reports.exportMonthly', { month: '2026-12', format: 'csv' }, sup)).toString('utf8').slice(1));
    expect(csv.find((r) => r[0] === '登记车辆（辆）')).toEqual(['登记车辆（辆）', '1', '5']);
    expect(e.netKg).toBeGreaterThan(0);
  });
});

describe('checkpoint export (CLI)', () => {
  /** Runs the CLI in-process; `stdin` is what a person would pipe in (the password). */
  const run = async (args: string[], stdin = '') => {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; } }, stdin: Readable.from([stdin]) } as never;
    const code = await main(args, io);
    return { code, out, err };
  };
  const lastAudit = () => f.app.db.prepare(`SELECT seq, actor_name, actor_id, action, after_json FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as
    { seq: number; actor_name: string; actor_id: number | null; action: string; after_json: string };

  it('writes the file the service makes and audits it under the signed-in supervisor', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-export-')), 'w48.xlsx');
    const result = await run(['export', 'weekly', '--week', '2026-W48', '--format', 'xlsx', '--out', file, '--db', f.dbPath, '--unmasked', '--user', 'supervisor1', '--password-stdin'], 'user-pass-1\n');
    expect(result).toMatchObject({ code: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('登记台账')!.rowCount).toBe(5);
    const { id: supervisorId } = f.app.db.prepare("SELECT id FROM users WHERE username = 'supervisor1'").get() as { id: number };
    const entry = lastAudit();
    expect(entry).toMatchObject({ actor_name: 'supervisor1', actor_id: supervisorId, action: 'reports.exportWeekly' });
    expect(JSON.parse(entry.after_json)).toMatchObject({ unmasked: true });
    const monthly = path.join(path.dirname(file), 'm.pdf');
    expect((await run(['export', 'monthly', '--month', '2026-11', '--format', 'pdf', '--out', monthly, '--db', f.dbPath, '--user', 'supervisor1', '--password-stdin'], 'user-pass-1\n')).code).toBe(0);
    expect(fs.readFileSync(monthly).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses --unmasked to an officer and an export without sign-in, writing no file and no audit entry', async () => {
    await f.tokenFor('officer');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-export-'));
    const before = lastAudit().seq;
    const officer = await run(['export', 'weekly', '--week', '2026-W48', '--format', 'csv', '--out', path.join(dir, 'o.csv'), '--db', f.dbPath, '--unmasked', '--user', 'officer1', '--password-stdin'], 'user-pass-1\n');
    expect(officer.code).toBe(2);
    expect(officer.err).toContain('当前角色无权执行此操作');
    const anonymous = await run(['export', 'weekly', '--week', '2026-W48', '--format', 'csv', '--out', path.join(dir, 'a.csv'), '--db', f.dbPath]);
    expect(anonymous.code).toBe(2);
    expect(anonymous.err).toContain('需要登录');
    expect(fs.readdirSync(dir)).toEqual([]);
    // Only officer1's sign-in is recorded: no export.
    expect(f.app.db.prepare('SELECT actor_name, action FROM audit_log WHERE seq > ?').all(before)).toEqual([{ actor_name: 'officer1', action: 'auth.login' }]);
  });

  it('exits 2 with a clear message on a bad week or format', async () => {
    const bad = await run(['export', 'weekly', '--week', '2026-W60', '--format', 'xlsx', '--out', '/tmp/x.xlsx', '--db', f.dbPath, '--user', 'supervisor1', '--password-stdin'], 'user-pass-1\n');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('2026-W48');
    const format = await run(['export', 'monthly', '--month', '2026-11', '--format', 'docx', '--out', '/tmp/x.docx', '--db', f.dbPath, '--user', 'supervisor1', '--password-stdin'], 'user-pass-1\n');
    expect(format.code).toBe(2);
    expect(format.err).toContain('xlsx|csv|pdf');
  });
});
