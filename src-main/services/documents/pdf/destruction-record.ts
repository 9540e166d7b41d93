/** 销毁记录: destruction where a law or administrative regulation requires it (行政强制法 art.27), with witnesses. */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateTimeZh, instantDateZh } from './format.ts';
import { itemsTable, officerSignatures } from './sections.ts';

export const destructionRecord: DocumentTemplate<CaseDocumentData> = {
  title: '销毁记录',
  copies: [undefined],
  draw(w, data) {
    const d = requireSection('destruction-record', data, 'destruction');
    w.fieldRow([
      ['案件编号', data.caseNumber],
      ['决定书文号', data.decisionNumber],
    ]);
    w.fieldRow([
      ['销毁时间', dateTimeZh(d.destroyedAt)],
      ['批准人', d.approverName],
    ]);
    w.field('销毁地点', d.place);
    w.field('销毁方式', d.method);
    w.field('销毁理由及依据', d.reason);
    w.heading('销毁物品');
    itemsTable(w, data);
    // The recording is claimed only when it exists (SAMR rule art.44).
    const recorded = d.recordingRef ? `，销毁过程已全程录音录像（音像记录编号：${d.recordingRef}）` : '';
    const witnesses = d.witnesses.map((x) => ({ role: '见证人', name: x.name, ...(x.unit ? { note: `单位：${x.unit}` } : {}) }));
    w.signaturesWithSeal([...officerSignatures(data), ...witnesses], data.agency.name, instantDateZh(d.destroyedAt), [
      `上述物品已在执法人员和见证人的监督下全部销毁${recorded}。以上记录经执法人员和见证人核对无误。`,
    ]);
  },
};
