/**
 * 运煤车辆信息登记台账 across the city's checkpoints: one sheet, the checkpoint first, then each truck of the
 * range as its checkpoint's register lists it (the trucks the figures count). ID numbers are masked, as in a
 * checkpoint's default export: the full number stays at the checkpoint.
 */
import ExcelJS from 'exceljs';
import type { HubSql } from '../../../db/hub/sql.ts';
import type { ExportedFile } from '../../../src-shared/contract/reports.ts';
import { maskIdNumber } from '../../../src-shared/domain/personal-mask.ts';
import { toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { periodBounds, type LocalPeriod } from '../../../src-shared/domain/report-period.ts';
import { flag, TRUCKS_CTE } from './trucks-sql.ts';

const OFFSET_MS = 8 * 3600_000;
export const REGISTER_SHEET = '运煤车辆信息登记台账';

interface TruckLine {
  checkpoint: string; record_number: string; passed_at: string; plate: string; trailer_plate: string | null; driver_name: string;
  driver_id_number: string; carrier: string; origin: string; consignee: string; destination: string; coal_kind: string;
  gross_kg: number; tare_kg: number; net_kg: number; weight_source: string; via: boolean; transit: boolean | null;
  report_number: string | null; outcome: string | null;
}

const LINES_SQL = /* sql */ `
  WITH ${TRUCKS_CTE}
  SELECT i.name AS checkpoint, r->>'record_number' AS record_number, passed_at, r->>'plate' AS plate, r->>'trailer_plate' AS trailer_plate,
    r->>'driver_name' AS driver_name, r->>'driver_id_number' AS driver_id_number, r->>'carrier' AS carrier, r->>'origin' AS origin,
    r->>'consignee' AS consignee, r->>'destination' AS destination, r->>'coal_kind' AS coal_kind,
    (r->>'gross_kg')::bigint AS gross_kg, (r->>'tare_kg')::bigint AS tare_kg, (r->>'net_kg')::bigint AS net_kg,
    r->>'weight_source' AS weight_source, ${flag("r->>'via_designated_route'")} AS via,
    CASE WHEN (r->'transit') IS NULL THEN NULL ELSE ${flag("r->>'transit'")} END AS transit,
    r->>'report_number' AS report_number, outcome
  FROM judged JOIN installations i ON i.id = judged.iid
  ORDER BY i.name, i.id, passed_at, r->>'record_number'`;

const YES_NO = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
const tonnes = (kg: number) => kg / 1000;

const COLUMNS: { header: string; width: number; numFmt?: string; value(l: TruckLine): ExcelJS.CellValue }[] = [
  { header: '检查站', width: 18, value: (l) => l.checkpoint },
  { header: '登记编号', width: 20, value: (l) => l.record_number },
  // Excel dates have no zone: the Beijing wall-clock time the checkpoint saw.
  { header: '通过时间', width: 17, numFmt: 'yyyy-mm-dd hh:mm', value: (l) => new Date(Date.parse(l.passed_at) + OFFSET_MS) },
  { header: '车牌号', width: 11, value: (l) => l.plate },
  { header: '挂车号', width: 11, value: (l) => l.trailer_plate ?? '' },
  { header: '驾驶员', width: 9, value: (l) => l.driver_name },
  { header: '身份证号', width: 20, value: (l) => (l.driver_id_number ? maskIdNumber(l.driver_id_number) : '') },
  { header: '承运单位', width: 16, value: (l) => l.carrier },
  { header: '煤炭产地', width: 14, value: (l) => l.origin },
  { header: '收货单位', width: 16, value: (l) => l.consignee },
  { header: '目的地', width: 14, value: (l) => l.destination },
  { header: '煤种', width: 9, value: (l) => l.coal_kind },
  { header: '毛重（吨）', width: 10, numFmt: '0.000', value: (l) => tonnes(l.gross_kg) },
  { header: '皮重（吨）', width: 10, numFmt: '0.000', value: (l) => tonnes(l.tare_kg) },
  { header: '净重（吨）', width: 10, numFmt: '0.000', value: (l) => tonnes(l.net_kg) },
  { header: '称重方式', width: 9, value: (l) => (l.weight_source === 'scale' ? '地磅' : '人工录入') },
  { header: '走运煤通道', width: 10, value: (l) => YES_NO(l.via) },
  { header: '过境车辆', width: 9, value: (l) => YES_NO(l.transit) },
  { header: '检验报告编号', width: 18, value: (l) => l.report_number ?? '' },
  { header: '核查结果', width: 10, value: (l) => l.outcome ?? '' },
];

export async function exportCityRegister(sql: HubSql, period: LocalPeriod, who: { username: string; hubName: string }, now: Date): Promise<ExportedFile> {
  const { fromIso, toIso } = periodBounds(period);
  const { rows } = await sql.query<TruckLine>(LINES_SQL, [fromIso, toIso]);
  const wb = new ExcelJS.Workbook();
  wb.creator = who.username;
  wb.created = now;
  wb.title = `${REGISTER_SHEET} ${period.from}至${period.to}`;
  wb.company = who.hubName;
  const sheet = wb.addWorksheet(REGISTER_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: `&C${`${who.hubName} ${REGISTER_SHEET} ${period.from}至${period.to}`.replaceAll('&', '&&')}`, oddFooter: `&L导出：${who.username.replaceAll('&', '&&')} ${toLocalIso(now).slice(0, 16).replace('T', ' ')}&R第 &P 页 共 &N 页` },
  });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const line of rows) sheet.addRow(COLUMNS.map((c) => c.value(line)));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    filename: `${REGISTER_SHEET}-全市-${period.from}至${period.to}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'), trucks: rows.length,
  };
}
