/** 抽样记录 (SAMR 范本 23): sample taken in the party's presence, sealed and listed (SAMR rule art.31). */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateTimeZh, quantityZh } from './format.ts';
import { officerSignatures, partyAndWitnessSignatures, partyNames } from './sections.ts';

export const samplingRecord: DocumentTemplate<CaseDocumentData> = {
  title: '抽样记录',
  copies: [undefined],
  draw(w, data) {
    const s = requireSection('sampling-record', data, 'sampling');
    const testing = requireSection('sampling-record', data, 'testing');
    w.fieldRow([
      ['被抽样人', partyNames(data.parties), 3],
      ['车辆号牌', data.vehiclePlates.join('、'), 2],
    ]);
    w.fieldRow([
      ['抽样时间', dateTimeZh(s.sampledAt)],
      ['决定书文号', data.decisionNumber],
    ]);
    w.field('抽样地点', s.place);
    w.table(
      [
        { header: '样品名称', weight: 1.3 },
        { header: '样品编号', weight: 1.5 },
        { header: '抽样基数', weight: 1.8, align: 'right' },
        { header: '抽样数量', weight: 1.5 },
        { header: '封条编号', weight: 1.4 },
      ],
      // One sample stands for the truck's whole load.
      [[data.items.map((i) => i.coalKind).join('、'), s.sampleNo, quantityZh(s.lotKg), s.sampleQuantity, s.sealNumbers.join('、')]],
    );
    w.field('抽样方法', s.method);
    w.field('检测项目', testing.items);
    w.field('检测机构', testing.institution);
    w.signatures([...officerSignatures(data), ...partyAndWitnessSignatures(data)], [
      '执法人员已出示执法证件并通知当事人到场。样品由执法人员在当事人（见证人）在场的情况下抽取，当场加贴封条，' +
        '封条由执法人员和当事人（见证人）签名。以上记录经当事人（见证人）核对无误。',
    ]);
  },
};
