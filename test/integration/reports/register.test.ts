/**
 * The vehicle register (运煤车辆信息登记台账) and the weekly log built on it, read back from the files a
 * supervisor gets: every truck of the period exactly once, with what was found (verdict, outcome, lab,
 * CMA, case number), in xlsx, csv and PDF; PDFs without empty pages; formula-like text made harmless.
 */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertCheck } from '../../../db/certificates-repo.ts';
import type { ExportedFile, Registration } from '../../../src-shared/contract/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { pageCount, pdfText, writePdf } from '../documents/pdf-text.ts';

let f: Fixture;
let supervisor: string;
const trucks: Registration[] = [];
let amended: Registration;
let seized: Registration;
let caseNumber: string;
const TRUCKS = 46;
const WEEK = '2026-W48'; // 23–29 November
const HYPERLINK = '=HYPERLINK("http://x.cn","张三")';

const decode = (file: ExportedFile) => Buffer.from(file.base64, 'base64');
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const FOOTER = /第\d+页共\d+页/g;

async function register(format: 'xlsx' | 'csv' | 'pdf', method: 'reports.exportRegister' | 'reports.exportWeekly' = 'reports.exportRegister') {
  return f.call(method, { week: WEEK, format }, supervisor);
}

/** Sessions end after 12 idle hours, so each jump of the test clock logs in afresh. */
async function as(role: 'kiosk' | 'officer' | 'supervisor', atMs: number) {
  f.clock.now = new Date(atMs);
  return (await f.call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token;
}

beforeAll(async () => {
  f = await createFixture();
  for (const role of ['kiosk', 'officer', 'supervisor'] as const) await f.tokenFor(role);
  // Outside the week on either side (Beijing time): 22 Nov 23:59 and 30 Nov 00:00.
  await f.call('registrations.create', validRegistration(900), await as('kiosk', Date.parse('2026-11-22T15:59:00Z')));
  for (let i = 0; i < TRUCKS; i++) {
    const kiosk = await as('kiosk', Date.parse('2026-11-22T16:00:00Z') + i * 3 * 3600_000);
    const reg = await f.call('registrations.create', { ...validRegistration(i + 1), ...(i === 7 ? { driverName: HYPERLINK, carrier: '@SUM(1+1)' } : {}) }, kiosk);
    trucks.push(reg);
  }
  const kiosk = await as('kiosk', Date.parse('2026-11-29T16:00:00Z'));
  await f.call('registrations.create', validRegistration(901), kiosk);
  const officer = await as('officer', f.clock.now.getTime());
  supervisor = await as('supervisor', f.clock.now.getTime());

  amended = await f.call('registrations.amend', { id: trucks[3]!.id, reason: '复磅更正', changes: { ...validRegistration(4), tareKg: validRegistration(4).tareKg - 700 } }, kiosk);
  seized = trucks[5]!;
  const items = [{
    standard: '商品煤质量管理暂行办法', edition: '2014', grade: '京津冀及周边地区散煤', clause: '第九条', item: 'St', basis: 'd', unit: '%',
    value: 1.2146, display: '1.21', from: 'St,ad', limit: 1, comparison: '<', limitDisplay: '< 1.00', ok: false, verified: true,
  }];
  insertCheck(f.app.db, {
    registration_id: seized.id, report_number: seized.reportNumber, lab: '大同市煤质检验有限公司', cma_number: '201812000001', sample_origin: 'lab',
    sampled_on: '2026-11-20', reported_on: '2026-11-21', input_json: '{}', results_json: '[]', verdict: 'fail', outcome: 'seize', provisional: 0,
    checked_json: '[]', items_json: JSON.stringify(items), missing_json: '[]', signals_json: '[]', reasons_json: '[]', policy_version: 'p',
    limits_version: 'l', checked_at: f.clock.now.toISOString(), checked_by: 1,
  });
  caseNumber = (await f.call('cases.openFromRegistration', { registrationId: seized.id }, officer)).caseNumber;
});

/**
 * The record numbers of the week as the registrations service stores them, read back independently of
 * the export: a truck belongs to the week its first revision was registered in (an amendment is stamped
 * later, but the truck passed then).
 */
async function storedRecordNumbers(): Promise<string[]> {
  const page = await f.call('registrations.search', { pageSize: 200 }, supervisor);
  expect(page.hasMore).toBe(false);
  const numbers: string[] = [];
  for (const row of page.rows) {
    const first = (await f.call('registrations.get', { id: row.id }, supervisor)).find((r) => r.revision === 1)!;
    if (first.registeredAt >= '2026-11-22T16:00:00.000Z' && first.registeredAt < '2026-11-29T16:00:00.000Z') numbers.push(row.recordNumber);
  }
  return numbers.sort();
}

describe('运煤车辆信息登记台账', () => {
  it('xlsx: one row per truck of the week, with verdict, outcome, lab, CMA, case and the amended revision', async () => {
    const file = await register('xlsx');
    expect(file.trucks).toBe(TRUCKS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(decode(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['登记台账']);
    const sheet = wb.getWorksheet('登记台账')!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => head.indexOf(name) + 1;
    const body = sheet.getRows(2, sheet.rowCount - 2)!;
    const numbers = body.map((r) => r.getCell(col('登记编号')).value as string);
    expect(numbers.slice().sort()).toEqual(await storedRecordNumbers());
    expect(new Set(numbers).size).toBe(TRUCKS);
    const rowOf = (recordNumber: string) => body.find((r) => r.getCell(col('登记编号')).value === recordNumber)!;
    const s = rowOf(seized.recordNumber);
    expect([col('核查结论'), col('处置'), col('检测机构'), col('CMA编号'), col('案号'), col('案件状态')].map((c) => s.getCell(c).value))
      .toEqual(['不合格', '查扣', '大同市煤质检验有限公司', '201812000001', caseNumber, '草稿']);
    const a = rowOf(amended.recordNumber);
    expect(a.getCell(col('版本')).value).toBe('2（已更正）');
    expect(Math.round((a.getCell(col('净重(吨)')).value as number) * 1000)).toBe(amended.netKg);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' });
  });

  it('csv: BOM, every truck once, the seized truck with its outcome and case number', async () => {
    const text = decode(await register('csv')).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    for (const n of await storedRecordNumbers()) expect(occurrences(text, n)).toBe(1);
    const line = text.split('\r\n').find((l) => l.includes(seized.recordNumber))!;
    expect(line).toContain(',查扣,');
    expect(line).toContain(caseNumber);
  });

  it('pdf: every truck once, headers repeated on every page of the table, no page empty but for its footer, signatures with the last rows', async () => {
    const path = writePdf(decode(await register('pdf')), 'register');
    const all = pdfText(path);
    for (const n of await storedRecordNumbers()) expect(occurrences(all, n)).toBe(1);
    expect(occurrences(all, caseNumber)).toBe(1);
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(2);
    for (let p = 1; p <= pages; p++) {
      const page = pdfText(path, p);
      expect(page.replace(FOOTER, '').length, `page ${p}`).toBeGreaterThan(0);
      expect(page, `page ${p}`).toContain('登记编号');
      expect(page).toContain(`第${p}页共${pages}页`);
    }
    const last = pdfText(path, pages);
    expect(last).toContain('填报人');
    expect(last).toContain(trucks.at(-1)!.recordNumber);
    expect(last).toContain(`${TRUCKS}辆`);
  });

  it('the weekly log is the register of the week plus the summary, in the PDF too', async () => {
    const path = writePdf(decode(await register('pdf', 'reports.exportWeekly')), 'weekly');
    const all = pdfText(path);
    for (const n of await storedRecordNumbers()) expect(occurrences(all, n)).toBe(1);
    expect(all).toContain('总体情况');
    for (let p = 1; p <= pageCount(path); p++) expect(pdfText(path, p).replace(FOOTER, '').length, `page ${p}`).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(decode(await register('xlsx', 'reports.exportWeekly')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['登记台账', '汇总']);
  });
});

describe('formula injection (OWASP)', () => {
  it('csv prefixes text that starts like a formula with a quote; the rest of the text is unchanged', async () => {
    const text = decode(await register('csv')).toString('utf8');
    expect(text).toContain(`"'${HYPERLINK.replaceAll('"', '""')}"`);
    expect(text).toContain(",'@SUM(1+1),");
    expect(text).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });

  it('xlsx writes it as a string cell, never a formula, showing exactly what was typed', async () => {
    const bytes = decode(await register('xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('登记台账')!;
    const cell = sheet.getRows(2, sheet.rowCount)!.map((r) => r.getCell(7)).find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(HYPERLINK);
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');
  });
});
