/** 检测结果告知书 (SAMR 范本 26, 检测/检验/检疫/鉴定结果告知书): the result is told to the party (SAMR rule art.32). */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateZh } from './format.ts';
import { measureZh, partyAndWitnessSignatures, partyNames } from './sections.ts';

export const testingResultNotice: DocumentTemplate<CaseDocumentData> = {
  title: '检测结果告知书',
  copies: [undefined],
  draw(w, data) {
    const testing = requireSection('testing-result-notice', data, 'testing');
    const result = requireSection('testing-result-notice', data, 'testingResult');
    const measure = measureZh(data);
    w.paragraph(`${partyNames(data.parties)}：`, { indent: false });
    w.paragraph(
      `本机关以${data.decisionNumber}实施行政强制措施决定书对你（单位）的涉案煤炭实施了${measure}，` +
        `并于${dateZh(testing.startDate)}抽取样品${testing.sampleNo ? `（样品编号：${testing.sampleNo}）` : ''}，委托${testing.institution}检测${testing.items}。`,
    );
    w.paragraph(`本机关于${dateZh(result.receivedOn)}收到检测报告（报告编号：${result.reportNo}），检测结果为：${result.conclusion}`);
    w.paragraph('根据《市场监督管理行政处罚程序规定》第三十二条的规定，现将检测结果告知你（单位）。', { indent: true });
    w.signaturesWithSeal(partyAndWitnessSignatures(data, '本告知书已收到'), data.agency.name, dateZh(result.receivedOn), ['特此告知。']);
  },
};
