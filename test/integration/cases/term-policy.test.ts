import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src-shared/contract/index.ts';
import { createFixture, type Fixture } from '../../support/app-fixture.ts';
import { decidedCase, setUpEnforcement, type Enforcement } from './helpers.ts';

let f: Fixture;
let e: Enforcement;
beforeEach(async () => {
  f = await createFixture();
  e = await setUpEnforcement(f);
});

const agency = { agencyName: '承德市市场监督管理局', reviewGovernment: '承德市人民政府', court: '承德市双桥区人民法院' };
type TermPolicy = NonNullable<InputOf<'documentSettings.update'>['termPolicy']>;
const setPolicy = (termPolicy: Partial<TermPolicy>) =>
  f.call('documentSettings.update', { ...agency, termPolicy: { startDayRule: 'next-day', warnWithinDays: 5, statutoryHolidays: [], ...termPolicy } }, f.adminToken);

/** Moves the clock; sessions do not survive the jump, so officer and supervisor log in again. */
async function advanceTo(iso: string): Promise<void> {
  f.clock.now = new Date(iso);
  const login = async (role: string) => (await f.call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token;
  e.officer = await login('officer');
  e.supervisor = await login('supervisor');
}

/** The data frozen at the first print of a document of the case. */
function printedData(caseId: number, kind: string): { term: { endDate: string }; extension?: { originalEndDate: string; newEndDate: string } } {
  const row = f.app.db.prepare('SELECT data_json FROM printed_documents WHERE case_id = @caseId AND kind = @kind').get({ caseId, kind }) as { data_json: string };
  return JSON.parse(row.data_json) as ReturnType<typeof printedData>;
}

// Every case below is decided on 2026-11-28 (the fixture's clock).
describe('legal-term rules in the document settings', () => {
  it('defaults to the statutory rules: day 1 is the day after the decision', async () => {
    expect((await f.call('documentSettings.get', {}, e.officer)).termPolicy).toEqual({ startDayRule: 'next-day', warnWithinDays: 5, statutoryHolidays: [] });
    const c = await decidedCase(f, e);
    expect(c.term).toMatchObject({ firstDay: '2026-11-29', endDate: '2026-12-28' });
    // The shipped national tables (2025, 2026) are frozen into the case with the statutory rules.
    expect(c.termRules).toMatchObject({ startDayRule: 'next-day', baseDays: 30, maxExtensionDays: 30 });
    expect(c.termRules?.statutoryHolidays).toHaveLength(28 + 33);
    expect(c.termRules?.statutoryHolidays).toEqual(expect.arrayContaining(['2025-01-01', '2026-10-07']));
  });

  it('counts the decision day as day 1 for a new case under the same-day rule', async () => {
    await setPolicy({ startDayRule: 'same-day' });
    const c = await decidedCase(f, e);
    expect(c.term).toMatchObject({ firstDay: '2026-11-28', endDate: '2026-12-27' });
    await f.call('documents.render', { caseId: c.id, kind: 'seizure-decision' }, e.officer);
    expect(printedData(c.id, 'seizure-decision').term.endDate).toBe('2026-12-27');
  });

  it('moves a term ending on a statutory holiday to the next working day; holidays are stored sorted, once each', async () => {
    const saved = await setPolicy({ statutoryHolidays: ['2026-12-29', '2026-12-28', ' 2026-12-28 ', '2026-01-01'] });
    expect(saved.termPolicy.statutoryHolidays).toEqual(['2026-01-01', '2026-12-28', '2026-12-29']);
    const c = await decidedCase(f, e);
    expect(c.term?.endDate).toBe('2026-12-30');
    expect((await f.call('cases.list', {}, e.officer)).find((x) => x.id === c.id)?.term?.endDate).toBe('2026-12-30');
  });

  it('keeps the term of an already-decided case when the rules change afterwards', async () => {
    const old = await decidedCase(f, e);
    await f.call('documents.render', { caseId: old.id, kind: 'seizure-decision' }, e.officer);
    // Under these rules the old case would end on 12-27 (same day) or 12-29 (its end made a holiday).
    await setPolicy({ startDayRule: 'same-day', statutoryHolidays: ['2026-12-28'], warnWithinDays: 10 });
    const fresh = await decidedCase(f, e);
    expect(fresh.term?.endDate).toBe('2026-12-27');

    expect((await f.call('cases.get', { id: old.id }, e.officer)).term?.endDate).toBe('2026-12-28');
    expect((await f.call('cases.get', { id: old.id }, e.officer)).termRules?.startDayRule).toBe('next-day');

    // An extension decided after the change is computed with the case's own rules too.
    await advanceTo('2026-12-20T02:00:00Z');
    await f.call('cases.extend', { id: old.id, days: 30, reason: '案情复杂', approverName: '王局长' }, e.officer);
    await f.call('documents.render', { caseId: old.id, kind: 'extension-decision' }, e.officer);
    expect(printedData(old.id, 'extension-decision').extension).toMatchObject({ originalEndDate: '2026-12-28', newEndDate: '2027-01-27' });
    expect(printedData(old.id, 'seizure-decision').term.endDate).toBe('2026-12-28');

    // The warning threshold is not a term rule: the current 10 days apply to every case.
    const warnings = await f.call('cases.termWarnings', {}, e.supervisor);
    expect(warnings.map((w) => [w.caseId, w.endDate])).toEqual([[fresh.id, '2026-12-27']]);
    await advanceTo('2027-01-20T02:00:00Z');
    expect((await f.call('cases.termWarnings', {}, e.supervisor)).map((w) => [w.caseId, w.endDate])).toEqual([[fresh.id, '2026-12-27'], [old.id, '2027-01-27']]);

    const open = await f.call('reports.enforcementRecords', { from: '2026-11-01', to: '2026-11-30', figure: 'openCases' }, e.supervisor);
    expect(open.figure === 'openCases' && open.rows.map((r) => [r.id, r.term?.endDate])).toEqual([[fresh.id, '2026-12-27'], [old.id, '2027-01-27']]);
  });

  it('keeps the term rules when an update leaves them out, and audits a change', async () => {
    await setPolicy({ startDayRule: 'same-day', warnWithinDays: 3 });
    const audits = f.app.db.prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'documentSettings.update' ORDER BY seq").all() as { before_json: string; after_json: string }[];
    expect(JSON.parse(audits.at(-1)!.before_json).termPolicy.startDayRule).toBe('next-day');
    expect(JSON.parse(audits.at(-1)!.after_json).termPolicy).toEqual({ startDayRule: 'same-day', warnWithinDays: 3, statutoryHolidays: [] });
    const saved = await f.call('documentSettings.update', { ...agency, court: '别的法院' }, f.adminToken);
    expect(saved.termPolicy).toEqual({ startDayRule: 'same-day', warnWithinDays: 3, statutoryHolidays: [] });
  });

  it('refuses bad rules and stores nothing', async () => {
    const before = await setPolicy({ statutoryHolidays: ['2026-10-01'] });
    const audits = f.count('audit_log');
    const bad: [Record<string, unknown>, string][] = [
      [{ warnWithinDays: 0 }, 'termPolicy.warnWithinDays'],
      [{ warnWithinDays: 16 }, 'termPolicy.warnWithinDays'],
      [{ warnWithinDays: 2.5 }, 'termPolicy.warnWithinDays'],
      [{ startDayRule: 'service-day' }, 'termPolicy.startDayRule'],
      [{ statutoryHolidays: ['2026-10-02', '2027-02-30'] }, 'termPolicy.statutoryHolidays.1'],
      [{ statutoryHolidays: ['2026/10/03'] }, 'termPolicy.statutoryHolidays.0'],
      [{ baseDays: 45 }, 'termPolicy'],
    ];
    for (const [change, path] of bad) {
      const r = await f.raw('documentSettings.update', { ...agency, court: '别的法院', termPolicy: { ...before.termPolicy, ...change } }, f.adminToken);
      expect(!r.ok && r.error.code, JSON.stringify(change)).toBe('invalid-input');
      expect(!r.ok && r.error.issues?.map((i) => i.path), JSON.stringify(change)).toEqual([path]);
    }
    expect(await f.call('documentSettings.get', {}, f.adminToken)).toEqual(before);
    expect(f.count('audit_log')).toBe(audits);
  });
});
