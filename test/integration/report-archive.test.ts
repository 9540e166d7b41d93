/**
 * 质检报告专管档案 read back through the API, the CLI and the exported files. A week of trucks (2026-W48),
 * several sharing a report number, some with none, amendments (one changing a truck's weight, one moving a
 * truck to another report), a training truck, one truck after the week, checks from two labs under one
 * number, scans (one photo attached to two trucks, one PDF). The expected links are kept from what each
 * call returned, so the archive is compared with the registrations, not with itself.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateReport, ExportedFile, Registration } from '../../src-shared/contract/index.ts';
import { main } from '../../src-main/cli/main.ts';
import { createFixture, validRegistration, type Fixture } from '../support/app-fixture.ts';
import { pdfText, writePdf } from './documents/pdf-text.ts';

let f: Fixture;
let supervisor: string;
let kiosk: string;
const WEEK = { from: '2026-11-23', to: '2026-11-29' };
const LAB_DT = '大同市煤质检验有限公司';
const LAB_EE = '鄂尔多斯市产品质量检验所';
const R = { tonnage: 'ZJ-2026-0101', origins: 'ZJ-2026-0202', moved: 'ZJ-2026-0303', target: 'ZJ-2026-0404', twoLabs: 'ZJ-2026-0505', later: 'ZJ-2026-0909' };
const IN_WEEK = [R.tonnage, R.origins, R.moved, R.target, R.twoLabs];
/** report number → record number → the truck's current net kg. */
const expected = new Map<string, Map<string, number>>();
const created: Registration[] = [];
let trainingRecord: string;
let photoSha: string;
let pdfScan: { sha256: string; fileName: string };

const decode = (file: ExportedFile) => Buffer.from(file.base64, 'base64');
const results: CertificateReport['results'] = [
  { item: 'A', basis: 'ad', value: 11.5, unit: '%' },
  { item: 'St', basis: 'ad', value: 0.35, unit: '%' },
];
const report = (reportNumber: string, lab: string, tonnageCoveredKg?: number): CertificateReport => ({
  reportNumber, lab, cmaNumber: '201812000001', sampleOrigin: 'lab', sampledOn: '2026-11-18', reportedOn: '2026-11-20', coalRank: 'anthracite', results,
  ...(tonnageCoveredKg ? { tonnageCoveredKg } : {}),
});

function link(reg: Registration): void {
  for (const links of expected.values()) links.delete(reg.recordNumber);
  if (!reg.reportNumber) return;
  if (!expected.has(reg.reportNumber)) expected.set(reg.reportNumber, new Map());
  expected.get(reg.reportNumber)!.set(reg.recordNumber, reg.netKg);
}

/** Sessions end after 12 idle hours, so each jump of the test clock logs in afresh. */
async function as(role: 'kiosk' | 'supervisor' | 'officer' | 'disposal', iso: string) {
  f.clock.now = new Date(iso);
  return (await f.call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token;
}

async function truck(n: number, hour: number, reportNumber: string | null, origin: string, netKg = 30_000 + n * 100): Promise<Registration> {
  kiosk = await as('kiosk', new Date(Date.parse('2026-11-22T16:30:00Z') + hour * 3600_000).toISOString());
  const base = validRegistration(n);
  const reg = await f.call('registrations.create', {
    ...base, origin, hasReport: reportNumber !== null, ...(reportNumber ? { reportNumber } : { reportNumber: '' }), tareKg: 15_000, grossKg: 15_000 + netKg,
  }, kiosk);
  created.push(reg);
  link(reg);
  return reg;
}

const check = (reg: Registration, r: CertificateReport) => f.call('certificates.check', { registrationId: reg.id, report: r }, kiosk);

beforeAll(async () => {
  f = await createFixture();
  for (const role of ['kiosk', 'officer', 'supervisor', 'disposal'] as const) await f.tokenFor(role);
  // 60 t covered; five trucks of 30.x t use it (one of them after the week).
  for (let i = 0; i < 4; i++) await check(await truck(i + 1, i * 7, R.tonnage, '山西大同'), report(R.tonnage, LAB_DT, 60_000));
  const origins = ['内蒙古鄂尔多斯', '陕西榆林', '内蒙古鄂尔多斯'];
  for (let i = 0; i < 3; i++) await check(await truck(10 + i, 30 + i * 5, R.origins, origins[i]!), report(R.origins, LAB_EE, 500_000));
  const moving = await truck(20, 50, R.moved, '山西朔州');
  await truck(21, 52, R.moved, '山西朔州');
  await truck(22, 55, R.target, '山西朔州');
  const a = await truck(30, 60, R.twoLabs, '山西长治');
  await check(a, report(R.twoLabs, LAB_DT));
  const b = await truck(31, 64, R.twoLabs, '山西长治');
  await check(b, report(R.twoLabs, LAB_EE));
  for (let i = 0; i < 6; i++) await truck(40 + i, 70 + i * 3, null, '河北张家口');

  // Amendments: a re-weighed truck keeps its report at its new weight; a mistyped number moves the truck.
  kiosk = await as('kiosk', '2026-11-28T10:00:00Z');
  const reweighed = created[1]!;
  link(await f.call('registrations.amend', { id: reweighed.id, reason: '复磅更正', changes: { ...validRegistration(2), origin: '山西大同', hasReport: true, reportNumber: R.tonnage, tareKg: 15_000, grossKg: 15_000 + 33_333 } }, kiosk));
  link(await f.call('registrations.amend', { id: moving.id, reason: '报告编号录入错误', changes: { ...validRegistration(20), origin: '山西朔州', hasReport: true, reportNumber: R.target, tareKg: 15_000, grossKg: 15_000 + 31_000 } }, kiosk));

  // Scans: one photo attached to two trucks of the same report; a PDF scan to another report's truck.
  const photo = await QRCode.toBuffer(`质检报告 ${R.tonnage}`, { scale: 6, margin: 2 });
  for (const reg of created.slice(0, 2)) {
    photoSha = (await f.call('attachments.add', { registrationId: reg.id, fileName: '报告照片.png', mime: 'image/png', contentBase64: photo.toString('base64') }, kiosk)).sha256;
  }
  const pdf = Buffer.from('%PDF-1.4\n% scanned report\n%%EOF\n');
  pdfScan = await f.call('attachments.add', { registrationId: created[4]!.id, fileName: '报告扫描.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') }, kiosk);

  // A training truck presenting a real report number is not part of the archive.
  await f.call('devices.setTraining', { training: true }, f.adminToken);
  kiosk = await as('kiosk', '2026-11-28T11:00:00Z');
  trainingRecord = (await f.call('registrations.create', { ...validRegistration(90), hasReport: true, reportNumber: R.tonnage }, kiosk)).recordNumber;
  await f.call('devices.setTraining', { training: false }, f.adminToken);

  // After the week: one more use of the tonnage report, and a report used only then.
  await truck(5, 8 * 24, R.tonnage, '山西大同');
  await truck(6, 8 * 24 + 2, R.later, '山西大同');
  supervisor = await as('supervisor', '2026-12-01T02:00:00Z');
});

const sorted = (m: Map<string, number>) => [...m.entries()].sort();

describe('reportArchive.get', () => {
  it('links each report to every truck that presented it, at its current revision, once', async () => {
    expect(expected.get(R.moved)!.size).toBe(1);
    expect(expected.get(R.target)!.size).toBe(2);
    for (const [number, links] of expected) {
      const entry = await f.call('reportArchive.get', { reportNumber: number }, supervisor);
      expect(sorted(new Map(entry.trucks.map((t) => [t.recordNumber, t.netKg]))), number).toEqual(sorted(links));
      expect(entry.netKg).toBe([...links.values()].reduce((a, b) => a + b, 0));
      expect(entry.trucks.map((t) => t.recordNumber)).not.toContain(trainingRecord);
    }
    const reweighed = (await f.call('reportArchive.get', { reportNumber: R.tonnage }, supervisor)).trucks.find((t) => t.recordNumber === created[1]!.recordNumber)!;
    expect([reweighed.revision, reweighed.netKg]).toEqual([2, 33_333]);
  });

  it('raises reuse beyond tonnage, different origins and different labs over all the uses', async () => {
    const codes = async (n: string) => (await f.call('reportArchive.get', { reportNumber: n }, supervisor)).signals.map((s) => s.code);
    expect(await codes(R.tonnage)).toContain('tonnage-exceeded');
    expect(await codes(R.origins)).toEqual(['origin-mismatch']);
    expect(await codes(R.twoLabs)).toContain('lab-mismatch');
    expect(await codes(R.target)).toEqual([]);
    const tonnage = await f.call('reportArchive.get', { reportNumber: R.tonnage }, supervisor);
    const total = (tonnage.netKg / 1000).toFixed(2);
    expect(tonnage.signals.find((s) => s.code === 'tonnage-exceeded')!.zh).toBe(`同一报告已累计使用${total}吨，超过报告覆盖的60.00吨`);
    expect(tonnage).toMatchObject({ labs: [LAB_DT], tonnageCoveredKg: 60_000, scanCount: 1 });
    expect(tonnage.scans[0]!.recordNumbers).toEqual([created[0]!.recordNumber, created[1]!.recordNumber]);
  });

  it('is open to the viewer roles; an unknown number is not found; disposal may not look', async () => {
    const officer = await as('officer', f.clock.now.toISOString());
    expect((await f.call('reportArchive.get', { reportNumber: R.origins }, officer)).truckCount).toBe(3);
    const unknown = await f.raw('reportArchive.get', { reportNumber: 'ZJ-0000' }, officer);
    expect(!unknown.ok && unknown.error.key).toBe('reportArchive.notFound');
    const disposal = await f.raw('reportArchive.get', { reportNumber: R.origins }, await as('disposal', f.clock.now.toISOString()));
    expect(!disposal.ok && disposal.error.code).toBe('forbidden');
  });
});

describe('reportArchive.search', () => {
  const numbers = async (input: Parameters<typeof f.call<'reportArchive.search'>>[1]) =>
    (await f.call('reportArchive.search', input, supervisor)).rows.map((r) => r.reportNumber);

  it('finds reports by period, text, plate and lab', async () => {
    expect((await numbers(WEEK)).sort()).toEqual([...IN_WEEK].sort());
    expect((await numbers({})).sort()).toEqual([...IN_WEEK, R.later].sort());
    expect(await numbers({ query: '0202' })).toEqual([R.origins]);
    expect(await numbers({ query: created[5]!.plate })).toEqual([R.origins]);
    expect((await numbers({ lab: '大同' })).sort()).toEqual([R.tonnage, R.twoLabs].sort());
    expect(await numbers({ query: trainingRecord })).toEqual([]);
  });

  it('pages through every report exactly once, latest first', async () => {
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const p = await f.call('reportArchive.search', { page, pageSize: 2 }, supervisor);
      seen.push(...p.rows.map((r) => r.reportNumber));
      if (!p.hasMore) break;
    }
    expect(seen.slice().sort()).toEqual([...expected.keys()].sort());
    expect(seen[0]).toBe(R.later);
  });

  it('refuses half a period or a reversed one', async () => {
    for (const input of [{ from: '2026-11-23' }, { from: '2026-11-29', to: '2026-11-23' }]) {
      const r = await f.raw('reportArchive.search', input, supervisor);
      expect(!r.ok && r.error.code).toBe('invalid-input');
    }
  });
});

describe('reportArchive.export', () => {
  async function sheet(file: ExportedFile, name: string): Promise<string[][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(decode(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(name)!;
    return ws.getRows(1, ws.rowCount)!.map((r) => (r.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
  }
  /** The rows under a header row that starts with `first`, up to the next blank row. */
  function table(rows: string[][], first: string): string[][] {
    const start = rows.findIndex((r) => r[0] === first);
    const end = rows.findIndex((r, i) => i > start && r.every((c) => c === ''));
    return rows.slice(start + 1, end === -1 ? undefined : end);
  }

  it('xlsx: every report of the week once, each with every truck that used it', async () => {
    const file = await f.call('reportArchive.export', { ...WEEK, format: 'xlsx' }, supervisor);
    const reports = table(await sheet(file, '报告档案'), '序号');
    expect(reports.map((r) => r[1]).sort()).toEqual([...IN_WEEK].sort());
    const trucks = table(await sheet(file, '使用车辆'), '报告编号');
    const pairs = trucks.map((r) => [r[0]!, r[1]!, Math.round(Number(r[7]) * 1000)] as const);
    const want = IN_WEEK.flatMap((n) => [...expected.get(n)!].map(([record, kg]) => [n, record, kg] as const));
    expect(pairs.slice().sort()).toEqual(want.slice().sort());
    expect(trucks.map((r) => r[1])).not.toContain(trainingRecord);
    const scans = table(await sheet(file, '扫描件'), '报告编号');
    expect(scans.map((r) => [r[0], r[4]]).sort()).toEqual([[R.origins, pdfScan.sha256], [R.tonnage, photoSha]].sort());
    expect(file.trucks).toBe(want.length);
  });

  it('pdf: the archive table links every truck to its report; the appendix embeds the photo and lists the PDF scan', async () => {
    const file = await f.call('reportArchive.export', { ...WEEK, format: 'pdf' }, supervisor);
    const pdf = writePdf(decode(file), 'archive');
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\n');
    for (const n of IN_WEEK) {
      for (const record of expected.get(n)!.keys()) {
        expect(lines.filter((l) => l.includes(record) && l.includes(n)), `${n} ${record}`).toHaveLength(1);
      }
    }
    expect(lines.some((l) => l.includes(trainingRecord) || l.includes(R.later))).toBe(false);
    const flat = pdfText(pdf);
    expect(flat).toContain('附件：质检报告扫描件');
    expect(flat).toContain(`SHA-256：${pdfScan.sha256}`);
    expect(flat).toContain('报告扫描.pdf');
    expect(flat).toContain('合计5份');
    // The photo attached to two trucks is one image (pdfimages lists a soft mask beside it as 'smask').
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
    expect(images).toHaveLength(1);
  });

  it('pdf: a scan altered on disk is listed with the reason, never printed as the report', async () => {
    const file = path.join(path.dirname(f.dbPath), 'attachments', photoSha);
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([original, Buffer.from([0])]));
    try {
      const pdf = writePdf(decode(await f.call('reportArchive.export', { ...WEEK, format: 'pdf' }, supervisor)), 'archive-altered');
      expect(pdfText(pdf)).toContain(`未嵌入：附件文件已损坏或被改动（${photoSha}）`.replace(/\s+/g, ''));
      expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('is for oversight only, audited, and refuses a bad period storing nothing', async () => {
    const r = await f.raw('reportArchive.export', { ...WEEK, format: 'xlsx' }, await as('kiosk', f.clock.now.toISOString()));
    expect(!r.ok && r.error.code).toBe('forbidden');
    const before = f.count('audit_log');
    const bad = await f.raw('reportArchive.export', { from: '2026-11-29', to: '2026-11-23', format: 'pdf' }, supervisor);
    expect(!bad.ok && bad.error.code).toBe('invalid-input');
    const csv = await f.raw('reportArchive.export', { ...WEEK, format: 'csv' }, supervisor);
    expect(!csv.ok && csv.error.code).toBe('invalid-input');
    expect(f.count('audit_log')).toBe(before);
    await f.call('reportArchive.export', { ...WEEK, format: 'xlsx' }, supervisor);
    const last = f.app.db.prepare('SELECT action, actor_name, after_json FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; actor_name: string; after_json: string };
    expect([last.action, last.actor_name, JSON.parse(last.after_json).reports]).toEqual(['reportArchive.export', 'supervisor1', IN_WEEK.length]);
  });
});

describe('checkpoint export report-archive', () => {
  const run = async (args: string[], stdin = '') => {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; } }, stdin: Readable.from([stdin]) } as never;
    return { code: await main(args, io), out, err };
  };

  it('writes the PDF the service makes; a wrong format is refused before anything is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-archive-'));
    const out = path.join(dir, 'archive.pdf');
    const args = ['export', 'report-archive', '--from', WEEK.from, '--to', WEEK.to, '--db', f.dbPath, '--user', 'supervisor1', '--password-stdin'];
    expect(await run([...args, '--format', 'pdf', '--out', out], 'user-pass-1\n')).toMatchObject({ code: 0 });
    expect(pdfText(out)).toContain('煤炭质量检验报告专管档案');
    const wrong = await run([...args, '--format', 'csv', '--out', path.join(dir, 'a.csv')], 'user-pass-1\n');
    expect(wrong.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'a.csv'))).toBe(false);
  });
});
