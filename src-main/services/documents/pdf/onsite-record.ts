/** 现场笔录 (SAMR template 8): time, place, events; procedure of 行政强制法 art.18. */
import type { DocumentTemplate } from './layout.ts';
import type { CaseDocumentData } from './types.ts';
import { dateTimeZh } from './format.ts';
import { basisParts, measureZh, officerSignatures, partyAndWitnessSignatures, partyBlock } from './sections.ts';

export const onsiteRecord: DocumentTemplate<CaseDocumentData> = {
  title: '现场笔录',
  copies: [undefined],
  draw(w, data) {
    const measure = measureZh(data);
    w.fieldRow([
      ['开始时间', dateTimeZh(data.seizedAt)],
      ['结束时间', data.onsiteEndedAt ? dateTimeZh(data.onsiteEndedAt) : ''],
    ]);
    w.field('地点', data.place);
    w.field('执法人员及执法证号', data.officers.map((o) => `${o.name}（${o.credentialNo}）`).join('、'));
    partyBlock(w, data.parties);
    w.field('当事人到场情况', data.partyPresent ? '到场' : '未到场，已邀请见证人到场');
    if (data.witness) w.field('见证人', [data.witness.name, data.witness.unit, data.witness.idNumber].filter(Boolean).join('，'));
    w.heading('现场情况');
    w.paragraph(
      `执法人员向当事人出示执法身份证件，表明身份，告知当事人：本机关依据${basisParts(data.legalBasis).powers}，` +
        `对涉案财物实施${measure}；当事人依法享有陈述权、申辩权和申请回避的权利，` +
        `对${measure}决定不服的，可以依法申请行政复议或者提起行政诉讼。`,
    );
    if (data.onsiteFacts) w.paragraph(data.onsiteFacts);
    w.paragraph(`${measure}的理由：${data.reason}`);
    w.paragraph(`现场已当场交付实施行政强制措施决定书（${data.decisionNumber}）及财物清单。`);
    w.heading('当事人陈述、申辩');
    w.paragraph(data.partyPresent ? data.partyStatement : '当事人未到场，未能听取陈述、申辩。');
    // SAMR rule art.43: a refusal is noted and recorded; the recording is claimed only when it exists.
    if (data.partyRefusedToSign) {
      w.paragraph(`当事人拒绝在本笔录上签名，已在笔录中注明，由见证人签名${data.recordingRef ? '，并全程录音录像' : ''}。`);
    }
    if (data.recordingRef) w.field('音像记录编号', data.recordingRef);
    w.signatures([...officerSignatures(data), ...partyAndWitnessSignatures(data)], ['以上笔录经当事人（见证人）核对，与现场情况一致。']);
  },
};
