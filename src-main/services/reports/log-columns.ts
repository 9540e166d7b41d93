/**
 * Columns of the checkpoint log (运煤车辆信息登记台账) as exported: one definition used by the xlsx and
 * csv writers. Weights leave as tonnes (kg / 1000); ID and phone numbers are masked unless asked not to.
 */
import type { RegisterRow } from './register-rows.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { maskIdNumber } from '../../../src-shared/domain/id-number.ts';
import { maskPhone } from '../../../src-shared/domain/phone-mask.ts';
import { formatPlate } from '../../../src-shared/domain/plate.ts';
import { localMinute } from './content.ts';

export type CellValue = string | number | Date | null;

/** A cell as text (csv, paper): Beijing minute for times, tonnes with three decimals. */
export function cellText(value: CellValue, kind: LogColumn['kind']): string {
  if (value === null) return '';
  if (value instanceof Date) return localMinute(value);
  if (kind === 'tonnes' && typeof value === 'number') return value.toFixed(3);
  return String(value);
}

export interface LogColumn {
  header: string;
  /** Width in characters (xlsx). */
  width: number;
  kind: 'text' | 'count' | 'tonnes' | 'datetime';
  value(row: RegisterRow, index: number, masked: boolean): CellValue;
  /** Kg summed for the totals row (tonnes columns only). */
  kg?(row: RegisterRow): number;
}

const zh = (key: string) => translate('zh-CN', key);
const yesNo = (flag: number) => (flag === 1 ? '是' : '否');
const coalKindText = (r: RegisterRow): string => (r.coalKind === 'other' && r.coalKindOther ? r.coalKindOther : zh(`coalKinds.${r.coalKind}`));
const tonnes = (header: string, kgOf: (r: RegisterRow) => number): LogColumn => ({
  header, width: 11, kind: 'tonnes', value: (r) => kgOf(r) / 1000, kg: kgOf,
});

const outcomeText = (r: RegisterRow) => (r.outcome ? zh(`certificates.outcomes.${r.outcome}`) : r.hasReport === 1 ? '未核验' : '');

export const LOG_COLUMNS: LogColumn[] = [
  { header: '序号', width: 7, kind: 'count', value: (_, i) => i + 1 },
  { header: '登记编号', width: 19, kind: 'text', value: (r) => r.recordNumber },
  // An amended truck shows its current revision, marked so a reader knows the first entry was corrected.
  { header: '版本', width: 10, kind: 'text', value: (r) => (r.revision === 1 ? '1' : `${r.revision}（已更正）`) },
  { header: '登记时间', width: 17, kind: 'datetime', value: (r) => new Date(r.passedAt) },
  { header: '牵引车号牌', width: 12, kind: 'text', value: (r) => formatPlate(r.plate) },
  { header: '挂车号牌', width: 12, kind: 'text', value: (r) => (r.trailerPlate ? formatPlate(r.trailerPlate) : '') },
  { header: '驾驶员', width: 9, kind: 'text', value: (r) => r.driverName },
  { header: '身份证号码', width: 21, kind: 'text', value: (r, _, masked) => (masked ? maskIdNumber(r.driverIdNumber) : r.driverIdNumber) },
  { header: '联系电话', width: 14, kind: 'text', value: (r, _, masked) => (masked ? maskPhone(r.driverPhone) : r.driverPhone) },
  { header: '承运单位', width: 24, kind: 'text', value: (r) => r.carrier },
  { header: '煤炭来源', width: 16, kind: 'text', value: (r) => r.origin },
  { header: '收货单位', width: 20, kind: 'text', value: (r) => r.consignee },
  { header: '目的地', width: 16, kind: 'text', value: (r) => r.destination },
  { header: '煤种', width: 10, kind: 'text', value: coalKindText },
  { header: '用途', width: 6, kind: 'text', value: (r) => zh(`uses.${r.intendedUse}`) },
  tonnes('申报重量(吨)', (r) => r.declaredKg),
  tonnes('毛重(吨)', (r) => r.grossKg),
  tonnes('皮重(吨)', (r) => r.tareKg),
  tonnes('净重(吨)', (r) => r.netKg),
  { header: '称重方式', width: 9, kind: 'text', value: (r) => zh(`weightSources.${r.weightSource}`) },
  { header: '手工录入原因', width: 16, kind: 'text', value: (r) => r.manualReason ?? '' },
  { header: '专用通道', width: 8, kind: 'text', value: (r) => yesNo(r.viaDesignatedRoute) },
  // 过境: destination beyond 承德市, the trucks the route target counts (domain/transit.ts).
  { header: '过境车辆', width: 8, kind: 'text', value: (r) => yesNo(r.transit) },
  { header: '购销合同', width: 8, kind: 'text', value: (r) => yesNo(r.hasContract) },
  { header: '质检报告', width: 8, kind: 'text', value: (r) => yesNo(r.hasReport) },
  { header: '报告编号', width: 14, kind: 'text', value: (r) => r.reportNumber ?? '' },
  { header: '检测机构', width: 20, kind: 'text', value: (r) => r.lab ?? '' },
  { header: 'CMA编号', width: 14, kind: 'text', value: (r) => r.cmaNumber ?? '' },
  { header: '核查结论', width: 9, kind: 'text', value: (r) => (r.verdict ? zh(`certificates.verdicts.${r.verdict}`) : '') },
  { header: '处置', width: 9, kind: 'text', value: outcomeText },
  { header: '样品编号', width: 14, kind: 'text', value: (r) => r.sampleNumber ?? '' },
  { header: '案号', width: 22, kind: 'text', value: (r) => r.caseNumber ?? '' },
  { header: '案件状态', width: 11, kind: 'text', value: (r) => (r.casePhase ? zh(`cases.phases.${r.casePhase}`) : '') },
  { header: '登记人', width: 10, kind: 'text', value: (r) => r.operatorName },
  { header: '执法人员', width: 18, kind: 'text', value: (r) => r.officersOnDuty },
];

/** Running sums for the totals row: trucks and kg per tonnes column. */
export class LogTotals {
  trucks = 0;
  readonly kg = LOG_COLUMNS.map(() => 0);

  add(row: RegisterRow): void {
    this.trucks++;
    LOG_COLUMNS.forEach((c, i) => {
      if (c.kg) this.kg[i]! += c.kg(row);
    });
  }

  /** The totals row: 合计, the number of trucks, then tonnes under each weight column. */
  cells(): CellValue[] {
    return LOG_COLUMNS.map((c, i) => (i === 0 ? '合计' : i === 1 ? `${this.trucks} 辆` : c.kg ? this.kg[i]! / 1000 : null));
  }
}
