// @ts-nocheck
import type { CaseDocumentData } from '../../../src-main/documents/types.ts';

/** A complete case: driver absent at first, company owner, rare place-name characters (韡, 澂, 亳). */
export function sampleCase(overrides: Partial<CaseDocumentData> = {}): CaseDocumentData {
  return {
    caseId: 'case-2026-0007',
    caseNumber: '承市监案〔2026〕7号',
    documentNumber: '冀承市监强〔2026〕第0007号',
    decisionNumber: '冀承市监强〔2026〕第0007号',
    agency: { name: '承德市市场监督管理局', address: '承德市双桥区', phone: '0314-0000000' },
    remedy: { reviewGovernment: '承德市人民政府', reviewSuperiorDepartment: '河北省市场监督管理局', court: '承德市双桥区人民法院' },
    parties: [
      {
        kind: 'person',
        role: 'driver',
        name: '张韡',
        idNumber: '11010519491231002X',
        address: '安徽省亳州市谯城区澂江路18号',
        phone: '13800000000',
      },
      {
        kind: 'company',
        role: 'owner',
        name: '亳州澂源煤炭贸易有限公司',
        creditCode: '91341600MA2N000000',
        representative: '李澂',
        address: '安徽省亳州市谯城区韡园路1号',
        phone: '0558-0000000',
      },
    ],
    vehiclePlates: ['冀H12345', '冀H6789挂'],
    reason: '当事人运输销售的散煤未能提供煤质检测报告，经抽样检测灰分、全硫不符合民用散煤质量标准，涉嫌销售不符合质量标准的煤炭。',
    legalBasis: [
      { law: '中华人民共和国大气污染防治法', article: '第三十六条' },
      { law: '中华人民共和国产品质量法', article: '第十八条第一款第（四）项' },
      { law: '中华人民共和国行政强制法', article: '第二十四条' },
    ],
    measure: 'detain',
    items: [
      { coalKind: '劣质散煤', quantityKg: 31_240, measuredBy: 'weighbridge', weighTicketNo: 'BD20260305-0012', sealNumbers: ['FT-0101', 'FT-0102'], vehiclePlate: '冀H6789挂' },
      { coalKind: '无烟块煤', quantityKg: 2_500, measuredBy: 'estimate', sealNumbers: ['FT-0103'], remarks: '车厢前部' },
    ],
    custody: { name: '承德县发改局煤炭处置点', address: '承德县下板城镇' },
    approval: { approverName: '王局长', approvedAt: '2026-03-05T06:00:00Z', emergency: false },
    officers: [
      { name: '赵一', credentialNo: '13080020001' },
      { name: '钱二', credentialNo: '13080020002' },
    ],
    place: '承德市G101国道冀蒙界煤质检查站',
    seizedAt: '2026-03-05T06:30:00Z',
    onsiteEndedAt: '2026-03-05T07:40:00Z',
    decisionDate: '2026-03-05',
    term: { startDate: '2026-03-06', endDate: '2026-04-04' },
    partyPresent: true,
    partyRefusedToSign: true,
    witness: { name: '孙三', unit: '下板城镇人民政府' },
    partyStatement: '当事人称煤炭系从亳州购进，不知道质量不合格。',
    onsiteFacts: '执法人员在检查站对冀H12345号重型半挂牵引车进行检查，驾驶员未能出示煤质检测报告。经过磅，煤炭净重31.240吨。',
    recordingRef: 'REC-20260305-01',
    testing: { startDate: '2026-03-07', endDate: '2026-03-12', institution: '河北省煤炭产品质量监督检验站', items: '灰分（Ad）、全硫（St,d）', sampleNo: 'YP-2026-0031' },
    extension: { days: 30, originalEndDate: '2026-04-10', newEndDate: '2026-05-10', reason: '案情复杂，需进一步核查煤炭来源。', approverName: '王局长', approvedOn: '2026-04-08' },
    release: { date: '2026-04-20', ground: 1, explanation: '复检合格' },
    service: {
      documents: [
        { title: '实施行政强制措施决定书', number: '冀承市监强〔2026〕第0007号' },
        { title: '查封（扣押）财物清单', number: '冀承市监强清〔2026〕第0007号' },
      ],
      recipient: '张韡',
      place: '承德市G101国道冀蒙界煤质检查站',
      method: '留置送达',
      servedAt: '2026-03-05T07:45:00Z',
      refusalReason: '当事人拒绝签收',
    },
    handover: {
      receivingUnit: '承德县发展和改革局',
      receiverName: '周四',
      handedOverAt: '2026-03-06T02:00:00Z',
      place: '承德县发改局煤炭处置点',
      legalStatus: 'seized',
      labReportNo: 'JC-2026-0456',
      failingItems: '灰分、全硫',
      signedQrText: null,
      signedFileName: 'handover-0007.cchandover.json',
    },
    print: { kind: 'original' },
    ...overrides,
  };
}
