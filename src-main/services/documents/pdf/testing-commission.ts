/** 检测委托书 (SAMR 范本 24, 检测/检验/检疫/鉴定委托书): testing by a qualified body (SAMR rule art.32). */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateZh } from './format.ts';

export const testingCommission: DocumentTemplate<CaseDocumentData> = {
  title: '检测委托书',
  copies: [undefined],
  draw(w, data) {
    const testing = requireSection('testing-commission', data, 'testing');
    const sampleNo = testing.sampleNo ?? data.sampling?.sampleNo ?? '';
    w.paragraph(`${testing.institution}：`, { indent: false });
    w.paragraph(
      `因办理案件（案件编号：${data.caseNumber}）需要，根据《市场监督管理行政处罚程序规定》第三十二条的规定，` +
        '现委托你单位对下列样品进行检测，请依照相关国家标准规定的检测方法检测，并出具加盖检验检测专用章的检测报告。',
    );
    w.table(
      [
        { header: '样品名称', weight: 1.4 },
        { header: '样品编号', weight: 1.6 },
        { header: '样品数量', weight: 1.4 },
        { header: '检测项目', weight: 2.6 },
      ],
      data.items.map((i) => [i.coalKind, sampleNo, data.sampling?.sampleQuantity ?? '', testing.items]),
    );
    w.paragraph(`请于${dateZh(testing.endDate)}前出具检测报告。检测费用由本机关承担（《中华人民共和国行政强制法》第二十五条第三款）。`);
    w.fieldRow([
      ['联系人', data.officers.map((o) => o.name).join('、')],
      ['联系电话', data.agency.phone ?? ''],
    ]);
    w.sealArea(data.agency.name, dateZh(testing.startDate));
  },
};
