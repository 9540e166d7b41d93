/**
 * The monthly report over a heating season (15 November on): its current-month and cumulative figures
 * against what `registrations list --json` and `cases list --json` show for the same ranges, the written
 * sections from draft to sign-off (then frozen, in the service and in the database), the audit they leave,
 * and the problems it raises by name. Beijing dates; trucks before the season and after the export day
 * must not be counted.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { completeDraft, setUpEnforcement, type Enforcement } from '../cases/helpers.ts';
import { insertCheck } from '../../../db/certificates-repo.ts';
import { insertWeighing } from '../../../db/devices-repo.ts';
import type { ExportedFile, InputOf, Registration } from '../../../src-shared/contract/index.ts';
import { main } from '../../../src-main/cli/main.ts';
import { pageCount, pdfText, writePdf } from '../documents/pdf-text.ts';

let f: Fixture;
let e: Enforcement;
const trucks: Registration[] = [];
/** The day the reports are made: January is reported to date. */
const EXPORT_AT = '2027-01-20T02:00:00Z';

async function at(iso: string, role: 'admin' | 'supervisor' | 'officer' = 'admin') {
  f.clock.now = new Date(iso);
  return role === 'admin' ? (await f.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).token
    : (await f.call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token;
}

/** A truck at a UTC instant; every third weighed on the weighbridge, the others typed in. */
async function truckAt(iso: string, flags: { route: boolean; report: boolean }) {
  const token = await at(iso);
  const seed = trucks.length + 1;
  const base: InputOf<'registrations.create'> = { ...validRegistration(seed), viaDesignatedRoute: flags.route, hasReport: flags.report };
  const input = flags.report ? base : { ...base, reportNumber: undefined };
  let withWeight: InputOf<'registrations.create'> = input;
  if (seed % 3 === 0) {
    const { manualReason: _reason, ...scale } = input;
    const weighingId = insertWeighing(f.app.db, {
      weightKg: input.grossKg, frames: [], protocol: 'test', deviceId: null, deviceLabel: 'test', simulated: false, capturedAt: f.clock.now.toISOString(), capturedBy: 1,
    });
    withWeight = { ...scale, weightSource: 'scale', weighingId };
  }
  trucks.push(await f.call('registrations.create', withWeight, token));
}

async function decideAt(iso: string, quantityKg: number) {
  const token = await at(iso, 'officer');
  const draft = completeDraft(e.pointId, {
    seizedAt: new Date(Date.parse(iso) - 3600_000).toISOString(),
    approval: { approverName: '王局长', approvedAt: new Date(Date.parse(iso) - 7200_000).toISOString(), emergency: false },
    items: [{ coalKind: '劣质散煤', quantityKg, measuredBy: 'weighbridge', weighTicketNo: `BD-${iso}`, sealNumbers: ['FT-01'] }],
  });
  const opened = await f.call('cases.open', { draft }, token);
  return f.call('cases.decide', { id: opened.id }, token);
}

/** The CLI in-process, signed in as the supervisor (password on stdin). */
async function cli(...args: string[]): Promise<string> {
  let out = '';
  const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: () => true }, stdin: Readable.from(['user-pass-1\n']) } as never;
  expect(await main([...args, '--db', f.dbPath, '--user', 'supervisor1', '--password-stdin'], io)).toBe(0);
  return out;
}
interface ListedTruck { netKg: number; viaDesignatedRoute: boolean; transit: boolean; hasReport: boolean; weightSource: string }
interface ListedCase { netKg: number; decisionDate: string | null }

const decode = (file: ExportedFile) => Buffer.from(file.base64, 'base64');
async function monthSheet(month: string) {
  const sup = await at(EXPORT_AT, 'supervisor');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(decode(await f.call('reports.exportMonthly', { month, format: 'xlsx' }, sup)) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('月报')!;
  const row = (label: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === label);
  return { sheet, row, cell: (label: string, column: 2 | 3) => row(label)!.getCell(column).value as number };
}

beforeAll(async () => {
  f = await createFixture();
  e = await setUpEnforcement(f);
  // Before the season (15 November): in no cumulative figure of this season.
  await truckAt('2026-11-10T02:00:00Z', { route: true, report: true });
  await decideAt('2026-11-10T03:00:00Z', 18_500);
  for (const [iso, route, report] of [
    ['2026-11-15T00:30:00Z', true, true], ['2026-11-20T02:00:00Z', false, true], ['2026-11-20T05:00:00Z', true, false],
    // 23:30 on 30 November in Beijing: still November.
    ['2026-11-30T15:30:00Z', true, true],
    // 00:10 on 1 December in Beijing: December, though still 30 November in UTC.
    ['2026-11-30T16:10:00Z', false, false], ['2026-12-10T02:00:00Z', true, true], ['2026-12-10T03:00:00Z', true, true],
    ['2027-01-05T02:00:00Z', true, true], ['2027-01-19T15:59:00Z', false, true],
  ] as const) await truckAt(iso, { route, report });
  await decideAt('2026-11-20T03:00:00Z', 31_240);
  await decideAt('2026-12-10T04:00:00Z', 25_000);
  await decideAt('2027-01-05T04:00:00Z', 12_345);
  // A check standing at seizure with no case opened: a seizure owed.
  insertCheck(f.app.db, {
    registration_id: trucks.at(-1)!.id, report_number: null, lab: null, cma_number: null, sample_origin: null, sampled_on: null, reported_on: null,
    input_json: '{}', results_json: '{}', verdict: 'fail', outcome: 'seize', provisional: 0, checked_json: '[]', items_json: '[{"item":"St","ok":false}]',
    missing_json: '[]', signals_json: '[]', reasons_json: '[]', policy_version: 'p', limits_version: 'l', checked_at: f.clock.now.toISOString(), checked_by: 1,
  });
  // After the export day: January's report to 20 January leaves it out.
  await truckAt('2027-01-25T02:00:00Z', { route: true, report: true });
}, 120_000);

describe('monthly report figures against the ledgers listed by the CLI', { timeout: 60_000 }, () => {
  /** The cases do not change between the months asked: listed once. */
  let listedCases: ListedCase[] | undefined;
  const ranges: [string, string, [string, string], [string, string]][] = [
    ['November (whole month; season from the 15th)', '2026-11', ['2026-11-01', '2026-11-30'], ['2026-11-15', '2026-11-30']],
    ['December (whole month)', '2026-12', ['2026-12-01', '2026-12-31'], ['2026-11-15', '2026-12-31']],
    ['January (to the export day)', '2027-01', ['2027-01-01', '2027-01-20'], ['2026-11-15', '2027-01-20']],
  ];
  it.each(ranges)('%s', async (_name, month, monthRange, seasonRange) => {
    const s = await monthSheet(month);
    listedCases ??= (await cli('cases', 'list', '--json')).trim().split('\n').map((l) => JSON.parse(l) as ListedCase);
    const cases = listedCases;
    for (const [column, [from, to]] of [[2, monthRange], [3, seasonRange]] as const) {
      const listed = JSON.parse(await cli('registrations', 'list', '--from', from, '--to', to, '--json')) as ListedTruck[];
      const decided = cases.filter((c) => c.decisionDate !== null && c.decisionDate >= from && c.decisionDate <= to);
      const sum = (rows: { netKg: number }[]) => rows.reduce((n, r) => n + r.netKg, 0);
      expect(listed.length).toBeGreaterThan(0);
      expect(s.cell('登记车辆（辆）', column)).toBe(listed.length);
      expect(Math.round(s.cell('净重合计（吨）', column) * 1000)).toBe(sum(listed));
      expect(s.cell('经运煤专用通道（辆，全部车辆）', column)).toBe(listed.filter((t) => t.viaDesignatedRoute).length);
      expect(s.cell('过境车辆（辆）', column)).toBe(listed.filter((t) => t.transit).length);
      expect(s.cell('过境车辆经运煤专用通道（辆）', column)).toBe(listed.filter((t) => t.transit && t.viaDesignatedRoute).length);
      expect(s.cell('出示质检报告（辆）', column)).toBe(listed.filter((t) => t.hasReport).length);
      expect(s.cell('手工录入重量（辆）', column)).toBe(listed.filter((t) => t.weightSource === 'manual').length);
      expect(s.cell('作出查封扣押决定（件）', column)).toBe(decided.length);
      expect(Math.round(s.cell('查封扣押煤炭（吨）', column) * 1000)).toBe(sum(decided));
    }
    // The route share is the figures' own (a share cell) over transit trucks, against the 90 % target of the plan (三、3),
    // with the share over all trucks beside it.
    expect(s.row('过境车辆专用通道使用率（目标 ≥ 90%）')).toBeDefined();
    expect(s.row('专用通道使用率（全部车辆）')).toBeDefined();
  });

  it('labels a month in progress as reported to date', async () => {
    const s = await monthSheet('2027-01');
    expect(s.row('统计期间')!.getCell(2).value).toBe('2027年1月（2027-01-01 至 2027-01-20，本月截至当日）');
    expect(s.row('本月及采暖季累计')).toBeDefined();
  });

  it('refuses a month not yet begun, in Chinese, and exports nothing', async () => {
    const sup = await at(EXPORT_AT, 'supervisor');
    const before = f.count('audit_log');
    const r = await f.raw('reports.exportMonthly', { month: '2027-02', format: 'pdf' }, sup);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('2027-02 尚未开始，不能填写或导出该月月报');
    expect(f.count('audit_log')).toBe(before);
  });
});

describe('written sections: draft, sign-off, frozen', { timeout: 60_000 }, () => {
  const text = {
    month: '2027-01',
    progress: '本月检查运煤车辆，专用通道使用率仍低于目标。\n已对不合格煤炭依法查封扣押。',
    problems: '夜间时段部分车辆绕行，原因是专用通道夜间照明不足。',
    suggestions: '建议交通部门在夜间加强巡查，并增设照明。',
  };

  it('saves a draft, reads it back, saves again, signs it off; then every edit is refused', async () => {
    const sup = await at('2027-01-18T02:00:00Z', 'supervisor');
    expect(await f.call('reports.monthlyDraft.get', { month: '2027-01' }, sup)).toMatchObject({ status: 'new', progress: '' });
    // Signing off an incomplete report is refused.
    await f.call('reports.monthlyDraft.save', { ...text, suggestions: '' }, sup);
    const incomplete = await f.raw('reports.monthlyDraft.signOff', { month: '2027-01' }, sup);
    expect(!incomplete.ok && incomplete.error.message).toContain('都须填写后才能签发');
    await f.call('reports.monthlyDraft.save', text, sup);
    const stored = await f.call('reports.monthlyDraft.get', { month: '2027-01' }, sup);
    expect(stored).toMatchObject({ ...text, status: 'draft', savedByName: 'supervisor（supervisor1）', signedAt: null });

    const nextDay = await at('2027-01-19T02:00:00Z', 'supervisor');
    const signed = await f.call('reports.monthlyDraft.signOff', { month: '2027-01' }, nextDay);
    expect(signed).toMatchObject({ ...text, status: 'signed', signedByName: 'supervisor（supervisor1）', signedAt: '2027-01-19T02:00:00.000Z' });

    const again = await f.raw('reports.monthlyDraft.save', { ...text, progress: '改写' }, nextDay);
    expect(!again.ok && again.error.message).toBe('2027-01 月报已于 2027-01-19 10:00 签发，内容已冻结，不能修改');
    const twice = await f.raw('reports.monthlyDraft.signOff', { month: '2027-01' }, nextDay);
    expect(twice.ok).toBe(false);
    expect(await f.call('reports.monthlyDraft.get', { month: '2027-01' }, nextDay)).toEqual(signed);
  });

  it('the database refuses a change to a signed month too', () => {
    expect(() => f.app.db.prepare("UPDATE monthly_report_sections SET progress = 'x' WHERE month = '2027-01'").run()).toThrow('月报已签发，内容已冻结，不能修改');
    expect(() => f.app.db.prepare("DELETE FROM monthly_report_sections WHERE month = '2027-01'").run()).toThrow('月报已签发，不能删除');
  });

  it('leaves audit entries for each save and the sign-off, and row-audit images of each version', async () => {
    const actions = f.app.db.prepare("SELECT action, actor_name FROM audit_log WHERE entity = 'monthly_report' ORDER BY seq").all();
    expect(actions).toEqual([
      { action: 'reports.monthlyDraft.save', actor_name: 'supervisor1' },
      { action: 'reports.monthlyDraft.save', actor_name: 'supervisor1' },
      { action: 'reports.monthlyDraft.signOff', actor_name: 'supervisor1' },
    ]);
    const rows = f.app.db.prepare("SELECT op, actor_name, after_json FROM row_audit WHERE tbl = 'monthly_report_sections' ORDER BY seq").all() as { op: string; actor_name: string; after_json: string }[];
    expect(rows.map((r) => [r.op, r.actor_name])).toEqual([['I', 'supervisor1'], ['U', 'supervisor1'], ['U', 'supervisor1']]);
    expect(JSON.parse(rows.at(-1)!.after_json)).toMatchObject({ status: 'signed', progress: text.progress });
    const sup = await at(EXPORT_AT, 'supervisor');
    const verify = await f.call('audit.verify', {}, sup);
    // (The check stored directly in beforeAll has no business audit entry; the row audit of this table is clean.)
    expect(verify.findings).toEqual([]);
    // A change behind the app (triggers dropped) is found by `audit verify`.
    f.app.db.exec('DROP TRIGGER monthly_report_signed_frozen; DROP TRIGGER row_audit_monthly_report_sections_update');
    f.app.db.prepare("UPDATE monthly_report_sections SET suggestions = '改过' WHERE month = '2027-01'").run();
    const tampered = await f.call('audit.verify', {}, sup);
    expect(tampered.findings).toContainEqual(expect.objectContaining({ table: 'monthly_report_sections', key: '2027-01', problem: 'changed' }));
    f.app.db.prepare("UPDATE monthly_report_sections SET suggestions = @s WHERE month = '2027-01'").run({ s: text.suggestions });
  });

  it('is for supervisors and administrators only', async () => {
    const officer = await at(EXPORT_AT, 'officer');
    const r = await f.raw('reports.monthlyDraft.save', { ...text, month: '2026-12' }, officer);
    expect(!r.ok && r.error.code).toBe('forbidden');
    expect(f.count('monthly_report_sections')).toBe(1);
  });

  it('the PDF prints the figures, the signed sections and the problems by name; no page is empty', async () => {
    const sup = await at(EXPORT_AT, 'supervisor');
    const path = writePdf(decode(await f.call('reports.exportMonthly', { month: '2027-01', format: 'pdf' }, sup)), 'monthly-2027-01');
    const all = pdfText(path);
    for (const heading of ['本月及采暖季累计', '工作进展', '存在问题及原因剖析', '意见建议', '发现的问题', '月报签发情况']) expect(all).toContain(heading);
    expect(all).toContain(text.problems);
    expect(all).toContain('已签发');
    // The seizure owed names its truck; the terms past their end name their cases (decided 10 Nov, 20 Nov, 10 Dec).
    expect(all).toContain(`1起应查封扣押的车辆或案件尚未作出查封扣押决定：${trucks.at(-2)!.recordNumber}`);
    expect(all).toMatch(/3件查封扣押案件期限已届满仍未处理：[^、，]+、[^、，]+、[^、，]+，/);
    const pages = pageCount(path);
    for (let p = 1; p <= pages; p++) expect(pdfText(path, p).replace(`第${p}页共${pages}页`, '')).not.toBe('');
  });

  it('the weekly log raises them too, in its PDF and its workbook', async () => {
    const sup = await at(EXPORT_AT, 'supervisor');
    const owed = `1起应查封扣押的车辆或案件尚未作出查封扣押决定：${trucks.at(-2)!.recordNumber}`;
    const pdf = pdfText(writePdf(decode(await f.call('reports.exportWeekly', { week: '2027-W03', format: 'pdf' }, sup)), 'weekly-2027-W03'));
    expect(pdf).toContain(owed);
    expect(pdf).toContain('地磅数据缺失1个时段');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(decode(await f.call('reports.exportWeekly', { week: '2027-W03', format: 'xlsx' }, sup)) as unknown as ArrayBuffer);
    const cells = wb.getWorksheet('汇总')!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : [])).map(String);
    expect(cells.map((c) => c.replace(/\s+/g, ''))).toContain(`${owed}。`);
  });

  it('the dashboard raises the same open problems', async () => {
    const sup = await at(EXPORT_AT, 'supervisor');
    const d = await f.call('reports.dashboard', { from: '2027-01-01', to: '2027-01-20' }, sup);
    expect(d.problems.map((p) => [p.kind, p.count])).toEqual(expect.arrayContaining([['undecidedSeizure', 1], ['termExpired', 3]]));
    expect(d.problems.find((p) => p.kind === 'undecidedSeizure')!.refs).toEqual([trucks.at(-2)!.recordNumber]);
    // January is signed off, so the reporting day three days on needs no reminder; December's did.
    expect(d.reminder).toBeNull();
    const december = await f.call('reports.dashboard', { from: '2026-12-21', to: '2026-12-21' }, await at('2026-12-21T02:00:00Z', 'supervisor'));
    expect(december.reminder).toEqual({ month: '2026-12', dueDate: '2026-12-23', daysLeft: 2 });
  });
});
