/** 延长行政强制措施期限决定书 (SAMR template 20): written notice with reasons (行政强制法 art.25(2)). */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateZh, numberZh } from './format.ts';
import { measureZh, partyAndWitnessSignatures, partyNames, remedyText } from './sections.ts';

export const extensionDecision: DocumentTemplate<CaseDocumentData> = {
  title: '延长行政强制措施期限决定书',
  copies: [undefined],
  draw(w, data) {
    const ext = requireSection('extension-decision', data, 'extension');
    const measure = measureZh(data);
    w.paragraph(`${partyNames(data.parties)}：`, { indent: false });
    w.paragraph(
      `本机关于${dateZh(data.decisionDate)}以${data.decisionNumber}实施行政强制措施决定书对你（单位）的涉案煤炭实施了${measure}，` +
        `${measure}期限至${dateZh(ext.originalEndDate)}届满。`,
    );
    w.paragraph(`延长理由：${ext.reason}`);
    w.paragraph(
      `经本机关负责人${ext.approverName}于${dateZh(ext.approvedOn)}批准，根据《中华人民共和国行政强制法》第二十五条第一款、第二款的规定，` +
        `本机关决定将${measure}期限延长${numberZh(ext.days)}日，至${dateZh(ext.newEndDate)}止。`,
    );
    w.signaturesWithSeal(partyAndWitnessSignatures(data, '本决定书已收到'), data.agency.name, dateZh(ext.approvedOn), [remedyText(data)]);
  },
};
