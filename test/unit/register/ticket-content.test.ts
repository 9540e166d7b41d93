import { describe, expect, it } from 'vitest';
import { beijingTimeText, ticketContent, type TicketFacts } from '../../../src-main/tickets/ticket-content.ts';
import { renderTicketEscpos } from '../../../src-main/tickets/weighing-ticket.ts';

const facts: TicketFacts = {
  stationName: '承德市入市煤炭检查站', recordNumber: 'CD-20261128-0001', revision: 1, plate: '冀A12345', trailerPlate: '冀A1234挂',
  grossKg: 49_000, tareKg: 16_520, netKg: 32_480, weightSource: 'scale', manualReason: null, registeredAt: '2026-11-28T17:30:05.000Z',
  verdict: 'fail', outcome: 'seize', operatorName: '王芳', training: false, copyNumber: 1, printedAt: '2026-11-28T17:31:00.000Z',
};
const row = (c: ReturnType<typeof ticketContent>, label: string) => c.rows.find(([l]) => l === label)?.[1];

describe('weighing ticket content', () => {
  it('prints Beijing time whatever the machine zone (the 28th 17:30 UTC is the 29th in Beijing)', () => {
    expect(beijingTimeText('2026-11-28T17:30:05.000Z')).toBe('2026-11-29 01:30:05');
    const c = ticketContent(facts);
    expect(row(c, '登记时间')).toBe('2026-11-29 01:30:05（北京时间）');
    expect(c.printedAtText).toBe('2026-11-29 01:31:00');
  });

  it('says record, plates, weights, verdict, outcome and operator', () => {
    const c = ticketContent(facts);
    expect(c.rows).toEqual([
      ['登记编号', 'CD-20261128-0001'], ['车牌号', '冀A·12345 / 冀A·1234挂'], ['登记时间', '2026-11-29 01:30:05（北京时间）'],
      ['毛重', '49,000 kg'], ['皮重', '16,520 kg'], ['净重', '32,480 kg'], ['核验结论', '不合格'], ['处理结果', '查扣'], ['登记员', '王芳'],
    ]);
    expect(c.qrText).toBe(`CD-20261128-0001|1|sha256:${c.contentHash}`);
    expect(c.reprintMark).toBeNull();
    expect(c.trainingMark).toBeNull();
  });

  it('marks a manual weight, a later revision, a training record and a record with no check', () => {
    const c = ticketContent({ ...facts, weightSource: 'manual', manualReason: '地磅故障', revision: 2, training: true, verdict: null, outcome: null });
    expect(row(c, '毛重')).toBe('49,000 kg（手工录入：地磅故障）');
    expect(row(c, '登记编号')).toBe('CD-20261128-0001（第2版）');
    expect(row(c, '核验结论')).toBe('尚无核验记录');
    expect(c.trainingMark).toContain('培训记录');
  });

  it('a reprint says 补打 and which, and keeps the content hash; a changed weight changes the hash', () => {
    const original = ticketContent(facts);
    const reprint = ticketContent({ ...facts, copyNumber: 3, printedAt: '2026-11-29T02:00:00.000Z' });
    expect(reprint.reprintMark).toBe('补打（第2次）');
    expect(reprint.contentHash).toBe(original.contentHash);
    expect(ticketContent({ ...facts, tareKg: 16_540, netKg: 32_460 }).contentHash).not.toBe(original.contentHash);
    expect(ticketContent({ ...facts, outcome: 'release' }).contentHash).not.toBe(original.contentHash);
  });

  it('the thermal ticket carries every row, the 补打 mark and the QR data', () => {
    const bytes = renderTicketEscpos(ticketContent({ ...facts, copyNumber: 2 }));
    const text = new TextDecoder('gbk').decode(bytes);
    for (const [label, value] of ticketContent(facts).rows) {
      expect(text).toContain(label);
      expect(text).toContain(value);
    }
    expect(text).toContain('补打（第1次）');
    expect(bytes.includes(Buffer.from(ticketContent(facts).qrText))).toBe(true);
  });
});
