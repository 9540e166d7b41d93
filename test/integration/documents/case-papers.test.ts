/**
 * Papers of a real case through the API: the legal basis refused or accepted at decision, the service
 * method chosen by the officer, the later papers numbered with their events and printed from what was
 * stored, and a preview that counts nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';
import { completeDraft, decidedCase, setUpEnforcement, type Enforcement } from '../cases/helpers.ts';
import { pdfText, writePdf } from './pdf-text.ts';
import type { DocumentKind } from '../../../src-shared/domain/document-number.ts';

let f: Fixture;
let e: Enforcement;

beforeEach(async () => {
  f = await createFixture();
  e = await setUpEnforcement(f);
});

const printed = async (caseId: number, kind: DocumentKind) => pdfText(writePdf(Buffer.from((await f.call('documents.render', { caseId, kind }, e.officer)).pdfBase64, 'base64')));
/** The Chinese message of a refused decision (the domain explains itself in the error's params). */
const refusedDecision = async (id: number) => {
  const result = await f.raw('cases.decide', { id }, e.officer);
  expect(result.ok).toBe(false);
  return result.ok ? '' : JSON.stringify(result.error);
};

describe('legal basis at decision (行政强制法 arts 10, 18, 24)', () => {
  it('refuses a decision citing only procedure, or a prohibition as the power, and changes nothing', async () => {
    for (const ids of [['xzqz-24'], ['dqwr-36', 'xzqz-24']]) {
      const opened = await f.call('cases.open', { draft: completeDraft(e.pointId, { legalBasisIds: ids }) }, e.officer);
      const zh = await refusedDecision(opened.id);
      expect(zh).toContain('授予查封、扣押权');
      const stored = await f.call('cases.get', { id: opened.id }, e.officer);
      expect(stored.phase).toBe('draft');
      expect(stored.documents).toEqual([]);
    }
  });

  it('lists the other missing elements beside the basis, so nothing is learnt one refusal at a time', async () => {
    const opened = await f.call('cases.open', { draft: completeDraft(e.pointId, { legalBasisIds: ['xzqz-24'], officers: [] }) }, e.officer);
    const message = await refusedDecision(opened.id);
    expect(message).toContain('授予查封、扣押权');
    expect(message).toContain('两名以上持有执法证件');
  });

  it('refuses a power without its procedure', async () => {
    const opened = await f.call('cases.open', { draft: completeDraft(e.pointId, { legalBasisIds: ['cpzl-18'] }) }, e.officer);
    expect(await refusedDecision(opened.id)).toContain('第十八条或第二十四条');
  });

  it('prints the power as the basis and the prohibition as the rule broken', async () => {
    const c = await decidedCase(f, e);
    const text = await printed(c.id, 'seizure-decision');
    expect(text).toContain('依据《中华人民共和国产品质量法》第十八条第一款第（四）项、《中华人民共和国行政强制法》第二十四条的规定');
    expect(text).toContain('涉嫌违反《中华人民共和国大气污染防治法》第三十六条的规定');
    const list = c.documents.find((d) => d.kind === 'inventory-list')!.number;
    expect(text).toContain(`详见${list}财物清单`);
  });
});

describe('service method (SAMR rule art.82)', () => {
  it('a refusal to sign keeps 直接送达 unless the officer chooses 留置送达', async () => {
    const c = await decidedCase(f, e, { partyRefusedToSign: true, witness: { name: '孙三' } });
    const text = await printed(c.id, 'service-receipt');
    expect(text).toContain('直接送达');
    expect(text).not.toContain('留置送达');
  });

  it('留置送达 needs a witness, and then prints the refusal and the witness', async () => {
    const opened = await f.call('cases.open', { draft: completeDraft(e.pointId, { serviceMethod: '留置送达' }) }, e.officer);
    expect(await refusedDecision(opened.id)).toContain('留置送达须邀请见证人');
    const c = await decidedCase(f, e, { serviceMethod: '留置送达', partyRefusedToSign: true, witness: { name: '孙三', unit: '下板城镇人民政府' } });
    const text = await printed(c.id, 'service-receipt');
    expect(text).toContain('留置送达');
    expect(text).toContain('当事人拒绝签收');
    expect(text).toContain('孙三（下板城镇人民政府）');
  });
});

describe('later papers are numbered with their events and print what was stored', () => {
  it('testing: sampling record, commission, notice receipt; result notice when the result is back', async () => {
    const c = await decidedCase(f, e, { serviceAddress: { address: '河北省承德市双桥区1号', phone: '13800000000' } });
    expect(c.documents.map((d) => d.kind)).toContain('service-address');
    const tested = await f.call('cases.startTesting', {
      id: c.id, institution: '河北省煤炭产品质量监督检验站', items: '灰分、全硫', sampleNo: 'YP-01', notifiedEndDate: '2026-12-05',
      sampling: { sampledAt: '2026-11-28T08:00:00Z', place: '检查站', sampleQuantity: '2千克', method: 'GB/T 475-2008', sealNumbers: ['FT-Y1'] },
    }, e.officer);
    expect(tested.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['sampling-record', 'testing-commission', 'testing-notice-receipt']));
    expect(await printed(c.id, 'sampling-record')).toContain('FT-Y1');
    const receipt = await printed(c.id, 'testing-notice-receipt');
    expect(receipt).toContain(`检测期间告知书（${tested.documents.find((d) => d.kind === 'testing-notice')!.number}）`);
    expect(receipt).toContain('河北省承德市双桥区1号');
    const ended = await f.call('cases.endTesting', { id: c.id, result: { reportNo: 'JC-9', conclusion: '灰分（干燥基）为32.50%，不符合要求。', conforms: false } }, e.officer);
    expect(ended.documents.map((d) => d.kind)).toContain('testing-result-notice');
    expect(await printed(c.id, 'testing-result-notice')).toContain('报告编号：JC-9');
  });

  it('confiscation list cites the penalty decision; destruction record names its witnesses', async () => {
    const seized = await decidedCase(f, e);
    const confiscated = await f.call('cases.confiscate', { id: seized.id, reason: '依法没收', penaltyDecisionNo: '冀承市监罚〔2026〕第0012号', penaltyDecisionDate: '2026-11-28' }, e.officer);
    expect(confiscated.documents.map((d) => d.kind)).toContain('confiscation-list');
    expect(await printed(seized.id, 'confiscation-list')).toContain('冀承市监罚〔2026〕第0012号（2026年11月28日作出）');
    const other = await decidedCase(f, e);
    const destroyed = await f.call('cases.destroy', {
      id: other.id, reason: '依照法律、行政法规应当销毁', destruction: { place: '处置点', method: '焚烧', approverName: '王局长', witnesses: [{ name: '吴五' }] },
    }, e.officer);
    expect(destroyed.documents.map((d) => d.kind)).toContain('destruction-record');
    expect(await printed(other.id, 'destruction-record')).toContain('见证人：吴五');
  });

  it('a confiscation without the penalty decision is refused and numbers no list', async () => {
    const c = await decidedCase(f, e);
    const call = f.call as (method: string, input: unknown, session: unknown) => Promise<unknown>;
    await expect(call('cases.confiscate', { id: c.id, reason: '依法没收' }, e.officer)).rejects.toThrow();
    const after = await f.call('cases.get', { id: c.id }, e.officer);
    expect(after.phase).toBe('seized');
    expect(after.documents.map((d) => d.kind)).not.toContain('confiscation-list');
  });
});

describe('preview', () => {
  it('opening a preview counts nothing and queues nothing; the print after it is the original', async () => {
    const c = await decidedCase(f, e);
    const jobs = () => (f.app.db.prepare('SELECT COUNT(*) AS n FROM print_jobs').get() as { n: number }).n;
    const before = jobs();
    const preview = await f.call('documents.preview', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    await f.call('documents.preview', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    expect(preview).toMatchObject({ copy: 'original', printCount: 0 });
    expect(jobs()).toBe(before);
    expect((await f.call('cases.get', { id: c.id }, e.officer)).documents.find((d) => d.kind === 'seizure-decision')?.printCount).toBe(0);
    const first = await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    expect(first).toMatchObject({ copy: 'original', printCount: 1 });
    const again = await f.call('documents.preview', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    expect(again).toMatchObject({ copy: 'reprint', printCount: 1 });
    expect(pdfText(writePdf(Buffer.from(again.pdfBase64, 'base64')))).toContain('副本');
  });
});
