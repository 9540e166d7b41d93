/** 实施行政强制措施决定书 (SAMR template 19), contents per 行政强制法 art.24. */
// @ts-nocheck

import type { DocumentTemplate } from './layout.ts';
import type { CaseDocumentData } from './types.ts';
import { dateZh, quantityZh } from './format.ts';
import { legalBasisText, measureTicks, measureZh, officerSignatures, partyAndWitnessSignatures, partyBlock, remedyNotice } from './sections.ts';

export const seizureDecision: DocumentTemplate<CaseDocumentData> = {
  title: '实施行政强制措施决定书',
  copies: [undefined],
  draw(w, data) {
    const measure = measureZh(data);
    partyBlock(w, data.parties);
    if (data.vehiclePlates.length > 0) w.field('车辆号牌', data.vehiclePlates.join('、'));
    w.field('措施种类', measureTicks(data));
    w.paragraph(`经查，${data.reason}`);
    w.paragraph(
      `经本机关负责人批准，依据${legalBasisText(data.legalBasis)}的规定，本机关决定对你（单位）的下列财物实施${measure}：` +
        data.items.map((i) => `${i.coalKind}${quantityZh(i.quantityKg)}`).join('；') +
        `（详见${data.decisionNumber}号${measure}财物清单）。`,
    );
    w.paragraph(`${measure}财物存放（保管）地点：${data.custody.name}，${data.custody.address}。`);
    w.paragraph(
      `${measure}期限为三十日，自${dateZh(data.term.startDate)}起至${dateZh(data.term.endDate)}止。` +
        `情况复杂的，经本机关负责人批准可以延长，延长期限不超过三十日，并书面告知。` +
        `对物品需要进行检测、检验、检疫或者技术鉴定的，${measure}期间不包括检测、检验、检疫或者技术鉴定的期间，该期间将书面告知你（单位）。`,
    );
    w.paragraph(`在${measure}期间，任何单位和个人不得擅自动用、转移、损毁${measure}财物或者撕毁封条。`);
    remedyNotice(w, data);
    w.paragraph(`附件：${measure}财物清单（一式二份）`, { indent: true });
    w.sealArea(data.agency.name, dateZh(data.decisionDate));
    w.heading('执法人员与当事人签收');
    w.signatures(officerSignatures(data));
    w.paragraph('本决定书及清单已于当场收到。', { indent: false });
    w.signatures(partyAndWitnessSignatures(data));
  },
};
