/**
 * The faults a legal review found on the printed papers (issue 11), each as a rule naming its article,
 * read back from the PDF with pdftotext.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument, renderDocumentWithHash } from '../../../src-main/services/documents/pdf/render.ts';
import type { CaseDocumentData, SeizedItem } from '../../../src-main/services/documents/pdf/types.ts';
import { toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { sampleCase } from './fixture.ts';
import { pageCount, pdfText, writePdf } from './pdf-text.ts';

const render = async (kind: Parameters<typeof renderDocument>[0], data: CaseDocumentData) => writePdf(await renderDocument(kind, data));

describe('实施行政强制措施决定书 (行政强制法 art.24)', () => {
  it('cites the inventory list by its own number, without a doubled 号', async () => {
    const text = pdfText(await render('seizure-decision', sampleCase()));
    expect(text).toContain('详见冀承市监强清〔2026〕第0003号财物清单');
    expect(text).not.toContain('号号');
    expect(text).not.toContain('详见冀承市监强〔2026〕第0007号');
  });

  it('fits one page with two parties, two items, a refusal and a witness: text, seal and signatures together', async () => {
    const path = await render('seizure-decision', sampleCase());
    expect(pageCount(path)).toBe(1);
    const page = pdfText(path, 1);
    for (const s of ['申请行政复议', '（印章）', '执法人员：赵一', '当事人：', '见证人：孙三', '签名：']) expect(page).toContain(s);
  });

  it('keeps the remedy notice with the signatures when the body runs over a page (no page with only signatures)', async () => {
    const items: SeizedItem[] = Array.from({ length: 14 }, (_, i) => ({ coalKind: `散煤${i + 1}`, quantityKg: 10_000 + i, measuredBy: 'weighbridge', weighTicketNo: `BD-${i}`, sealNumbers: [] }));
    const path = await render('seizure-decision', sampleCase({ items, reason: '当事人运输销售的散煤经检测不符合民用散煤质量标准。'.repeat(12) }));
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(1);
    const last = pdfText(path, pages);
    expect(last).toContain('申请行政复议');
    expect(last).toContain('执法人员：赵一');
    expect(pdfText(path, pages - 1)).not.toContain('执法人员：赵一');
  });

  it('prints a prohibition as the rule broken and never as the basis of the measure', async () => {
    const text = pdfText(await render('seizure-decision', sampleCase()));
    expect(text).not.toContain('依据《中华人民共和国大气污染防治法》第三十六条');
  });
});

describe('送达回证: the method is the officer\'s choice (SAMR rule art.82)', () => {
  const direct = sampleCase({
    partyRefusedToSign: true,
    service: { ...sampleCase().service!, method: '直接送达', refusalReason: undefined, witness: undefined },
  });

  it('a refusal to sign the record does not turn direct service into 留置送达', async () => {
    const text = pdfText(await render('service-receipt', direct));
    expect(text).toContain('直接送达');
    expect(text).not.toContain('留置送达');
    expect(text).not.toContain('当事人拒绝签收');
  });

  it('留置送达 prints the refusal, its date and the witness who signs (art.82(2))', async () => {
    const text = pdfText(await render('service-receipt', sampleCase()));
    expect(text).toContain('留置送达');
    expect(text).toContain('当事人拒绝签收（2026年3月5日15时45分）');
    expect(text).toContain('孙三（下板城镇人民政府）');
  });
});

describe('现场笔录: recording claimed only when it exists (SAMR rule arts 43, 44)', () => {
  it('no 全程录音录像 without a recording reference', async () => {
    const text = pdfText(await render('onsite-record', sampleCase({ recordingRef: undefined })));
    expect(text).toContain('当事人拒绝在本笔录上签名');
    expect(text).not.toContain('录音录像');
  });

  it('with a reference, the recording and its number are printed', async () => {
    const text = pdfText(await render('onsite-record', sampleCase()));
    expect(text).toContain('并全程录音录像');
    expect(text).toContain('音像记录编号：REC-20260305-01');
  });
});

describe('销毁记录 (行政强制法 art.27)', () => {
  it('claims a recording only with its reference', async () => {
    const base = sampleCase();
    expect(pdfText(await render('destruction-record', base))).not.toContain('录音录像');
    const recorded = sampleCase({ destruction: { ...base.destruction!, recordingRef: 'REC-D-01' } });
    expect(pdfText(await render('destruction-record', recorded))).toContain('音像记录编号：REC-D-01');
  });
});

describe('副本 stamp time in Beijing time whatever the machine zone', () => {
  // Run under TZ=UTC and TZ=Asia/Shanghai: both must print 09时00分.
  it.each([
    ['an instant with +08:00', toLocalIso(new Date('2026-03-06T01:00:00Z'))],
    ['a UTC instant', '2026-03-06T01:00:00Z'],
    ['a Beijing wall time without a zone', '2026-03-06 09:00'],
  ])('%s', async (_label, printedAt) => {
    const r = await renderDocumentWithHash('inventory-list', sampleCase({ print: { kind: 'reprint', printedBy: '钱二', printedAt } }));
    expect(pdfText(writePdf(r.pdf))).toContain('打印时间：2026年3月6日09时00分');
  });
});
