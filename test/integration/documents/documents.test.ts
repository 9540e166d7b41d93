import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { renderDocument, renderDocumentWithHash, renderSeizureSet, TEMPLATES } from '../../../src-main/services/documents/pdf/render.ts';
import { documentContentHash, parseDocumentQrText } from '../../../src-main/services/documents/pdf/content-hash.ts';
import { MissingDocumentDataError, type CaseDocumentData, type DocumentKind } from '../../../src-main/services/documents/pdf/types.ts';
import { generateCheckpointKeyPair, signHandover } from '../../../src-main/signing/handover-signature.ts';
import { sampleCase } from './fixture.ts';
import { pageCount, pdfText, writePdf } from './pdf-text.ts';

const KINDS = Object.keys(TEMPLATES) as DocumentKind[];
const PNG_DIR = '/tmp/doc-png';
const strip = (s: string) => s.replace(/\s+/g, '');

/** Elements every document prints: agency, its number, officers' credentials where they sign. */
const COMMON = (d: CaseDocumentData) => [d.agency.name, d.documentNumber];

/** Legally required elements per document (行政强制法 arts 18, 24, 25, 28; SAMR arts 28, 38, 42, 82). */
const REQUIRED: Record<DocumentKind, (d: CaseDocumentData) => string[]> = {
  'seizure-decision': (d) => [
    '实施行政强制措施决定书',
    ...d.parties.flatMap((p) => [p.name, p.address]),
    d.reason,
    // 行政强制法 art.24(二): the reason and the basis; a prohibition is the rule broken, the power is the basis.
    '上述行为涉嫌违反《中华人民共和国大气污染防治法》第三十六条的规定',
    '依据《中华人民共和国产品质量法》第十八条第一款第（四）项、《中华人民共和国行政强制法》第二十四条的规定',
    '详见冀承市监强清〔2026〕第0003号财物清单',
    '三十日，自2026年3月6日起至2026年4月4日止',
    '劣质散煤31.240吨（31240千克）',
    '无烟块煤2.500吨（2500千克）',
    d.custody.name,
    '六十日内向承德市人民政府申请行政复议',
    '六个月内依法向承德市双桥区人民法院提起行政诉讼',
    '（印章）',
    '2026年3月5日',
    '执法人员：赵一执法证号：13080020001',
    '执法人员：钱二执法证号：13080020002',
    '当事人：（当事人拒绝签名）签名：',
    '见证人：孙三单位：下板城镇人民政府',
  ],
  'inventory-list': (d) => [
    '第一联当事人留存',
    '第二联行政机关留存',
    d.decisionNumber,
    '劣质散煤',
    // Table cells wrap, and pdftotext interleaves wrapped cells: check the parts of a cell.
    'FT-0101、',
    'FT-0102；磅单BD20260305-0012',
    '31.240',
    '31240千克',
    '33740千克',
    '地磅称重',
    '一式二份',
    '执法证号：13080020001',
    '见证人：孙三',
    '（印章）',
  ],
  'onsite-record': (d) => [
    '现场笔录',
    '2026年3月5日14时30分',
    '2026年3月5日15时40分',
    d.place,
    '赵一（13080020001）',
    '钱二（13080020002）',
    '出示执法身份证件',
    '陈述权、申辩权和申请回避的权利',
    d.partyStatement,
    '当事人拒绝在本笔录上签名',
    'REC-20260305-01',
    '见证人：孙三',
  ],
  'testing-notice': () => ['检测期间告知书', '2026年3月7日起至2026年3月12日止', '不计入扣押期限', '检测费用由本机关承担', '河北省煤炭产品质量监督检验站', '灰分（Ad）、全硫（St,d）', '（印章）'],
  'extension-decision': () => ['延长行政强制措施期限决定书', '延长理由：案情复杂，需进一步核查煤炭来源。', '延长三十日，至2026年5月10日止', '2026年4月10日届满', '第二十五条第一款、第二款', '六十日内', '六个月内', '（印章）'],
  'release-decision': () => ['解除行政强制措施决定书', '当事人没有违法行为', '第二十八条第一款第（一）项', '自2026年4月20日起解除', '立即退还', '31240千克', '执法证号：13080020001', '（印章）'],
  'service-receipt': () => ['送达回证', '实施行政强制措施决定书（冀承市监强〔2026〕第0007号）', '受送达人', '张韡', '留置送达', '拒收事由和日期', '当事人拒绝签收', '送达人（签名）', '赵一（执法证号：13080020001）', '见证人（签名）', '孙三'],
  'testing-notice-receipt': () => ['送达回证', '留置送达', '孙三'],
  'extension-receipt': () => ['送达回证', '留置送达'],
  'release-receipt': () => ['送达回证', '留置送达'],
  // SAMR rule arts 82(3), 83: address, consent to electronic service, the party's confirmation.
  'service-address': () => ['送达地址确认书', '安徽省亳州市谯城区澂江路18号', '236800', '■同意□不同意', '手机短信：13800000000', '文书留在该地址之日为送达之日', '受送达人：张韡', '（印章）'],
  // SAMR rule art.31: sample sealed and listed, signed by officers and party.
  'sampling-record': () => ['抽样记录', 'YP-2026-0031', '2026年3月7日09时30分', '31.240吨（31240千克）', 'GB/T475-2008《商品煤样人工采取方法》', 'FT-0201、FT-0202', '灰分（Ad）、全硫（St,d）', '河北省煤炭产品质量监督检验站', '当场加贴封条', '执法证号：13080020001', '见证人：孙三'],
  // SAMR rule art.32 (qualified body); 行政强制法 art.25(3) (cost borne by the agency).
  'testing-commission': () => ['检测委托书', '河北省煤炭产品质量监督检验站：', '《市场监督管理行政处罚程序规定》第三十二条', 'YP-2026-0031', '请于2026年3月12日前出具检测报告', '检测费用由本机关承担', '（印章）'],
  'testing-result-notice': () => ['检测结果告知书', '样品编号：YP-2026-0031', '报告编号：JC-2026-0456', '不符合DB13/2081-2014民用散煤限值≤16.00%的要求', '第三十二条', '（印章）'],
  // 行政强制法 art.27; the penalty decision that confiscated the coal is cited by number and date.
  'confiscation-list': () => ['没收物品清单', '第一联当事人留存', '第二联行政机关留存', '冀承市监罚〔2026〕第0012号（2026年3月28日作出）', '没收日期：2026年3月30日', '33740千克', '上缴国库', '执法证号：13080020002', '（印章）'],
  'destruction-record': () => ['销毁记录', '2026年4月2日10时00分', '掺配焚烧处置', '批准人：王局长', '见证人：孙三', '见证人：吴五', '单位：承德县发展和改革局', '33740千克', '执法证号：13080020001'],
  'handover-form': () => ['涉案煤炭移交单', '第一联移交单位留存', '第二联接收单位留存', '第三联归入案卷', '扣押中（委托保管）', 'JC-2026-0456', '冀H12345、冀H6789挂', '承德县发展和改革局', '接收人：周四', '33740千克', 'handover-0007.cchandover.json', '执法证号：13080020002'],
};

const rendered = new Map<DocumentKind, string>();

beforeAll(async () => {
  mkdirSync(PNG_DIR, { recursive: true });
  for (const kind of KINDS) {
    const path = writePdf(await renderDocument(kind, sampleCase()), kind);
    rendered.set(kind, path);
    execFileSync('pdftoppm', ['-r', '60', '-png', path, `${PNG_DIR}/${kind}`]);
  }
});

describe.each(KINDS)('%s', (kind) => {
  it('prints every required element', () => {
    const text = pdfText(rendered.get(kind)!);
    const data = sampleCase();
    for (const element of [...COMMON(data), ...REQUIRED[kind](data)]) expect(text).toContain(strip(element));
  });

  it('numbers its pages 第x页 共y页 within each copy', () => {
    const path = rendered.get(kind)!;
    const pages = pageCount(path);
    const copies = TEMPLATES[kind].copies.length;
    expect(pages % copies).toBe(0);
    const perCopy = pages / copies;
    for (let p = 1; p <= pages; p++) expect(pdfText(path, p)).toContain(`第${((p - 1) % perCopy) + 1}页共${perCopy}页`);
  });

  it('prints the start of its content hash', () => {
    expect(pdfText(rendered.get(kind)!)).toContain(`sha256:${documentContentHash(kind, sampleCase()).slice(0, 16)}`);
  });
});

describe('documents', () => {
  it('round-trips rare place-name characters (韡, 澂, 亳)', () => {
    const text = pdfText(rendered.get('seizure-decision')!);
    for (const s of ['张韡', '亳州澂源煤炭贸易有限公司', '安徽省亳州市谯城区澂江路18号', '韡园路']) expect(text).toContain(s);
  });

  it('names the superior department as a review body only before 2024-01-01 (行政复议法 2023 art.24)', async () => {
    const old = pdfText(writePdf(await renderDocument('seizure-decision', sampleCase({ decisionDate: '2023-12-31' }))));
    expect(old).toContain('向承德市人民政府或者河北省市场监督管理局申请行政复议');
    expect(pdfText(rendered.get('seizure-decision')!)).not.toContain('河北省市场监督管理局申请');
  });

  it('stamps reprints 副本 with who printed and when, keeping the content hash', async () => {
    const reprint = await renderDocumentWithHash('inventory-list', sampleCase({ print: { kind: 'reprint', printedBy: '钱二', printedAt: '2026-03-06T01:00:00Z' } }));
    const text = pdfText(writePdf(reprint.pdf));
    expect(text).toContain('副本');
    expect(text).toContain('打印人：钱二');
    expect(text).toContain('打印时间：2026年3月6日09时00分');
    expect(reprint.contentHash).toBe(documentContentHash('inventory-list', sampleCase()));
    expect(pdfText(rendered.get('inventory-list')!)).not.toContain('副本');
  });

  it('QR text identifies kind, case, number and content hash', async () => {
    const r = await renderDocumentWithHash('seizure-decision', sampleCase());
    expect(parseDocumentQrText(r.qrText)).toEqual({ kind: 'seizure-decision', caseId: 'case-2026-0007', documentNumber: '冀承市监强〔2026〕第0007号', contentHash: r.contentHash });
  });

  it('a handover form carries the signed payload in its QR when it fits', async () => {
    const keys = generateCheckpointKeyPair();
    const signed = signHandover(
      { id: 'ho-1', formNo: '冀承市监移〔2026〕第0001号', checkpointId: 'cp', checkpointName: '检查站', disposalPointId: 'dp', handedOverAt: '2026-03-06T02:00:00Z', cases: [{ caseId: 'case-2026-0007', decisionNo: '冀承市监强〔2026〕第0007号', legalStatus: 'seized', items: [{ coalKind: '劣质散煤', quantityKg: 31240 }] }] },
      keys.privateKeyPem,
    );
    const data = sampleCase();
    const r = await renderDocumentWithHash('handover-form', { ...data, handover: { ...data.handover!, signedQrText: signed.qrText } });
    expect(r.qrText).toBe(signed.qrText);
    expect(pdfText(writePdf(r.pdf))).toContain('数字签名');
  });

  it('a handover of several cases lists every case and coal kind with the total', async () => {
    const data = sampleCase();
    const cases = [
      { caseNumber: 'CD01-2026-0007', decisionNumber: '冀承市监强〔2026〕第0007号', legalStatus: 'seized' as const, items: [{ coalKind: '劣质散煤', quantityKg: 31240 }] },
      { caseNumber: 'CD01-2026-0009', decisionNumber: '冀承市监强〔2026〕第0009号', legalStatus: 'confiscated' as const, items: [{ coalKind: '劣质散煤', quantityKg: 28000 }, { coalKind: '兰炭', quantityKg: 2500 }] },
    ];
    const pdf = writePdf(await renderDocument('handover-form', { ...data, handover: { ...data.handover!, cases } }));
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const expected of ['CD01-2026-0007', 'CD01-2026-0009', '冀承市监强〔2026〕第0009号', '已没收', '兰炭', '2500千克', '合计2件', '61.740', '61740千克']) {
      expect(text).toContain(expected);
    }
  });

  it('refuses to print a document whose section is missing', async () => {
    await expect(renderDocument('extension-decision', sampleCase({ extension: undefined }))).rejects.toThrow(MissingDocumentDataError);
  });

  it('renders the on-the-spot seizure set with one number per paper', async () => {
    const set = await renderSeizureSet(sampleCase({ service: undefined }), {
      'seizure-decision': '冀承市监强〔2026〕第0007号',
      'inventory-list': '冀承市监强清〔2026〕第0007号',
      'onsite-record': '冀承市监笔〔2026〕第0007号',
      'service-receipt': '冀承市监送〔2026〕第0007号',
    });
    expect(set.map((d) => d.kind)).toEqual(['seizure-decision', 'inventory-list', 'onsite-record', 'service-receipt']);
    const receipt = pdfText(writePdf(set[3]!.pdf));
    expect(receipt).toContain('冀承市监送〔2026〕第0007号');
    expect(receipt).toContain('财物清单（冀承市监强清〔2026〕第0007号）');
    expect(receipt).toContain('直接送达');
  });

  it('uses a configured system font file (a .ttc needs its PostScript name)', async () => {
    const ttc = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
    const pdf = await renderDocument('testing-notice', sampleCase(), { fonts: { systemFontPath: ttc, systemFontPostscriptName: 'NotoSerifCJKsc-Regular' } });
    const fonts = execFileSync('pdffonts', [writePdf(pdf, 'system-font')], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSerifCJKsc-Regular');
    expect(pdfText(writePdf(pdf))).toContain('亳州澂源煤炭贸易有限公司');
    await expect(renderDocument('testing-notice', sampleCase(), { fonts: { systemFontPath: ttc } })).rejects.toThrow(/PostscriptName/);
  });
});
