/** （场所/设施/财物）清单 (SAMR 范本 22), here 财物清单: one per decision, 一式二份 (行政强制法 art.24). */
import type { DocumentTemplate } from './layout.ts';
import type { CaseDocumentData } from './types.ts';
import { dateTimeZh, dateZh } from './format.ts';
import { itemsTable, measureTicks, officerSignatures, partyAndWitnessSignatures, partyNames } from './sections.ts';

export const inventoryList: DocumentTemplate<CaseDocumentData> = {
  title: '财物清单',
  copies: ['第一联 当事人留存', '第二联 行政机关留存'],
  draw(w, data) {
    w.fieldRow([
      ['当事人', partyNames(data.parties)],
      ['决定书文号', data.decisionNumber],
    ]);
    w.fieldRow([
      ['措施种类', measureTicks(data)],
      ['实施时间', dateTimeZh(data.seizedAt)],
    ]);
    w.field('实施地点', data.place);
    itemsTable(w, data);
    w.signaturesWithSeal([...officerSignatures(data), ...partyAndWitnessSignatures(data)], data.agency.name, dateZh(data.decisionDate), [
      '以上财物经当事人（见证人）与执法人员当场清点核对无误。本清单一式二份，由当事人和行政机关分别保存。',
    ]);
  },
};
