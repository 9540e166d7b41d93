import custodyAndRoles from '../../../db/migrations/011-custody-and-roles.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrations } from '../../../db/migrations/index.ts';
import { migrate, openDatabase } from '../../../db/open.ts';
import { insertDisposalPoint } from '../../../db/handovers-repo.ts';
import { insertMovement, pointBalances, type Effect } from '../../../db/ledger-repo.ts';
import { createFixture, tempDbPath, type Fixture } from '../../support/app-fixture.ts';
import { completeDraft, decidedCase, setUpEnforcement, type Enforcement } from './helpers.ts';

const none: Effect = { receivedKg: 0, disposedKg: 0, releasedKg: 0, gainKg: 0, lossKg: 0, balanceKg: 0, proceedsFen: 0 };
const base = (id: string) => ({ id, at: '2026-11-28T01:00:00Z', pointId: '1', caseId: 'C1', coalKind: '劣质散煤', operator: 'clerk' });
const extra = { pointId: 1, operatorId: null, handoverId: null };

function receipt(db: Database.Database, id: string, kg: number) {
  insertMovement(db, { ...base(id), kind: 'receipt', handoverFormNo: 'YJ-1', handedOverKg: kg, quantityKg: kg }, extra, { ...none, receivedKg: kg, balanceKg: kg });
}
function disposal(db: Database.Database, id: string, kg: number) {
  insertMovement(db, { ...base(id), kind: 'disposal', method: 'blending', quantityKg: kg, authorityRef: 'A-1' }, extra, { ...none, disposedKg: kg, balanceKg: -kg });
}

describe('running ledger balances (migration 005)', () => {
  it('follow every movement, and the database itself refuses a negative stock', () => {
    const db = openDatabase(tempDbPath());
    insertDisposalPoint(db, { code: 'P1', name: '承德处置点', address: '-', at: '2026-11-01T00:00:00Z' });
    receipt(db, 'r1', 30_000);
    disposal(db, 'd1', 12_000);
    expect(pointBalances(db)[0]).toMatchObject({ receivedKg: 30_000, disposedKg: 12_000, stockKg: 18_000 });
    expect(() => disposal(db, 'd2', 18_001)).toThrow(/cannot go negative/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ledger_movements').get()).toEqual({ n: 2 });
    expect(pointBalances(db)[0]!.stockKg).toBe(18_000);
  });

  it('are backfilled from the movements already in a database being upgraded', () => {
    const db = new Database(tempDbPath());
    migrate(db, 4);
    insertDisposalPoint(db, { code: 'P1', name: '承德处置点', address: '-', at: '2026-11-01T00:00:00Z' });
    legacyMovement(db, 'r1', 'receipt', 'C1', 30_000);
    legacyMovement(db, 'd1', 'disposal', 'C1', -5_000);
    migrate(db);
    expect(pointBalances(db)[0]).toMatchObject({ receivedKg: 30_000, disposedKg: 5_000, stockKg: 25_000 });
  });
});

/** A movement row as builds before migration 011 wrote it (receipts from handover 1 when there is one). */
function legacyMovement(db: Database.Database, id: string, kind: 'receipt' | 'disposal', caseRef: string, deltaKg: number) {
  const handover = db.prepare('SELECT id FROM handovers WHERE id = 1').get() ? 1 : null;
  db.prepare(`INSERT INTO ledger_movements (id, kind, at, point_id, case_ref, coal_kind, operator_name, handover_id, handover_form_no, handed_over_kg, quantity_kg,
      method, authority_ref, received_delta_kg, disposed_delta_kg, balance_delta_kg)
    VALUES (@id, @kind, '2026-11-02T00:00:00Z', 1, @caseRef, '劣质散煤', 'clerk', @handover, 'YJ-1', @kg, @kg, @method, @ref, @received, @disposed, @deltaKg)`)
    .run({
      id, kind, caseRef, deltaKg, kg: Math.abs(deltaKg), handover: kind === 'receipt' ? handover : null, method: kind === 'disposal' ? 'blending' : null,
      ref: kind === 'disposal' ? 'A-1' : null, received: kind === 'receipt' ? deltaKg : 0, disposed: kind === 'disposal' ? -deltaKg : 0,
    });
}

describe('migration 011: custody and role sets', () => {
  it('keeps every user\'s role, the ledger and its totals, and marks coal received already confiscated', () => {
    const db = new Database(tempDbPath());
    migrate(db, migrations.indexOf(custodyAndRoles));
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('s1', '主管', 'supervisor', 'x', '2026-01-01')").run();
    insertDisposalPoint(db, { code: 'P1', name: '承德处置点', address: '-', at: '2026-11-01T00:00:00Z' });
    const record = { cases: [{ caseId: 'C1', legalStatus: 'confiscated' }, { caseId: 'C2', legalStatus: 'seized' }] };
    db.prepare(`INSERT INTO handovers (uid, direction, form_no, checkpoint_id, disposal_point_code, handed_over_at, record_json, total_kg, content_hash,
      signed_file_text, recorded_at) VALUES ('u1', 'incoming', 'YJ-1', 'CD01', 'P1', '2026-11-01', @json, 2, 'h', '{}', '2026-11-01')`).run({ json: JSON.stringify(record) });
    legacyMovement(db, 'r1', 'receipt', 'C1', 1_000);
    legacyMovement(db, 'r2', 'receipt', 'C2', 2_000);
    migrate(db);
    expect(db.prepare("SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.username = 's1'").all()).toEqual([{ role: 'supervisor' }]);
    expect(pointBalances(db)[0]).toMatchObject({ receivedKg: 3_000, stockKg: 3_000, custodyKg: 2_000, confiscatedKg: 1_000, releasedKg: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare("UPDATE ledger_movements SET quantity_kg = 1").run()).toThrow(/append-only/);
  });
});

describe('custody until confiscation (行政强制法 arts.26, 27, 28), through the API', () => {
  let f: Fixture;
  let e: Enforcement;
  beforeEach(async () => {
    f = await createFixture();
    e = await setUpEnforcement(f);
  });
  const sale = (caseRef: string) => ({ pointId: e.pointId, caseRef, coalKind: '劣质散煤', method: 'sale' as const, quantityKg: 10_000, authorityRef: '冀承发改处〔2026〕1号', counterparty: '承德热力公司', proceedsFen: 800_000, treasuryRemittanceRef: 'GK-1' });
  const footprint = () => ['ledger_movements', 'confiscation_notices', 'audit_log', 'case_confiscations'].map((t) => f.count(t));
  async function refused(method: string, input: unknown, token: string) {
    const before = footprint();
    const r = await f.raw(method, input, token);
    expect(r.ok).toBe(false);
    expect(footprint()).toEqual(before);
    return r.ok ? null : r.error;
  }
  /** Decided, handed over while only seized, imported and received at the point. */
  async function inCustody() {
    const c = await decidedCase(f, e);
    const h = await f.call('handovers.create', { caseIds: [c.id], disposalPointId: e.pointId, receiverName: '孙敏' }, e.officer);
    const imported = await f.call('handovers.import', { text: h.fileText }, e.disposal);
    await f.call('ledger.receive', { handoverId: imported.id, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_200, differenceReason: '复磅差异' }, e.disposal);
    return c;
  }

  it('a full case: seize → handover → receipt → sale refused → confiscation notice (tampered refused) → sale → balances read back', async () => {
    const c = await inCustody();
    expect((await f.call('cases.get', { id: c.id }, e.officer)).phase).toBe('seized');
    const [held] = await f.call('ledger.balance', { pointId: e.pointId }, e.disposal);
    expect(held).toMatchObject({ stockKg: 31_200, custodyKg: 31_200, confiscatedKg: 0, buckets: [{ caseRef: c.caseNumber, status: 'custody', stockKg: 31_200 }] });
    for (const method of ['sale', 'auction', 'destruction', 'transfer', 'blending'] as const) {
      const error = await refused('ledger.dispose', { ...sale(c.caseNumber), method, ...(method === 'sale' || method === 'auction' ? {} : { proceedsFen: undefined, treasuryRemittanceRef: undefined }) }, e.disposal);
      expect(error?.message).toContain('尚未没收');
    }
    // A second handover of the same coal is refused; confiscation is what reaches the point now.
    await refused('handovers.create', { caseIds: [c.id], disposalPointId: e.pointId, receiverName: '孙敏' }, e.officer);
    await refused('cases.confiscate', { id: c.id, reason: '不合格', penaltyDecisionNo: '冀承市监罚〔2026〕12号', penaltyDecisionDate: '2026-11-29' }, e.officer);
    await refused('cases.confiscate', { id: c.id, reason: '不合格', penaltyDecisionNo: '冀承市监罚〔2026〕12号', penaltyDecisionDate: '2026-11-27' }, e.officer);
    const confiscated = await f.call('cases.confiscate', { id: c.id, reason: '经检测不合格，依法没收', penaltyDecisionNo: '冀承市监罚〔2026〕12号', penaltyDecisionDate: '2026-11-28' }, e.officer);
    expect(confiscated.phase).toBe('handed-over');
    const [notice] = await f.call('confiscations.list', { direction: 'outgoing', caseRef: c.caseNumber }, e.officer);
    expect(notice).toMatchObject({ caseRef: c.caseNumber, disposalPointCode: e.pointCode, penaltyDecisionNo: '冀承市监罚〔2026〕12号', penaltyDecisionDate: '2026-11-28' });
    expect(notice!.qrText).toMatch(/^CCCN1:/);

    const tampered = JSON.parse(notice!.fileText) as { record: { penaltyDecisionNo: string } };
    tampered.record.penaltyDecisionNo = '冀承市监罚〔2026〕99号';
    expect((await refused('confiscations.import', { text: JSON.stringify(tampered) }, e.disposal))?.message).toContain('已被改动');
    // A handover's signed text is not a confiscation notice, and the notice is not a handover.
    await refused('confiscations.import', { text: (await f.call('handovers.list', { direction: 'outgoing' }, e.officer))[0]!.qrText! }, e.disposal);
    await refused('handovers.import', { text: notice!.qrText! }, e.disposal);
    // Still custody: nothing changed by the refused imports.
    await refused('ledger.dispose', sale(c.caseNumber), e.disposal);

    const imported = await f.call('confiscations.import', { text: notice!.qrText! }, e.disposal);
    expect(imported.movements).toEqual([expect.objectContaining({ kind: 'confiscation', caseRef: c.caseNumber, balanceDeltaKg: 0 })]);
    expect((await refused('confiscations.import', { text: notice!.fileText }, e.disposal))?.message).toContain('不能重复导入');
    await refused('ledger.release', { pointId: e.pointId, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 1, authorityRef: 'X', counterparty: '张三' }, e.disposal);
    await f.call('ledger.dispose', sale(c.caseNumber), e.disposal);

    const [after] = await f.call('ledger.balance', { pointId: e.pointId }, e.disposal);
    expect(after).toMatchObject({ receivedKg: 31_200, disposedKg: 10_000, releasedKg: 0, stockKg: 21_200, custodyKg: 0, confiscatedKg: 21_200, proceedsFen: 800_000 });
    expect(after!.buckets).toEqual([{ caseRef: c.caseNumber, coalKind: '劣质散煤', stockKg: 21_200, status: 'confiscated' }]);
    const moves = await f.call('ledger.movements', { pointId: e.pointId }, e.disposal);
    expect(moves.map((m) => m.kind)).toEqual(['disposal', 'confiscation', 'receipt']);
    expect(moves[1]!.detail).toMatchObject({ authorityRef: '冀承市监罚〔2026〕12号', decisionDate: '2026-11-28' });
    expect(await f.call('ledger.verify', {}, e.supervisor)).toEqual({ ok: true, movements: 3, problems: [] });
    expect(await f.call('audit.verify', {}, e.supervisor)).toMatchObject({ ok: true });
  });

  it('coal handed over after confiscation arrives confiscated, with the penalty decision on the signed handover', async () => {
    const c = await decidedCase(f, e);
    await f.call('cases.confiscate', { id: c.id, reason: '没收', penaltyDecisionNo: '冀承市监罚〔2026〕3号', penaltyDecisionDate: '2026-11-28' }, e.officer);
    const h = await f.call('handovers.create', { caseIds: [c.id], disposalPointId: e.pointId, receiverName: '孙敏' }, e.officer);
    expect(JSON.parse(h.fileText).record.cases[0]).toMatchObject({ legalStatus: 'confiscated', penaltyDecisionNo: '冀承市监罚〔2026〕3号', penaltyDecisionDate: '2026-11-28' });
    const imported = await f.call('handovers.import', { text: h.qrText! }, e.disposal);
    await f.call('ledger.receive', { handoverId: imported.id, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_240 }, e.disposal);
    await f.call('ledger.dispose', sale(c.caseNumber), e.disposal);
    expect((await f.call('ledger.balance', {}, e.disposal))[0]).toMatchObject({ custodyKg: 0, confiscatedKg: 21_240 });
  });

  it('行政强制法 art.28: a release returns custody coal to the party only once the case is released', async () => {
    const c = await inCustody();
    const give = { pointId: e.pointId, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_200, authorityRef: '冀承市监解〔2026〕1号', counterparty: '张三' };
    expect((await refused('ledger.release', give, e.disposal))?.key).toBe('cases.errors.notReleased');
    await f.call('cases.release', { id: c.id, ground: 1, explanation: '复检合格' }, e.officer);
    await refused('ledger.release', { ...give, quantityKg: 31_201 }, e.disposal);
    await f.call('ledger.release', give, e.disposal);
    expect((await f.call('ledger.balance', {}, e.disposal))[0]).toMatchObject({ receivedKg: 31_200, releasedKg: 31_200, stockKg: 0, custodyKg: 0 });
    expect((await f.call('ledger.movements', {}, e.disposal))[0]).toMatchObject({ kind: 'release', quantityKg: 31_200, detail: { counterparty: '张三' } });
    expect((await f.call('ledger.verify', {}, e.disposal)).ok).toBe(true);
  });

  it('the conservation check finds running totals changed behind the ledger', async () => {
    await inCustody();
    f.app.db.prepare('UPDATE ledger_balances SET balance_kg = balance_kg - 200').run();
    const check = await f.call('ledger.verify', {}, e.disposal);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.zh).join()).toContain('不平衡');
  });
});

describe('separation of duties by person (财税〔2020〕54号: 执法与保管、处置岗位相分离)', () => {
  let f: Fixture;
  let e: Enforcement;
  beforeEach(async () => {
    f = await createFixture();
    e = await setUpEnforcement(f);
  });
  /** A user holding the disposal role (and any others), logged in. */
  async function clerk(username: string, displayName: string, roles: ('officer' | 'disposal' | 'supervisor' | 'admin')[], credentialNumber?: string) {
    await f.call('users.create', { username, displayName, roles, password: 'user-pass-1', ...(credentialNumber ? { credentialNumber } : {}) }, f.adminToken);
    return (await f.call('auth.login', { username, password: 'user-pass-1' })).token;
  }

  it('nobody named on the case may record its coal: actors, officers on the on-site record, the approver, the extension approver', async () => {
    const opener = await clerk('opener', '执法员 孙八', ['officer', 'disposal'], '13080020099');
    const confiscator = await clerk('conf', '执法员 吴九', ['officer', 'disposal']);
    const byCredential = await clerk('cred', '赵一一', ['disposal'], '13080020001');
    const byName = await clerk('named', '执法员 钱二', ['disposal']);
    const approver = await clerk('head', '局长 王局长', ['disposal']);
    const extender = await clerk('ext', '周主任', ['disposal']);
    const outsider = await clerk('clerk', '处置点 郑十', ['disposal']);
    const opened = await f.call('cases.open', { draft: completeDraft(e.pointId) }, opener);
    const c = await f.call('cases.decide', { id: opened.id }, e.officer);
    await f.call('cases.extend', { id: c.id, days: 10, reason: '需核查来源', approverName: '周主任' }, e.officer);
    const h = await f.call('handovers.create', { caseIds: [c.id], disposalPointId: e.pointId, receiverName: '郑十' }, e.officer);
    const imported = await f.call('handovers.import', { text: h.qrText! }, outsider);
    const receipt = { handoverId: imported.id, caseRef: c.caseNumber, coalKind: '劣质散煤', quantityKg: 31_240 };
    const duties: [string, string, string][] = [
      [opener, '办理过本案', 'opened the case'], [byCredential, '执法人员', 'officer by credential number'], [byName, '执法人员', 'officer by name'],
      [approver, '批准人', 'approving head'], [extender, '批准人', 'extension approver'],
    ];
    for (const [token, duty] of duties) {
      const r = await f.raw('ledger.receive', receipt, token);
      expect(r.ok).toBe(false);
      if (!r.ok) expect([r.error.key, r.error.message]).toEqual(['cases.errors.separationOfDuties', expect.stringContaining(duty)]);
    }
    await f.call('ledger.receive', receipt, outsider);
    await f.call('cases.confiscate', { id: c.id, reason: '没收', penaltyDecisionNo: '冀承市监罚〔2026〕5号', penaltyDecisionDate: '2026-11-28' }, confiscator);
    const [notice] = await f.call('confiscations.list', { direction: 'outgoing' }, e.officer);
    // The officer who recorded the confiscation acted on the case: the notice cannot be entered by them.
    expect(await f.raw('confiscations.import', { text: notice!.qrText! }, confiscator)).toMatchObject({ ok: false, error: { key: 'cases.errors.separationOfDuties' } });
    await f.call('confiscations.import', { text: notice!.qrText! }, outsider);
    const dispose = { pointId: e.pointId, caseRef: c.caseNumber, coalKind: '劣质散煤', method: 'blending' as const, quantityKg: 1_000, authorityRef: '批-1' };
    for (const token of [opener, confiscator, byCredential, byName, approver, extender]) {
      expect(await f.raw('ledger.dispose', dispose, token)).toMatchObject({ ok: false, error: { key: 'cases.errors.separationOfDuties' } });
    }
    await f.call('ledger.dispose', dispose, outsider);
    expect(f.count('ledger_movements')).toBe(3);
  });

  it('supervisors and administrators record nothing at the point unless given the disposal role; roles are sets', async () => {
    const point = { pointId: e.pointId, caseRef: 'X', coalKind: '劣质散煤', bookKg: 0, physicalKg: 0 };
    expect(await f.raw('ledger.stockTake', point, e.supervisor)).toMatchObject({ ok: false, error: { key: 'errors.forbidden' } });
    expect(await f.raw('ledger.stockTake', point, f.adminToken)).toMatchObject({ ok: false, error: { key: 'errors.forbidden' } });
    // Supervisors still read the ledger.
    expect((await f.raw('ledger.balance', {}, e.supervisor)).ok).toBe(true);
    const admin = (await f.call('users.list', {}, f.adminToken)).find((u) => u.username === 'admin')!;
    expect(admin.roles).toEqual(['admin']);
    // The change takes effect on the next call of the same session.
    expect(await f.call('users.setRoles', { id: admin.id, roles: ['admin', 'disposal', 'disposal'] }, f.adminToken)).toMatchObject({ roles: ['disposal', 'admin'] });
    expect((await f.raw('ledger.stockTake', point, f.adminToken)).ok).toBe(true);
    expect((await f.call('auth.me', {}, f.adminToken)).user.roles).toEqual(['disposal', 'admin']);
    expect(await f.raw('users.setRoles', { id: admin.id, roles: ['disposal'] }, f.adminToken)).toMatchObject({ ok: false, error: { key: 'errors.lastAdmin' } });
    expect(await f.raw('users.setRoles', { id: admin.id, roles: [] }, f.adminToken)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await f.raw('users.setRoles', { id: admin.id, roles: ['root'] }, f.adminToken)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await f.raw('users.create', { username: 'norole', displayName: 'n', password: 'user-pass-1' }, f.adminToken)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const both = await f.call('users.create', { username: 'both', displayName: '两职', roles: ['disposal', 'officer'], password: 'user-pass-1' }, f.adminToken);
    expect(both.roles).toEqual(['officer', 'disposal']);
    const token = (await f.call('auth.login', { username: 'both', password: 'user-pass-1' })).token;
    expect((await f.raw('cases.list', {}, token)).ok).toBe(true);
    expect((await f.raw('ledger.balance', {}, token)).ok).toBe(true);
    expect((await f.raw('users.list', {}, token)).ok).toBe(false);
    expect(await f.call('audit.verify', {}, e.supervisor)).toMatchObject({ ok: true });
  });
});
