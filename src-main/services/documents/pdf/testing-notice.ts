/** 检测期间告知书 (SAMR template 25): the testing period is excluded from the term and notified in writing (行政强制法 art.25(3)). */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateZh } from './format.ts';
import { measureZh, partyAndWitnessSignatures, partyNames } from './sections.ts';

export const testingNotice: DocumentTemplate<CaseDocumentData> = {
  title: '检测期间告知书',
  copies: [undefined],
  draw(w, data) {
    const testing = requireSection('testing-notice', data, 'testing');
    const measure = measureZh(data);
    w.paragraph(`${partyNames(data.parties)}：`, { indent: false });
    w.paragraph(
      `本机关于${dateZh(data.decisionDate)}以${data.decisionNumber}实施行政强制措施决定书对你（单位）的涉案煤炭实施了${measure}。` +
        `因需对${measure}的煤炭进行检测${testing.sampleNo ? `（样品编号：${testing.sampleNo}）` : ''}，` +
        `检测项目：${testing.items}，检测机构：${testing.institution}。`,
    );
    if (testing.change) {
      w.paragraph(
        `本机关以${testing.change.previousNoticeNumber}检测期间告知书告知的检测期间至${dateZh(testing.change.previousEndDate)}止。` +
          `因${testing.change.reason}，现将检测期间变更为自${dateZh(testing.startDate)}起至${dateZh(testing.endDate)}止，原告知书所载期间以本告知书为准。`,
      );
    }
    w.paragraph(
      `根据《中华人民共和国行政强制法》第二十五条第三款的规定，检测期间自${dateZh(testing.startDate)}起至${dateZh(testing.endDate)}止，` +
        `该期间不计入${measure}期限。检测费用由本机关承担。检测结果将另行告知。`,
    );
    w.signaturesWithSeal(partyAndWitnessSignatures(data, '本告知书已收到'), data.agency.name, dateZh(testing.notifiedOn ?? testing.startDate), ['特此告知。']);
  },
};
