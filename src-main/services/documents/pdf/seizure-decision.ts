/** 实施行政强制措施决定书 (SAMR 范本 19), contents per 行政强制法 art.24, handed over on the spot. */
import type { DocumentTemplate } from './layout.ts';
import type { CaseDocumentData } from './types.ts';
import { dateZh, quantityZh } from './format.ts';
import { basisParts, measureTicks, measureZh, officerSignatures, partyAndWitnessSignatures, partyBlock, remedyText } from './sections.ts';

export const seizureDecision: DocumentTemplate<CaseDocumentData> = {
  title: '实施行政强制措施决定书',
  copies: [undefined],
  draw(w, data) {
    const measure = measureZh(data);
    const { violated, powers } = basisParts(data.legalBasis);
    partyBlock(w, data.parties);
    w.fieldRow([
      ['车辆号牌', data.vehiclePlates.join('、'), 3],
      ['措施种类', measureTicks(data), 2],
    ]);
    const reason = /[。！？.]$/.test(data.reason.trim()) ? data.reason.trim() : `${data.reason.trim()}。`;
    w.paragraph(`经查，${reason}${violated ? `上述行为涉嫌违反${violated}的规定。` : ''}`);
    const list = `${data.inventoryNumber ?? ''}财物清单`;
    w.paragraph(
      `经本机关负责人批准，依据${powers}的规定，本机关决定对你（单位）的下列财物实施${measure}：` +
        data.items.map((i) => `${i.coalKind}${quantityZh(i.quantityKg)}`).join('；') +
        `（详见${list}）。${measure}财物存放（保管）地点：${data.custody.name}，${data.custody.address}。`,
    );
    w.paragraph(
      `${measure}期限为三十日，自${dateZh(data.term.startDate)}起至${dateZh(data.term.endDate)}止。` +
        `情况复杂的，经本机关负责人批准可以延长，延长期限不超过三十日，并书面告知。` +
        `对物品需要进行检测、检验、检疫或者技术鉴定的，${measure}期间不包括检测、检验、检疫或者技术鉴定的期间，该期间将书面告知你（单位）。` +
        `在${measure}期间，任何单位和个人不得擅自动用、转移、损毁${measure}财物或者撕毁封条。`,
    );
    // The remedy notice, the attachment line, the seal and the signatures stay on one page: the proof of
    // on-the-spot delivery never sits alone on a detachable sheet.
    const signers = [...officerSignatures(data), ...partyAndWitnessSignatures(data, '本决定书及清单已当场收到')];
    w.signaturesWithSeal(signers, data.agency.name, dateZh(data.decisionDate), [remedyText(data), `附件：${list}（一式二份）`]);
  },
};
