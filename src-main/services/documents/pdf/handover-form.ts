/**
 * 移交单: hands seized or confiscated coal to the disposal point; 一式三份 (handing unit, receiving
 * unit, case file). Fields follow the derived list in the reference (PART B4); no Hebei template exists.
 */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData, type HandoverCaseLine, type HandoverInfo } from './types.ts';
import { dateTimeZh, instantDateZh } from './format.ts';
import { itemsTable, officerSignatures, partyNames, tonnesCell } from './sections.ts';
import type { OfficialDocument } from './layout.ts';

const STATUS_ZH: Record<HandoverInfo['legalStatus'], string> = {
  seized: '扣押中（委托保管）',
  confiscated: '已没收',
  'early-disposal': '先行处置',
};

/** A handover of several cases: one line per case and coal kind, so the paper covers all the coal received. */
function handoverCasesTable(w: OfficialDocument, cases: HandoverCaseLine[]): void {
  const rows = cases.flatMap((c) => c.items.map((i) => [c.caseNumber, c.decisionNumber, STATUS_ZH[c.legalStatus], i.coalKind, tonnesCell(i.quantityKg)]));
  const totalKg = cases.reduce((sum, c) => sum + c.items.reduce((s, i) => s + i.quantityKg, 0), 0);
  rows.push(['合计', `${cases.length}件`, '', '', tonnesCell(totalKg)]);
  w.table(
    [
      { header: '案件编号', weight: 2.0 },
      { header: '决定书文号', weight: 3.5 },
      { header: '法律状态', weight: 2.1 },
      { header: '煤种', weight: 1.2 },
      { header: '数量（吨）', weight: 1.6, align: 'right' },
    ],
    rows,
  );
}

export const handoverForm: DocumentTemplate<CaseDocumentData> = {
  title: '涉案煤炭移交单',
  copies: ['第一联 移交单位留存', '第二联 接收单位留存', '第三联 归入案卷'],
  draw(w, data) {
    const h = requireSection('handover-form', data, 'handover');
    w.fieldRow([
      ['案件编号', data.caseNumber],
      ['决定书文号', data.decisionNumber],
    ]);
    w.fieldRow([
      ['法律状态', STATUS_ZH[h.legalStatus]],
      ['批准文号', h.approvalRef ?? ''],
    ]);
    w.fieldRow([
      ['当事人', partyNames(data.parties)],
      ['车辆号牌', data.vehiclePlates.join('、')],
    ]);
    w.fieldRow([
      ['检验报告编号', h.labReportNo ?? ''],
      ['不合格项目', h.failingItems ?? ''],
    ]);
    w.fieldRow([
      ['移交时间', dateTimeZh(h.handedOverAt)],
      ['移交地点', h.place],
    ]);
    w.fieldRow([
      ['移交单位', data.agency.name],
      ['接收单位', h.receivingUnit],
    ]);
    if (h.cases && h.cases.length > 1) handoverCasesTable(w, h.cases);
    else itemsTable(w, data);
    w.paragraph(
      h.signedQrText
        ? '右上角二维码含本移交单的案件、数量、煤种、检查站标识、内容哈希及数字签名，接收单位扫码导入时核验签名。'
        : `本移交单数据已随附签名文件${h.signedFileName ? `“${h.signedFileName}”` : ''}，接收单位导入时核验签名；右上角二维码用于核对本纸质文书。`,
    );
    const signers = [...officerSignatures(data), { role: '接收人', name: h.receiverName, note: `接收单位：${h.receivingUnit}` }, ...(data.witness ? [{ role: '见证人', name: data.witness.name }] : [])];
    w.signaturesWithSeal(signers, data.agency.name, instantDateZh(h.handedOverAt), [
      '以上煤炭经双方当场核对（复磅）无误。本移交单一式三份，移交单位、接收单位各执一份，一份归入案卷。',
    ]);
  },
};
