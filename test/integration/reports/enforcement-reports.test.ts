/**
 * The enforcement figures of the supervisors' dashboard and exports, against cases, handovers and ledger
 * movements made through the services. Timeline (Beijing dates, heating season from 15 November):
 *   case E decided 11-10 (before the season), A 11-20, B 11-28 — all still under seizure;
 *   case C decided 12-02, confiscated and handed over 12-03, received 12-03 (40 kg short),
 *   sold 20 t on 12-04, 5 t blended on 12-05 and that entry reversed on 12-06.
 * Everything is looked at on 12-16: E's term ended 12-10, A's ends 12-20 (4 days), B's 12-28 (12 days).
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';
import { completeDraft, setUpEnforcement, type Enforcement } from '../cases/helpers.ts';
import type { EnforcementCase, ExportedFile } from '../../../src-shared/contract/index.ts';
import { pdfText, writePdf } from '../documents/pdf-text.ts';

let f: Fixture;
let e: Enforcement;
const cases: Record<'E' | 'A' | 'B' | 'C', EnforcementCase> = {} as never;
const KG = { E: 18_500, A: 31_240, B: 25_000, C: 40_000 };
const RECEIVED_KG = KG.C - 40;
const SOLD_KG = 20_000;
const LOOKED_AT = '2026-12-16T02:00:00Z';

type Role = 'officer' | 'supervisor' | 'disposal';
/** Sessions end after 12 idle hours, so each jump of the test clock logs in afresh. */
async function at(iso: string, role: Role) {
  f.clock.now = new Date(iso);
  return (await f.call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token;
}

async function decideAt(iso: string, quantityKg: number): Promise<EnforcementCase> {
  const token = await at(iso, 'officer');
  const seizedAt = new Date(Date.parse(iso) - 3600_000).toISOString();
  const draft = completeDraft(e.pointId, {
    seizedAt,
    approval: { approverName: '王局长', approvedAt: new Date(Date.parse(iso) - 7200_000).toISOString(), emergency: false },
    items: [{ coalKind: '劣质散煤', quantityKg, measuredBy: 'weighbridge', weighTicketNo: `BD-${iso}`, sealNumbers: ['FT-01'] }],
  });
  const opened = await f.call('cases.open', { draft }, token);
  return f.call('cases.decide', { id: opened.id }, token);
}

const decode = (file: ExportedFile) => Buffer.from(file.base64, 'base64');
/** A PDF's table rows as pdftotext lays them out: label → the figures printed after it on its line. */
function pdfRows(file: ExportedFile, name: string): { text: string; row(label: string): string[] | undefined } {
  const path = writePdf(decode(file), name);
  const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim().split(/\s{2,}/));
  return { text: pdfText(path), row: (label) => lines.find((cells) => cells[0] === label)?.slice(1) };
}
async function sheetOf(file: ExportedFile, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(decode(file) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(name)!;
  return {
    sheet,
    row: (label: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === label),
    /** Tonnes cells back to kg: the cell holds kg / 1000. */
    kg: (label: string, column: number) => Math.round((sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === label)!.getCell(column).value as number) * 1000),
  };
}

beforeAll(async () => {
  f = await createFixture();
  e = await setUpEnforcement(f);
  cases.E = await decideAt('2026-11-10T02:00:00Z', KG.E);
  cases.A = await decideAt('2026-11-20T02:00:00Z', KG.A);
  cases.B = await decideAt('2026-11-28T02:00:00Z', KG.B);
  cases.C = await decideAt('2026-12-02T02:00:00Z', KG.C);

  const officer = await at('2026-12-03T02:00:00Z', 'officer');
  await f.call('cases.confiscate', { id: cases.C.id, reason: '经检测不合格，依法没收', penaltyDecisionNo: '冀承市监罚〔2026〕9号', penaltyDecisionDate: '2026-12-03' }, officer);
  const handover = await f.call('handovers.create', { caseIds: [cases.C.id], disposalPointId: e.pointId, receiverName: '孙敏' }, officer);
  let disposal = await at('2026-12-03T06:00:00Z', 'disposal');
  const imported = await f.call('handovers.import', { text: handover.fileText }, disposal);
  const line = imported.cases[0]!;
  await f.call('ledger.receive', { handoverId: imported.id, caseRef: line.caseRef, coalKind: line.coalKind, quantityKg: RECEIVED_KG, differenceReason: '复磅差异' }, disposal);
  const bucket = { pointId: e.pointId, caseRef: line.caseRef, coalKind: line.coalKind };
  disposal = await at('2026-12-04T02:00:00Z', 'disposal');
  await f.call('ledger.dispose', { ...bucket, method: 'sale', quantityKg: SOLD_KG, authorityRef: '冀承发改处〔2026〕1号', counterparty: '承德热力公司', proceedsFen: 1_600_000, treasuryRemittanceRef: 'GK-2026-0001' }, disposal);
  disposal = await at('2026-12-05T02:00:00Z', 'disposal');
  const blended = await f.call('ledger.dispose', { ...bucket, method: 'blending', quantityKg: 5_000, authorityRef: '冀承发改处〔2026〕2号' }, disposal);
  disposal = await at('2026-12-06T02:00:00Z', 'disposal');
  await f.call('ledger.reverse', { movementId: blended.id, reason: '录入错误' }, disposal);
});

describe('dashboard enforcement figures', () => {
  it('raises disposal-point stock held longer than the setting, naming the case and the point', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const admin = (await f.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).token;
    const held = async (days: number) => {
      await f.call('settings.update', { stockHeldMaxDays: days }, admin);
      return (await f.call('reports.dashboard', { from: '2026-12-16', to: '2026-12-16' }, sup)).problems.find((p) => p.kind === 'stockHeldTooLong');
    };
    // Received on 3 December, looked at on the 16th: held 13 days.
    expect(await held(12)).toEqual({
      kind: 'stockHeldTooLong', count: 1, refs: [`${cases.C.caseNumber}（承德县发改局煤炭处置点）`], params: { days: 12, tonnes: ((RECEIVED_KG - SOLD_KG) / 1000).toFixed(3) },
    });
    expect(await held(13)).toBeUndefined();
    await f.call('settings.update', { stockHeldMaxDays: 30 }, admin);
  });

  it('totals equal what the services recorded', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const d = (await f.call('reports.dashboard', { from: '2026-11-01', to: '2026-12-16' }, sup)).enforcement;
    expect(d.seizures).toEqual({ cases: 4, netKg: KG.E + KG.A + KG.B + KG.C });
    expect(d.handovers).toEqual({ handovers: 1, totalKg: KG.C });
    // The blending was reversed: only the sale stands.
    expect(d.disposals).toEqual([{ method: 'sale', movements: 1, quantityKg: SOLD_KG }]);
    expect(d.stock).toEqual([{ pointId: e.pointId, code: 'CDX01', name: '承德县发改局煤炭处置点', receivedKg: RECEIVED_KG, disposedKg: SOLD_KG, stockKg: RECEIVED_KG - SOLD_KG }]);

    const inNovember = (await f.call('reports.dashboard', { from: '2026-11-15', to: '2026-11-30' }, sup)).enforcement;
    expect(inNovember.seizures).toEqual({ cases: 2, netKg: KG.A + KG.B });
    expect(inNovember.handovers).toEqual({ handovers: 0, totalKg: 0 });
    expect(inNovember.disposals).toEqual([]);
  });

  it('lists the cases under seizure by fewest legal days left, with their term state', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const { openCases } = (await f.call('reports.dashboard', { from: '2026-12-16', to: '2026-12-16' }, sup)).enforcement;
    expect(openCases.map((c) => [c.caseNumber, c.term?.endDate, c.term?.remainingDays, c.term?.state])).toEqual([
      [cases.E.caseNumber, '2026-12-10', -6, 'expired'],
      [cases.A.caseNumber, '2026-12-20', 4, 'due-soon'],
      [cases.B.caseNumber, '2026-12-28', 12, 'running'],
    ]);
  });

  it('opens the records each figure was computed from', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const period = { from: '2026-11-01', to: '2026-12-16' };
    const records = (input: Omit<Parameters<typeof f.call<'reports.enforcementRecords'>>[1], 'from' | 'to'>) =>
      f.call('reports.enforcementRecords', { ...period, ...input }, sup);

    const seizures = await records({ figure: 'seizures' });
    expect(seizures.figure).toBe('seizures');
    if (seizures.figure !== 'seizures') return;
    expect(seizures.rows.map((r) => r.caseNumber)).toEqual([cases.E, cases.A, cases.B, cases.C].map((c) => c.caseNumber));
    expect(seizures.rows.reduce((s, r) => s + r.netKg, 0)).toBe(KG.E + KG.A + KG.B + KG.C);
    expect(seizures.rows.find((r) => r.id === cases.C.id)!.term).toBeNull();

    const handovers = await records({ figure: 'handovers' });
    if (handovers.figure !== 'handovers') throw new Error(handovers.figure);
    expect(handovers.rows.map((r) => [r.caseRefs, r.totalKg])).toEqual([[[cases.C.caseNumber], KG.C]]);

    const disposals = await records({ figure: 'disposals' });
    if (disposals.figure !== 'disposals') throw new Error(disposals.figure);
    expect(disposals.rows.map((r) => [r.method, r.quantityKg, r.counterparty])).toEqual([['sale', SOLD_KG, '承德热力公司']]);
    const blending = await records({ figure: 'disposals', method: 'blending' });
    expect(blending.rows).toEqual([]);

    const stock = await records({ figure: 'stock', pointId: e.pointId });
    if (stock.figure !== 'stock') throw new Error(stock.figure);
    expect(stock.rows.map((r) => [r.caseRef, r.stockKg])).toEqual([[cases.C.caseNumber, RECEIVED_KG - SOLD_KG]]);

    const open = await records({ figure: 'openCases' });
    expect(open.rows).toHaveLength(3);
  });

  it('drill-downs are for supervisors and administrators only', async () => {
    const officer = await at(LOOKED_AT, 'officer');
    const result = await f.raw('reports.enforcementRecords', { from: '2026-11-01', to: '2026-12-16', figure: 'stock' }, officer);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
  });
});

describe('monthly report enforcement figures', () => {
  it('xlsx: November beside the season to date (15–30 November), terms judged on the export day', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const { row, kg } = await sheetOf(await f.call('reports.exportMonthly', { month: '2026-11', format: 'xlsx' }, sup), '月报');
    expect([row('作出查封扣押决定（件）')!.getCell(2).value, row('作出查封扣押决定（件）')!.getCell(3).value]).toEqual([3, 2]);
    expect(kg('查封扣押煤炭（吨）', 2)).toBe(KG.E + KG.A + KG.B);
    expect(kg('查封扣押煤炭（吨）', 3)).toBe(KG.A + KG.B);
    expect(row('查封扣押煤炭（吨）')!.getCell(2).numFmt).toBe('0.000');
    expect(row('移交处置点（次）')!.getCell(2).value).toBe(0);
    expect(kg('处置点期末库存（吨）', 2)).toBe(0);
    // E expired and A is within 5 days; only A was decided in the season.
    expect([row('期限临近或已届满的在押案件（件）')!.getCell(2).value, row('期限临近或已届满的在押案件（件）')!.getCell(3).value]).toEqual([2, 1]);
    expect(row(cases.A.caseNumber)!.getCell(5).value).toBe(4);
  });

  it('xlsx and csv: December carries the handover, the standing disposals and the stock at month end', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const { row, kg } = await sheetOf(await f.call('reports.exportMonthly', { month: '2026-12', format: 'xlsx' }, sup), '月报');
    expect([row('作出查封扣押决定（件）')!.getCell(2).value, row('作出查封扣押决定（件）')!.getCell(3).value]).toEqual([1, 3]);
    expect(kg('移交煤炭（吨）', 2)).toBe(KG.C);
    expect(row('处置（笔）')!.getCell(2).value).toBe(1);
    expect(kg('处置方式：变卖（吨）', 2)).toBe(SOLD_KG);
    expect(kg('处置方式：掺配（吨）', 2)).toBe(0);
    expect(kg('处置点期末库存（吨）', 2)).toBe(RECEIVED_KG - SOLD_KG);
    expect(kg('承德县发改局煤炭处置点（CDX01）', 2)).toBe(RECEIVED_KG);
    expect(kg('承德县发改局煤炭处置点（CDX01）', 4)).toBe(RECEIVED_KG - SOLD_KG);

    const csv = decode(await f.call('reports.exportMonthly', { month: '2026-12', format: 'csv' }, sup)).toString('utf8');
    expect(csv).toContain(`处置点期末库存（吨）,${((RECEIVED_KG - SOLD_KG) / 1000).toFixed(3)},${((RECEIVED_KG - SOLD_KG) / 1000).toFixed(3)}\r\n`);
    expect(csv).toContain(`查封扣押煤炭（吨）,${(KG.C / 1000).toFixed(3)},${((KG.A + KG.B + KG.C) / 1000).toFixed(3)}\r\n`);
  });

  it('pdf: the figures and the overdue cases, named', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const november = pdfRows(await f.call('reports.exportMonthly', { month: '2026-11', format: 'pdf' }, sup), 'monthly-november');
    expect(november.text).toContain('查封扣押、移交及处置情况');
    expect(november.row('作出查封扣押决定（件）')).toEqual(['3', '2']);
    expect(november.row('查封扣押煤炭（吨）')).toEqual([((KG.E + KG.A + KG.B) / 1000).toFixed(3), ((KG.A + KG.B) / 1000).toFixed(3)]);
    expect(november.row(cases.A.caseNumber)).toEqual(['冀H·12345', '2026-11-20', '2026-12-20', '4', '即将届满']);
    // Problems are raised over every case under seizure on the day of the export, each case named.
    expect(november.text).toContain(`1件查封扣押案件期限将在5日内届满：${cases.A.caseNumber}`);
    expect(november.text).toContain(`1件查封扣押案件期限已届满仍未处理：${cases.E.caseNumber}`);

    const december = pdfRows(await f.call('reports.exportMonthly', { month: '2026-12', format: 'pdf' }, sup), 'monthly-december');
    expect(december.row('移交煤炭（吨）')).toEqual([(KG.C / 1000).toFixed(3), (KG.C / 1000).toFixed(3)]);
    expect(december.row('处置方式：变卖（吨）')).toEqual([(SOLD_KG / 1000).toFixed(3), (SOLD_KG / 1000).toFixed(3)]);
    expect(december.row('处置点期末库存（吨）')).toEqual([((RECEIVED_KG - SOLD_KG) / 1000).toFixed(3), ((RECEIVED_KG - SOLD_KG) / 1000).toFixed(3)]);
  });

  it('an empty period still gives valid exports, with zeros', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const { row } = await sheetOf(await f.call('reports.exportMonthly', { month: '2026-03', format: 'xlsx' }, sup), '月报');
    expect(row('作出查封扣押决定（件）')!.getCell(2).value).toBe(0);
    expect(row('处置点期末库存（吨）')!.getCell(2).value).toBe(0);
    const csv = decode(await f.call('reports.exportMonthly', { month: '2026-03', format: 'csv' }, sup)).toString('utf8');
    expect(csv).toContain('移交处置点（次）,0,0\r\n');
    const pdf = pdfRows(await f.call('reports.exportMonthly', { month: '2026-03', format: 'pdf' }, sup), 'monthly-empty');
    expect(pdf.row('作出查封扣押决定（件）')).toEqual(['0', '0']);
    expect(pdf.row('处置点期末库存（吨）')).toEqual(['0.000', '0.000']);
  });
});

describe('weekly log summary sheet', () => {
  it('汇总 carries the week beside the season to date', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const { row, kg } = await sheetOf(await f.call('reports.exportWeekly', { week: '2026-W49', format: 'xlsx' }, sup), '汇总');
    expect([row('作出查封扣押决定（件）')!.getCell(2).value, row('作出查封扣押决定（件）')!.getCell(3).value]).toEqual([1, 3]);
    expect(row('移交处置点（次）')!.getCell(2).value).toBe(1);
    expect(kg('处置煤炭合计（吨）', 2)).toBe(SOLD_KG);
    expect(kg('处置点期末库存（吨）', 2)).toBe(RECEIVED_KG - SOLD_KG);
    expect(row('期限临近或已届满的在押案件（件）')!.getCell(3).value).toBe(1);
  });

  it('the streamed log keeps its layout: widths, header, filter, print titles, page header and footer', async () => {
    const sup = await at(LOOKED_AT, 'supervisor');
    const admin = (await f.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).token;
    const { sampleRegistration, seededRandom } = await import('../../../src-main/demo/sample-registration.ts');
    await f.call('registrations.create', { ...sampleRegistration(seededRandom(7)), weightSource: 'manual', manualReason: '地磅未接入' }, admin);
    const file = await f.call('reports.exportWeekly', { week: '2026-W51', format: 'xlsx' }, sup);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(decode(file) as unknown as ArrayBuffer);
    const log = wb.getWorksheet('登记台账')!;
    expect(log.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(log.getColumn(2).width).toBe(19);
    expect(log.getRow(1).getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFE7ECF3' } });
    expect(log.getRow(1).font).toMatchObject({ bold: true });
    expect(log.autoFilter).toBeTruthy();
    expect(log.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(log.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(log.getRow(2).getCell(19).numFmt).toBe('0.000');
    expect(log.getRow(3).getCell(1).value).toBe('合计');
    expect(log.getRow(3).font).toMatchObject({ bold: true });
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(summary.getColumn(1).width).toBe(26);
  });
});
