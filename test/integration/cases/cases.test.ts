import { beforeEach, describe, expect, it } from 'vitest';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { generateCheckpointKeyPair, signHandover } from '../../../src-main/signing/handover-signature.ts';
import { pdfText, writePdf } from '../documents/pdf-text.ts';
import { insertCheck, insertOverride } from '../../../db/certificates-repo.ts';
import { completeDraft, decidedCase, setUpEnforcement, type Enforcement } from './helpers.ts';

let f: Fixture;
let e: Enforcement;

beforeEach(async () => {
  f = await createFixture();
  e = await setUpEnforcement(f);
});

/** Sessions end after a shift: a test that moves the clock by days logs in again. */
const relogin = async (role: 'officer' | 'supervisor') => (await f.call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token;

/** Row counts of everything a case move writes. */
const footprint = () => ['enforcement_cases', 'case_events', 'document_numbers', 'audit_log', 'printed_documents', 'handovers', 'ledger_movements'].map((t) => f.count(t));

async function expectRefused(method: string, input: unknown, token: string, key?: string) {
  const before = footprint();
  const result = await f.raw(method, input, token);
  expect(result.ok).toBe(false);
  if (!result.ok && key) expect(result.error.key).toBe(key);
  expect(footprint()).toEqual(before);
  return result.ok ? null : result.error;
}

describe('opening a case', () => {
  it('takes over truck, driver, cargo and net weight from a registration, and the certificate verdict', async () => {
    const kiosk = await f.tokenFor('kiosk');
    const reg = await f.call('registrations.create', validRegistration(3), kiosk);
    // A failed certificate check, then a supervisor's override of its outcome to "seize".
    const admin = (f.app.db.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
    const checkId = insertCheck(f.app.db, {
      registration_id: reg.id, report_number: null, lab: null, cma_number: null, sample_origin: null, sampled_on: null, reported_on: null,
      input_json: '{}', results_json: '[]', verdict: 'fail', outcome: 'sample', provisional: 0, checked_json: '[]', items_json: JSON.stringify([{
        standard: '商品煤质量管理暂行办法', edition: '2014', grade: '京津冀及周边地区散煤', clause: '第九条', item: 'St', basis: 'd', unit: '%',
        value: 1.2146, display: '1.21', from: 'St,ad', limit: 1, comparison: '<', limitDisplay: '< 1.00', ok: false, verified: true,
      }]),
      missing_json: '[]', signals_json: '[]', reasons_json: JSON.stringify([{ zh: '全硫超标', en: 'sulphur above limit' }]),
      policy_version: 'p1', limits_version: 'l1', checked_at: '2026-11-28T07:00:00Z', checked_by: admin,
    });
    insertOverride(f.app.db, { check_id: checkId, outcome: 'seize', reason: '复核', overridden_at: '2026-11-28T07:10:00Z', overridden_by: admin });

    const c = await f.call('cases.openFromRegistration', { registrationId: reg.id }, e.officer);
    expect(c.phase).toBe('draft');
    expect(c.registrationId).toBe(reg.id);
    expect(c.netKg).toBe(reg.netKg);
    expect(c.plate).toBe(reg.plate);
    expect(c.draft.parties[0]).toMatchObject({ name: reg.driverName, idNumber: reg.driverIdNumber, role: 'driver' });
    // The registration's weight was typed by hand: the documents listing the coal say so.
    expect(c.draft.items[0]).toMatchObject({ quantityKg: reg.netKg, weighTicketNo: reg.recordNumber, remarks: '手工录入重量（地磅未接入）' });
    expect(c.finding).toMatchObject({ verdict: 'fail', outcome: 'seize', reasons: [{ zh: '全硫超标' }] });
    // The draft's reason is the lawful fact, not the check's internal reasons.
    expect(c.draft.reason).toBe('依据《商品煤质量管理暂行办法》“京津冀及周边地区散煤”（第九条）规定，全硫（St,d）检测值折算为 1.21 %，标准要求 < 1.00 %，不符合。');
    await expectRefused('cases.openFromRegistration', { registrationId: reg.id }, e.officer, 'cases.errors.alreadyOpened');
  });

  it('leaves the reason to be typed when there was no certificate check, and refuses kiosk users', async () => {
    const reg = await f.call('registrations.create', validRegistration(4), await f.tokenFor('kiosk'));
    const c = await f.call('cases.openFromRegistration', { registrationId: reg.id }, e.officer);
    expect(c.finding).toBeNull();
    expect(c.draft.reason).toBe('');
    expect((await f.raw('cases.open', { draft: completeDraft(e.pointId) }, await f.tokenFor('kiosk'))).ok).toBe(false);
  });
});

describe('deciding', () => {
  it('refuses an incomplete case with every missing element and changes nothing', async () => {
    const opened = await f.call('cases.open', {
      draft: completeDraft(e.pointId, { officers: [{ name: '赵一', credentialNo: '13080020001' }], partyPresent: false, witness: null, approval: null }),
    }, e.officer);
    const err = await expectRefused('cases.decide', { id: opened.id }, e.officer, 'cases.errors.domain');
    expect(err?.message).toContain('两名以上');
    expect(err?.message).toContain('见证人');
    expect(err?.message).toContain('批准');
    expect((await f.call('cases.get', { id: opened.id }, e.officer)).phase).toBe('draft');
  });

  it('issues the seizure set numbers, starts the 30-day term and freezes the draft', async () => {
    const c = await decidedCase(f, e);
    expect(c.phase).toBe('seized');
    expect(c.decisionNumber).toBe('冀承市监强〔2026〕第0001号');
    expect(c.documents.map((d) => d.kind)).toEqual(['seizure-decision', 'inventory-list', 'onsite-record', 'service-receipt']);
    // Decided 2026-11-28 (Shanghai): day 1 is the 29th, day 30 is 2026-12-28.
    expect(c.term).toMatchObject({ firstDay: '2026-11-29', endDate: '2026-12-28', remainingDays: 30, state: 'not-started' });
    await expectRefused('cases.update', { id: c.id, draft: completeDraft(e.pointId) }, e.officer, 'cases.errors.notDraft');
  });
});

describe('the life cycle only moves forward', () => {
  it('refuses going back or sideways after an outcome', async () => {
    const c = await decidedCase(f, e);
    await f.call('cases.release', { id: c.id, ground: 1, explanation: '复检合格' }, e.officer);
    for (const [method, input] of [
      ['cases.decide', { id: c.id }],
      ['cases.confiscate', { id: c.id, reason: 'x', penaltyDecisionNo: '冀承市监罚〔2026〕1号', penaltyDecisionDate: '2026-11-28' }],
      ['cases.extend', { id: c.id, days: 10, reason: 'x', approverName: '王局长' }],
      ['cases.startTesting', { id: c.id, institution: '检验站', items: '灰分', notifiedEndDate: '2026-12-05' }],
    ] as const) {
      await expectRefused(method, input, e.officer, 'cases.errors.domain');
    }
    const events = f.app.db.prepare('SELECT type, phase_after FROM case_events WHERE case_id = ? ORDER BY seq').all(c.id);
    expect(events).toEqual([{ type: 'open', phase_after: 'draft' }, { type: 'decide', phase_after: 'seized' }, { type: 'release', phase_after: 'released' }]);
    expect(() => f.app.db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
  });

  it('extends once, by at most 30 days, with a reason; testing excludes its notified days (art.25)', async () => {
    const c = await decidedCase(f, e);
    f.clock.now = new Date('2026-12-01T08:00:00Z');
    e.officer = await relogin('officer');
    const testing = await f.call('cases.startTesting', { id: c.id, institution: '河北省煤炭产品质量监督检验站', items: '灰分、全硫', notifiedEndDate: '2026-12-06' }, e.officer);
    // While testing the end assumes the notified period is used up: 12-28 + 6 days.
    expect(testing.term).toMatchObject({ endDate: '2027-01-03', state: 'paused' });
    expect(testing.testing).toMatchObject([{ startDate: '2026-12-01', notifiedEndDate: '2026-12-06', endDate: null, noticeNumber: testing.documents.find((d) => d.kind === 'testing-notice')?.number }]);
    await expectRefused('cases.extend', { id: c.id, days: 10, reason: '复杂', approverName: '王局长' }, e.officer, 'cases.errors.domain');
    f.clock.now = new Date('2026-12-06T08:00:00Z');
    e.officer = await relogin('officer');
    const ended = await f.call('cases.endTesting', { id: c.id }, e.officer);
    // Six testing days (12-01..12-06) do not count: the end moves from 12-28 to 2027-01-03.
    expect(ended.term?.endDate).toBe('2027-01-03');
    await expectRefused('cases.extend', { id: c.id, days: 31, reason: '复杂', approverName: '王局长' }, e.officer, 'errors.invalidInput');
    const extended = await f.call('cases.extend', { id: c.id, days: 30, reason: '案情复杂', approverName: '王局长' }, e.officer);
    expect(extended.phase).toBe('extended');
    expect(extended.term?.endDate).toBe('2027-02-02');
    expect(extended.documents.map((d) => d.kind)).toContain('extension-decision');
    await expectRefused('cases.extend', { id: c.id, days: 5, reason: '再延', approverName: '王局长' }, e.officer, 'cases.errors.domain');
  });

  it('warns officers of terms close to their end', async () => {
    const c = await decidedCase(f, e);
    expect(await f.call('cases.termWarnings', {}, e.officer)).toEqual([]);
    f.clock.now = new Date('2026-12-25T08:00:00Z');
    e.supervisor = await relogin('supervisor');
    const warnings = await f.call('cases.termWarnings', {}, e.supervisor);
    expect(warnings).toMatchObject([{ caseId: c.id, endDate: '2026-12-28', remainingDays: 3, state: 'due-soon' }]);
  });
});

describe('document numbers', () => {
  it('are issued in sequence; a voided number keeps its reason and is never reused', async () => {
    const a = await decidedCase(f, e);
    await decidedCase(f, e);
    await expectRefused('documents.voidNumber', { caseId: a.id, kind: 'seizure-decision', reason: '' }, e.supervisor, 'errors.invalidInput');
    const replacement = await f.call('documents.voidNumber', { caseId: a.id, kind: 'seizure-decision', reason: '当事人名称打印错误' }, e.supervisor);
    await decidedCase(f, e);
    const numbers = await f.call('documents.numbers', { kind: 'seizure-decision', year: 2026 }, e.officer);
    expect(numbers.map((n) => n.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(numbers.map((n) => n.number)).size).toBe(4);
    // Every number is either in force for a case or voided with its reason: no unexplained gap.
    for (const n of numbers) expect(n.voidReason !== null || n.caseId !== null).toBe(true);
    expect(numbers[0]).toMatchObject({ caseId: a.id, voidReason: '当事人名称打印错误' });
    expect(replacement.seq).toBe(3);
    expect((await f.call('cases.get', { id: a.id }, e.officer)).decisionNumber).toBe(replacement.number);
    expect(() => f.app.db.prepare("UPDATE document_numbers SET void_reason = NULL WHERE seq = 1").run()).toThrow();
    expect((await f.raw('documents.voidNumber', { caseId: a.id, kind: 'seizure-decision', reason: 'x' }, e.officer)).ok).toBe(false);
  });
});

describe('printing', () => {
  it('prints the original first, then copies stamped 副本 with who and when, all counted and verifiable', async () => {
    const c = await decidedCase(f, e);
    const first = await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    const second = await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.supervisor);
    expect([first.copy, second.copy]).toEqual(['original', 'reprint']);
    expect(second.printCount).toBe(2);
    expect(second.contentHash).toBe(first.contentHash);
    const firstText = pdfText(writePdf(Buffer.from(first.pdfBase64, 'base64')));
    const secondText = pdfText(writePdf(Buffer.from(second.pdfBase64, 'base64')));
    expect(firstText).toContain('冀承市监强〔2026〕第0001号');
    expect(firstText).not.toContain('副本');
    expect(secondText).toContain('副本');
    expect(secondText).toContain('supervisor');
    const record = await f.call('documents.verify', { contentHash: first.contentHash.slice(0, 16) }, e.officer);
    expect(record).toMatchObject({ caseId: c.id, kind: 'seizure-decision', printCount: 2, documentNumber: c.decisionNumber });
    expect(await f.call('documents.verify', { contentHash: '0'.repeat(64) }, e.officer)).toBeNull();
    expect(await f.call('documents.queue', {}, e.officer)).toHaveLength(2);
    await f.call('documents.printResult', { jobId: first.jobId, status: 'printed' }, e.officer);
    expect((await f.call('documents.queue', {}, e.officer)).map((j) => j.id)).toEqual([second.jobId]);
  });

  it('refuses documents whose decision was not made', async () => {
    const c = await decidedCase(f, e);
    await expectRefused('documents.render', { caseId: c.id, kind: 'release-decision' }, e.officer, 'cases.errors.documentNotIssued');
  });
});

/** Confiscates a decided case and hands it to the point; returns the signed handover. */
async function handedOver(decider: string) {
  const c = await decidedCase(f, e, {}, decider);
  await f.call('cases.confiscate', { id: c.id, reason: '经检测不合格', penaltyDecisionNo: '冀承市监罚〔2026〕1号', penaltyDecisionDate: '2026-11-28' }, e.officer);
  const h = await f.call('handovers.create', { caseIds: [c.id], disposalPointId: e.pointId, receiverName: '周四' }, e.officer);
  return { c, h };
}

describe('handovers', () => {
  it('signs the handover, moves confiscated cases to handed-over, and imports once', async () => {
    const { c, h } = await handedOver(e.officer);
    expect(h.qrText).toMatch(/^CCHO1:/);
    expect((await f.call('cases.get', { id: c.id }, e.officer)).phase).toBe('handed-over');
    const imported = await f.call('handovers.import', { text: h.qrText! }, e.disposal);
    expect(imported).toMatchObject({ direction: 'incoming', formNo: h.formNo, totalKg: 31_240 });
    await expectRefused('handovers.import', { text: h.fileText }, e.disposal, 'cases.errors.domain');
  });

  it('refuses altered data and unregistered signers', async () => {
    const { h } = await handedOver(e.officer);
    const file = JSON.parse(h.fileText) as { record: { cases: { items: { quantityKg: number }[] }[] } };
    file.record.cases[0]!.items[0]!.quantityKg = 1;
    const altered = await expectRefused('handovers.import', { text: JSON.stringify(file) }, e.disposal, 'cases.errors.domain');
    expect(altered?.message).toContain('改动');
    const stranger = signHandover({ ...JSON.parse(h.fileText).record, id: 'x-1', checkpointId: 'ZZ99' }, generateCheckpointKeyPair().privateKeyPem);
    const unknown = await expectRefused('handovers.import', { text: stranger.qrText! }, e.disposal, 'cases.errors.domain');
    expect(unknown?.message).toContain('未登记公钥');
  });
});

describe('disposal-point ledger', () => {
  async function received() {
    const { c, h } = await handedOver(e.officer);
    const imported = await f.call('handovers.import', { text: h.qrText! }, e.disposal);
    const receipt = await f.call('ledger.receive', { handoverId: imported.id, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_200, differenceReason: '复磅差异' }, e.disposal);
    return { c, imported, receipt };
  }

  it('keeps stock conserved and never negative', async () => {
    const { c } = await received();
    const bucket = { pointId: e.pointId, caseRef: c.caseNumber, coalKind: '劣质散煤' };
    await expectRefused('ledger.dispose', { ...bucket, method: 'blending', quantityKg: 31_201, authorityRef: '冀承市监没〔2026〕1号' }, e.disposal, 'cases.errors.domain');
    await expectRefused('ledger.dispose', { ...bucket, method: 'sale', quantityKg: 1000, authorityRef: 'A-1' }, e.disposal, 'cases.errors.domain');
    const sale = await f.call('ledger.dispose', { ...bucket, method: 'sale', quantityKg: 20_000, authorityRef: 'A-1', proceedsFen: 1_234_500, treasuryRemittanceRef: 'GK-001' }, e.disposal);
    await expectRefused('ledger.stockTake', { ...bucket, bookKg: 31_200, physicalKg: 11_000, varianceReason: '损耗' }, e.disposal, 'cases.errors.domain');
    await f.call('ledger.stockTake', { ...bucket, bookKg: 11_200, physicalKg: 11_000, varianceReason: '自然损耗' }, e.disposal);
    await f.call('ledger.reverse', { movementId: sale.id, reason: '数量录错' }, e.disposal);
    await expectRefused('ledger.reverse', { movementId: sale.id, reason: '再冲' }, e.disposal, 'cases.errors.domain');
    const [balance] = await f.call('ledger.balance', { pointId: e.pointId }, e.disposal);
    expect(balance).toMatchObject({ receivedKg: 31_200, disposedKg: 0, lossKg: 200, stockKg: 31_000, proceedsFen: 0 });
    expect(balance!.receivedKg + balance!.gainKg).toBe(balance!.disposedKg + balance!.lossKg + balance!.stockKg);
    const moves = await f.call('ledger.movements', { pointId: e.pointId }, e.disposal);
    expect(moves.map((m) => m.kind)).toEqual(['reversal', 'stock-take', 'disposal', 'receipt']);
    expect(moves.find((m) => m.id === sale.id)?.reversed).toBe(true);
    expect(() => f.app.db.prepare('UPDATE ledger_movements SET quantity_kg = 1').run()).toThrow(/append-only/);
    expect(await f.call('audit.verify', {}, e.supervisor)).toMatchObject({ ok: true });
  });

  it('refuses to receive the same handover line twice', async () => {
    const { c, imported } = await received();
    await expectRefused('ledger.receive', { handoverId: imported.id, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_240 }, e.disposal, 'cases.errors.alreadyReceived');
  });

  it('refuses ledger entries to a supervisor, who does not hold the disposal role (separation of duties; per person: ledger-balances.test.ts)', async () => {
    const { c, h } = await handedOver(e.supervisor);
    const imported = await f.call('handovers.import', { text: h.qrText! }, e.disposal);
    await expectRefused('ledger.receive', { handoverId: imported.id, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_240 }, e.supervisor, 'errors.forbidden');
    await f.call('ledger.receive', { handoverId: imported.id, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_240 }, e.disposal);
    await expectRefused('ledger.dispose', { pointId: e.pointId, caseRef: c.caseNumber, coalKind: '劣质散煤', method: 'blending', quantityKg: 100, authorityRef: 'A' }, e.supervisor, 'errors.forbidden');
  });

  it('is closed to officers', async () => {
    expect((await f.raw('ledger.balance', {}, e.officer)).ok).toBe(false);
  });
});
