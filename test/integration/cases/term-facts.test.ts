/**
 * Terms from the facts, through the API as an officer uses it (行政强制法 arts.24, 25, 27, 28; SAMR rule
 * art.80): coal taken on 2026-09-01, the national holiday tables shipped, and every value read back.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';
import { pdfText, writePdf } from '../documents/pdf-text.ts';
import { completeDraft, setUpEnforcement, type Enforcement } from './helpers.ts';

// Many clock jumps, each with a scrypt login: slow on a busy build machine.
vi.setConfig({ testTimeout: 120_000 });

let f: Fixture;
let e: Enforcement;
beforeEach(async () => {
  f = await createFixture();
  e = await setUpEnforcement(f);
});

const login = async (role: string) => (await f.call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token;

/** Moves the clock (an ISO instant); sessions do not survive the jump, so the officer logs in again. */
async function at(iso: string): Promise<void> {
  f.clock.now = new Date(iso);
  e.officer = await login('officer');
}

const footprint = () => ['enforcement_cases', 'case_events', 'document_numbers', 'audit_log'].map((t) => f.count(t));

/** Coal taken 2026-09-01 10:00 Beijing time at the checkpoint, approved beforehand. */
const SEPT = { seizedAt: '2026-09-01T02:00:00Z', approval: { approverName: '王局长', approvedAt: '2026-09-01T01:30:00Z', emergency: false }, place: '承德市G101国道煤质检查站' };

async function openSept() {
  return f.call('cases.open', { draft: completeDraft(e.pointId, SEPT) }, e.officer);
}

async function printed(caseId: number, kind: string) {
  const r = await f.call('documents.render', { caseId, kind: kind as 'seizure-decision' }, e.officer);
  return { number: r.documentNumber, text: pdfText(writePdf(Buffer.from(r.pdfBase64, 'base64'))) };
}

describe('art.24: decided and served on the spot; a later decision only with a reason', () => {
  it('seized 09-01, decided 09-10: refused without a reason (nothing stored), accepted with one; the term runs from 09-01', async () => {
    await at('2026-09-01T03:00:00Z');
    const opened = await openSept();
    await at('2026-09-10T01:00:00Z');
    const before = footprint();
    const refused = await f.raw('cases.decide', { id: opened.id }, e.officer);
    expect(!refused.ok && refused.error.message).toContain('扣押于2026-09-01实施，决定书于2026-09-10作出、2026-09-10送达，未当场制作并交付（行政强制法第二十四条），须记录理由');
    expect(footprint()).toEqual(before);
    expect((await f.call('cases.get', { id: opened.id }, e.officer)).phase).toBe('draft');

    await f.call('cases.decide', { id: opened.id, lateReason: '现场系统断网，决定书补录' }, e.officer);
    const c = await f.call('cases.get', { id: opened.id }, e.officer);
    expect(c).toMatchObject({
      phase: 'seized', seizedAt: SEPT.seizedAt, seizedPlace: SEPT.place, seizureDate: '2026-09-01', decisionDate: '2026-09-10',
      decidedAt: '2026-09-10T01:00:00.000Z', servedAt: '2026-09-10T01:00:00.000Z', lateDecisionReason: '现场系统断网，决定书补录',
    });
    // 30 days from 09-02 end on 10-01, a holiday (国庆 10-01…10-07): the term ends 10-08, not 10-10.
    expect(c.term).toMatchObject({ firstDay: '2026-09-02', endDate: '2026-10-08', remainingDays: 28, state: 'running' });

    // The papers say the same: the decision's term and the receipt's service after the decision.
    expect((await printed(c.id, 'seizure-decision')).text).toContain('自2026年9月2日起至2026年10月8日止');
    const receipt = f.app.db.prepare("SELECT data_json FROM printed_documents WHERE case_id = ? AND kind = 'seizure-decision'").get(c.id) as { data_json: string };
    expect(JSON.parse(receipt.data_json)).toMatchObject({ decisionDate: '2026-09-10', term: { startDate: '2026-09-02', endDate: '2026-10-08' } });
    await printed(c.id, 'service-receipt');
    const service = JSON.parse((f.app.db.prepare("SELECT data_json FROM printed_documents WHERE case_id = ? AND kind = 'service-receipt'").get(c.id) as { data_json: string }).data_json);
    expect(service.service.servedAt).toBe('2026-09-10T01:00:00.000Z');

    // The supervisors' dashboard lists the late decision with its reason.
    const open = await f.call('reports.enforcementRecords', { from: '2026-09-01', to: '2026-09-30', figure: 'openCases' }, await login('supervisor'));
    expect(open.figure === 'openCases' && open.rows.map((r) => [r.id, r.lateDecisionReason, r.term?.endDate])).toEqual([[c.id, '现场系统断网，决定书补录', '2026-10-08']]);
  });

  it('on the spot: decided and served the same day, no reason asked, none stored', async () => {
    await at('2026-09-01T03:00:00Z');
    const c = await f.call('cases.decide', { id: (await openSept()).id }, e.officer);
    expect(c).toMatchObject({ seizureDate: '2026-09-01', decisionDate: '2026-09-01', lateDecisionReason: null, servedAt: '2026-09-01T03:00:00.000Z' });
  });

  it('a decision made on paper at the roadside and entered later keeps its own time', async () => {
    await at('2026-09-03T03:00:00Z');
    const c = await f.call('cases.decide', { id: (await openSept()).id, decidedAt: '2026-09-01T02:10:00Z', servedAt: '2026-09-01T02:20:00Z' }, e.officer);
    expect(c).toMatchObject({ decisionDate: '2026-09-01', decidedAt: '2026-09-01T02:10:00Z', servedAt: '2026-09-01T02:20:00Z', lateDecisionReason: null });
  });

  it('refuses impossible date orders with Chinese reasons and stores nothing', async () => {
    await at('2026-09-01T03:00:00Z');
    const opened = await openSept();
    const before = footprint();
    for (const [input, message] of [
      [{ decidedAt: '2026-09-01T02:30:00Z', servedAt: '2026-09-01T02:10:00Z' }, '送达时间早于决定时间'],
      [{ decidedAt: '2026-08-31T02:30:00Z' }, '决定日期（2026-08-31）早于扣押实施日期（2026-09-01）'],
      [{ decidedAt: '2026-09-01T05:00:00Z' }, '决定时间晚于当前时间'],
      [{ servedAt: '2026-09-02T05:00:00Z', lateReason: '次日送达' }, '送达时间晚于当前时间'],
    ] as const) {
      const r = await f.raw('cases.decide', { id: opened.id, ...input }, e.officer);
      expect(!r.ok && r.error.message, JSON.stringify(input)).toContain(message);
    }
    const future = await f.call('cases.open', { draft: completeDraft(e.pointId, { ...SEPT, seizedAt: '2026-09-01T04:00:00Z', approval: { ...SEPT.approval } }) }, e.officer);
    const r = await f.raw('cases.decide', { id: future.id }, e.officer);
    expect(!r.ok && r.error.message).toContain('扣押实施时间晚于当前时间');
    expect(footprint().slice(1)).toEqual([before[1]! + 1, before[2], before[3]! + 1]);
  });
});

describe('art.25(3): a definite testing period, notified in writing', () => {
  it('testing open past its notified end warns at login and on the dashboard; a change issues a new notice', async () => {
    await at('2026-09-01T03:00:00Z');
    const c = await f.call('cases.decide', { id: (await openSept()).id }, e.officer);
    await at('2026-09-03T02:00:00Z');
    const started = await f.call('cases.startTesting', { id: c.id, institution: '河北省煤炭产品质量监督检验站', items: '灰分、全硫', notifiedEndDate: '2026-09-08' }, e.officer);
    const first = started.testing[0]!.noticeNumber!;
    expect((await printed(c.id, 'testing-notice')).text).toContain('检测期间自2026年9月3日起至2026年9月8日止');

    // Changed before the notified end: a new 检测期间告知书, numbered, citing the one it replaces.
    await at('2026-09-08T02:00:00Z');
    const changed = await f.call('cases.changeTesting', { id: c.id, notifiedEndDate: '2026-09-12', reason: '检验机构设备检修' }, e.officer);
    const second = changed.documents.filter((d) => d.kind === 'testing-notice').map((d) => d.number);
    expect(second).toEqual([first, changed.testing[0]!.changes![0]!.noticeNumber]);
    expect(changed.testing[0]).toMatchObject({ notifiedEndDate: '2026-09-12', changes: [{ notifiedOn: '2026-09-08', previousEndDate: '2026-09-08', notifiedEndDate: '2026-09-12', reason: '检验机构设备检修' }] });
    const notice = await printed(c.id, 'testing-notice');
    expect(notice.number).toBe(second[1]);
    expect(notice.text).toContain(`本机关以${first}检测期间告知书告知的检测期间至2026年9月8日止。因检验机构设备检修，现将检测期间变更为自2026年9月3日起至2026年9月12日止`);
    expect(changed.term).toMatchObject({ endDate: '2026-10-11', state: 'paused' });

    // The new end passes with no result: warned at login and on the dashboard; the term runs again.
    await at('2026-09-13T02:00:00Z');
    const warnings = await f.call('cases.termWarnings', {}, e.officer);
    expect(warnings).toMatchObject([{ caseId: c.id, state: 'testing-overdue', endDate: '2026-10-11' }]);
    expect(warnings[0]!.messages[0]!.zh).toContain('检测期间已于2026-09-12届满');
    const dash = await f.call('reports.enforcementRecords', { from: '2026-09-01', to: '2026-09-30', figure: 'openCases' }, await login('supervisor'));
    expect(dash.figure === 'openCases' && dash.rows[0]?.term?.state).toBe('testing-overdue');
    // Too late to change it now; nothing is written.
    const before = footprint();
    const late = await f.raw('cases.changeTesting', { id: c.id, notifiedEndDate: '2026-09-20', reason: '再延' }, e.officer);
    expect(!late.ok && late.error.message).toContain('原告知的检测期间已于2026-09-12届满，不能追溯变更');
    expect(footprint()).toEqual(before);

    // The result comes on 09-15: only the notified days (09-03…09-12) were excluded.
    await at('2026-09-15T02:00:00Z');
    const ended = await f.call('cases.endTesting', { id: c.id }, e.officer);
    expect(ended.term).toMatchObject({ endDate: '2026-10-11', state: 'running' });
    expect((await f.call('cases.get', { id: c.id }, e.officer)).testing).toMatchObject([{ startDate: '2026-09-03', notifiedEndDate: '2026-09-12', endDate: '2026-09-15' }]);
  });
});

describe('art.25(1), (2): the extension runs on from the rolled end of the base term', () => {
  it('base term rolled past 国庆 to 10-08; extended by 30 days to 11-07, and the paper says so', async () => {
    await at('2026-09-01T03:00:00Z');
    const c = await f.call('cases.decide', { id: (await openSept()).id }, e.officer);
    await at('2026-10-08T02:00:00Z');
    const extended = await f.call('cases.extend', { id: c.id, days: 30, reason: '案情复杂，需核查煤炭来源', approverName: '王局长' }, e.officer);
    expect(extended.term).toMatchObject({ endDate: '2026-11-07', state: 'running' });
    const paper = await printed(c.id, 'extension-decision');
    expect(paper.text).toContain('期限至2026年10月8日届满');
    expect(paper.text).toContain('延长三十日，至2026年11月7日止');

    // Confiscation is lawful on the last day of the extension, not the day after (art.27).
    await at('2026-11-08T02:00:00Z');
    expect((await f.raw('cases.confiscate', { id: c.id, reason: '经检测不合格' }, e.officer)).ok).toBe(false);
    expect((await f.call('cases.termWarnings', {}, e.officer))[0]).toMatchObject({ caseId: c.id, state: 'expired', remainingDays: -1 });
  });
});

describe('a case through every state, read back', () => {
  it('draft → seized → testing → extended → confiscated → handed-over, stored values read back', async () => {
    await at('2026-09-01T03:00:00Z');
    const opened = await openSept();
    expect(opened).toMatchObject({ phase: 'draft', seizedAt: null, term: null });
    await f.call('cases.decide', { id: opened.id }, e.officer);
    await at('2026-09-03T02:00:00Z');
    await f.call('cases.startTesting', { id: opened.id, institution: '检验站', items: '全硫', notifiedEndDate: '2026-09-05' }, e.officer);
    await at('2026-09-05T02:00:00Z');
    await f.call('cases.endTesting', { id: opened.id }, e.officer);
    await at('2026-10-01T02:00:00Z');
    await f.call('cases.extend', { id: opened.id, days: 10, reason: '复杂', approverName: '王局长' }, e.officer);
    // Base term 09-02…10-04 plus 3 testing days, rolled past 国庆 to 10-08, extended 10 days to 10-18.
    expect((await f.call('cases.get', { id: opened.id }, e.officer)).term).toMatchObject({ endDate: '2026-10-18' });
    await at('2026-10-18T02:00:00Z');
    await f.call('cases.confiscate', { id: opened.id, reason: '经检测不合格，依法没收', penaltyDecisionNo: '冀承市监罚〔2026〕7号', penaltyDecisionDate: '2026-10-18' }, e.officer);
    await f.call('handovers.create', { caseIds: [opened.id], disposalPointId: e.pointId, receiverName: '孙敏' }, e.officer);
    const c = await f.call('cases.get', { id: opened.id }, e.officer);
    expect(c).toMatchObject({
      phase: 'handed-over', seizureDate: '2026-09-01', decisionDate: '2026-09-01', outcomeDate: '2026-10-18', term: null,
      testing: [{ startDate: '2026-09-03', notifiedEndDate: '2026-09-05', endDate: '2026-09-05' }], extension: { days: 10, approvedOn: '2026-10-01' },
    });
    const events = f.app.db.prepare('SELECT type, event_date, phase_after FROM case_events WHERE case_id = ? ORDER BY seq').all(c.id);
    expect(events).toEqual([
      { type: 'open', event_date: '2026-09-01', phase_after: 'draft' },
      { type: 'decide', event_date: '2026-09-01', phase_after: 'seized' },
      { type: 'start-testing', event_date: '2026-09-03', phase_after: 'seized' },
      { type: 'end-testing', event_date: '2026-09-05', phase_after: 'seized' },
      { type: 'extend', event_date: '2026-10-01', phase_after: 'extended' },
      { type: 'confiscate', event_date: '2026-10-18', phase_after: 'confiscated' },
      { type: 'hand-over', event_date: '2026-10-18', phase_after: 'handed-over' },
    ]);
  });
});

describe('the holiday tables (国务院办公厅通知) and the warning for a missing year', () => {
  it('lists the shipped tables and warns about 2027 until an administrator enters it', async () => {
    const status = await f.call('cases.holidayCalendar', {}, f.adminToken);
    expect(status.tables.map((t) => [t.year, t.verified, t.holidays, t.makeUpWorkdays])).toEqual([[2025, true, 28, 5], [2026, true, 33, 6]]);
    // 2026-11-28: a term decided today (60 days with an extension) may end in 2027, which has no table.
    expect(status.warnings.map((w) => w.code)).toEqual(['holidays-missing-next']);
    expect((await f.call('cases.holidayCalendar', {}, e.officer)).warnings[0]?.zh).toContain('缺少2027年法定节假日安排');
    await f.call('documentSettings.update', {
      agencyName: '承德市市场监督管理局', reviewGovernment: '承德市人民政府', court: '承德市双桥区人民法院',
      termPolicy: { startDayRule: 'next-day', warnWithinDays: 5, statutoryHolidays: ['2027-01-01'] },
    }, f.adminToken);
    expect(await f.call('cases.holidayCalendar', {}, f.adminToken)).toMatchObject({ adminYears: [2027], warnings: [] });
    await at('2028-03-01T02:00:00Z');
    expect((await f.call('cases.holidayCalendar', {}, e.officer)).warnings.map((w) => w.code)).toEqual(['holidays-missing-current']);
  });

  it('is refused to kiosk and disposal users', async () => {
    expect((await f.raw('cases.holidayCalendar', {}, await f.tokenFor('kiosk'))).ok).toBe(false);
    expect((await f.raw('cases.holidayCalendar', {}, e.disposal)).ok).toBe(false);
  });
});
