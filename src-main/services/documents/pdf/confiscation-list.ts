/**
 * 没收物品清单: the coal a penalty decision confiscated (行政强制法 art.27; 大气污染防治法 art.103), citing
 * that decision's number and date; custody coal becomes confiscated coal only with it.
 */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateZh } from './format.ts';
import { itemsTable, officerSignatures, partyAndWitnessSignatures, partyNames } from './sections.ts';

export const confiscationList: DocumentTemplate<CaseDocumentData> = {
  title: '没收物品清单',
  copies: ['第一联 当事人留存', '第二联 行政机关留存'],
  draw(w, data) {
    const c = requireSection('confiscation-list', data, 'confiscation');
    w.fieldRow([
      ['当事人', partyNames(data.parties), 3],
      ['案件编号', data.caseNumber, 2],
    ]);
    w.field('行政处罚决定书文号', `${c.penaltyDecisionNumber}（${dateZh(c.penaltyDecisionDate)}作出）`);
    w.fieldRow([
      ['强制措施决定书文号', data.decisionNumber, 3],
      ['没收日期', dateZh(c.date), 2],
    ]);
    w.paragraph(`根据${c.penaltyDecisionNumber}行政处罚决定书，本机关对下列物品予以没收：`);
    itemsTable(w, data);
    w.signaturesWithSeal([...officerSignatures(data), ...partyAndWitnessSignatures(data)], data.agency.name, dateZh(c.date), [
      '以上物品经当事人（见证人）与执法人员当场清点核对无误。没收物品依照国家有关规定处理，所得款项全部上缴国库。本清单一式二份，由当事人和行政机关分别保存。',
    ]);
  },
};
