/** 解除行政强制措施决定书 (SAMR template 21): grounds of 行政强制法 art.28; property returned at once. */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData, type ReleaseGround } from './types.ts';
import { dateZh, numberZh } from './format.ts';
import { itemsTable, measureZh, officerSignatures, partyAndWitnessSignatures, partyNames } from './sections.ts';

const GROUND_ZH: Record<ReleaseGround, string> = {
  1: '当事人没有违法行为',
  2: '查封、扣押的场所、设施或者财物与违法行为无关',
  3: '行政机关对违法行为已经作出处理决定，不再需要查封、扣押',
  4: '查封、扣押期限已经届满',
  5: '其他不再需要采取查封、扣押措施的情形',
};

export const releaseDecision: DocumentTemplate<CaseDocumentData> = {
  title: '解除行政强制措施决定书',
  copies: [undefined],
  draw(w, data) {
    const release = requireSection('release-decision', data, 'release');
    const measure = measureZh(data);
    w.paragraph(`${partyNames(data.parties)}：`, { indent: false });
    w.paragraph(`本机关于${dateZh(data.decisionDate)}以${data.decisionNumber}实施行政强制措施决定书对你（单位）的下列财物实施了${measure}：`);
    itemsTable(w, data);
    const decision =
      `因${GROUND_ZH[release.ground]}${release.explanation ? `（${release.explanation}）` : ''}，经本机关负责人批准，` +
      `根据《中华人民共和国行政强制法》第二十八条第一款第（${numberZh(release.ground)}）项的规定，本机关决定自${dateZh(release.date)}起解除上述${measure}措施，` +
      `并立即退还上述财物。请你（单位）持本决定书到${data.custody.name}（${data.custody.address}）办理领取手续，并在财物清单上签名确认。`;
    // Both sign the list when the coal is returned (SAMR rule art.42).
    w.signaturesWithSeal([...officerSignatures(data), ...partyAndWitnessSignatures(data, '财物已退还')], data.agency.name, dateZh(release.date), [decision]);
  },
};
