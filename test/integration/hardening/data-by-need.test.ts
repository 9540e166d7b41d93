import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { maskIdNumber } from '../../../src-shared/domain/id-number.ts';
import { maskPhone } from '../../../src-shared/domain/phone-mask.ts';
import type { EnforcementCase, Registration } from '../../../src-shared/contract/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';
import { completeDraft, setUpEnforcement, type Enforcement } from '../cases/helpers.ts';

let f: Fixture;
let e: Enforcement;
let kiosk: string;
let otherOfficer: string;
let recordedOfficer: string;
let saved: Registration;
let opened: EnforcementCase;

/** A truck registered at the kiosk, a case opened from it by officer1 (its own case), decided, its decision printed. */
beforeAll(async () => {
  f = await createFixture();
  e = await setUpEnforcement(f);
  kiosk = await f.tokenFor('kiosk');
  await f.call('users.create', { username: 'officer2', displayName: '孙三', role: 'officer', password: 'user-pass-1', credentialNumber: '13080029999' }, f.adminToken);
  otherOfficer = (await f.call('auth.login', { username: 'officer2', password: 'user-pass-1' })).token;
  // Recorded on the case (completeDraft's first officer) by credential number.
  await f.call('users.create', { username: 'officer3', displayName: '赵一', role: 'officer', password: 'user-pass-1', credentialNumber: '13080020001' }, f.adminToken);
  recordedOfficer = (await f.call('auth.login', { username: 'officer3', password: 'user-pass-1' })).token;
  saved = await f.call('registrations.create', validRegistration(7), kiosk);
  const fromReg = await f.call('cases.openFromRegistration', { registrationId: saved.id }, e.officer);
  await f.call('cases.update', { id: fromReg.id, draft: completeDraft(e.pointId, { items: fromReg.draft.items, parties: [{ ...fromReg.draft.parties[0]!, address: '河北省承德市双桥区1号' }] }) }, e.officer);
  await f.call('cases.decide', { id: fromReg.id }, e.officer);
  await f.call('documents.render', { caseId: fromReg.id, kind: 'seizure-decision' }, e.officer);
  opened = await f.call('cases.get', { id: fromReg.id }, e.officer);
});

const amendedChanges = () => ({ ...validRegistration(7), tareKg: validRegistration(7).tareKg + 2_000 });

describe('a registration in a case is frozen for the kiosk (issue 14 item 8)', () => {
  it('the kiosk\'s amendment is refused with the case named, and no revision is added', async () => {
    const r = await f.raw('registrations.amend', { id: saved.id, reason: '皮重录错', changes: amendedChanges() }, kiosk);
    expect(r.ok ? null : { code: r.error.code, message: r.error.message })
      .toEqual({ code: 'conflict', message: translate('zh-CN', 'dataProtection.frozenInCase', { caseNumber: opened.caseNumber }) });
    expect(await f.call('registrations.get', { id: saved.id }, kiosk)).toHaveLength(1);
  });

  it('an officer who is not an officer of the case is refused', async () => {
    const r = await f.raw('cases.amendRegistration', { caseId: opened.id, reason: '皮重录错', changes: amendedChanges() }, otherOfficer);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    expect((await f.call('cases.get', { id: opened.id }, e.officer)).netKg).toBe(saved.netKg);
  });

  it('the case\'s officer amends it: new revision, case quantity and item updated, event recorded, printed decision flagged', async () => {
    const eventsBefore = f.count('case_events');
    const after = await f.call('cases.amendRegistration', { caseId: opened.id, reason: '皮重录错，按复磅更正', changes: amendedChanges() }, e.officer);
    const revisions = await f.call('registrations.get', { id: saved.id }, kiosk);
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    const current = revisions[1]!;
    expect(current.netKg).toBe(saved.netKg - 2_000);
    const stored = await f.call('cases.get', { id: opened.id }, e.officer);
    expect(stored.netKg).toBe(current.netKg);
    expect(stored.registrationId).toBe(current.id);
    expect(stored.draft.items.find((i) => i.weighTicketNo === saved.recordNumber)?.quantityKg).toBe(current.netKg);
    expect(after.netKg).toBe(current.netKg);
    expect(f.count('case_events')).toBe(eventsBefore + 1);
    const event = f.app.db.prepare("SELECT payload_json AS p FROM case_events WHERE case_id = ? AND type = 'registration-amended'").get(opened.id) as { p: string };
    expect(JSON.parse(event.p)).toMatchObject({ netKgBefore: saved.netKg, netKgAfter: current.netKg, reason: '皮重录错，按复磅更正' });
    const docs = new Map(stored.documents.map((d) => [d.kind, d]));
    expect(docs.get('seizure-decision')?.needsReissue).toBe(true);
    // Never printed: prints the new quantity anyway, nothing to reissue.
    expect(docs.get('inventory-list')?.printCount).toBe(0);
    expect(docs.get('inventory-list')?.needsReissue).toBe(false);
    // Voiding the stale number and issuing its replacement clears the flag.
    await f.call('documents.voidNumber', { caseId: opened.id, kind: 'seizure-decision', reason: '登记更正后重新出具' }, e.supervisor);
    const reissued = await f.call('cases.get', { id: opened.id }, e.officer);
    expect(reissued.documents.find((d) => d.kind === 'seizure-decision')?.needsReissue).toBe(false);
  });
});

describe('ID and phone numbers by need (issue 14 item 5): method × role', () => {
  const full = () => ({ id: saved.driverIdNumber, phone: saved.driverPhone });
  const masked = () => ({ id: maskIdNumber(saved.driverIdNumber), phone: maskPhone(saved.driverPhone) });

  it('the masks hide the middle digits', () => {
    expect(masked().id).not.toBe(full().id);
    expect(masked().id).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(masked().phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  const regTable: [string, 'kiosk' | 'officer' | 'supervisor' | 'admin', 'full' | 'masked'][] = [
    ['registrations.search', 'kiosk', 'masked'], ['registrations.search', 'officer', 'masked'],
    ['registrations.search', 'supervisor', 'masked'], ['registrations.search', 'admin', 'masked'],
    ['registrations.get', 'kiosk', 'full'], ['registrations.get', 'supervisor', 'full'], ['registrations.get', 'admin', 'full'],
    ['registrations.get', 'officer', 'masked'],
  ];
  it.each(regTable)('%s as %s: %s', async (method, role, expected) => {
    const token = role === 'admin' ? f.adminToken : await f.tokenFor(role);
    const rows = method === 'registrations.search'
      ? (await f.call('registrations.search', { query: saved.recordNumber, pageSize: 200 }, token)).rows
      : await f.call('registrations.get', { id: saved.id }, token);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect({ id: r.driverIdNumber, phone: r.driverPhone }).toEqual(expected === 'full' ? full() : masked());
  });

  const caseTable: [string, 'full' | 'masked', () => string][] = [
    ['the officer who opened it', 'full', () => e.officer],
    ['an officer recorded on it by credential number', 'full', () => recordedOfficer],
    ['another officer', 'masked', () => otherOfficer],
    ['a supervisor', 'masked', () => e.supervisor],
    ['the disposal clerk', 'masked', () => e.disposal],
    ['an administrator', 'masked', () => f.adminToken],
  ];
  it.each(caseTable)('cases.get as %s: %s', async (_who, expected, token) => {
    const c = await f.call('cases.get', { id: opened.id }, token());
    const party = c.draft.parties[0]!;
    expect({ id: party.idNumber, phone: party.phone }).toEqual(expected === 'full' ? full() : masked());
  });

  it('cases.list is masked for every caller but the case\'s officer', async () => {
    const party = (list: EnforcementCase[]) => list.find((c) => c.id === opened.id)!.draft.parties[0]!;
    expect(party(await f.call('cases.list', {}, otherOfficer)).idNumber).toBe(masked().id);
    expect(party(await f.call('cases.list', {}, e.officer)).idNumber).toBe(full().id);
  });

  it('revealing one number returns it in full and is audited (field named, value not); the kiosk may not', async () => {
    const auditBefore = f.count('audit_log');
    const shown = await f.call('personalData.reveal', { source: 'registration', id: saved.id, field: 'driverPhone' }, e.supervisor);
    expect(shown.value).toBe(saved.driverPhone);
    const entry = f.app.db.prepare("SELECT * FROM audit_log WHERE action = 'personalData.reveal' ORDER BY seq DESC LIMIT 1").get() as Record<string, unknown>;
    expect(f.count('audit_log')).toBe(auditBefore + 1);
    expect(JSON.stringify(entry)).toContain('driverPhone');
    expect(JSON.stringify(entry)).not.toContain(saved.driverPhone);
    const party = await f.call('personalData.reveal', { source: 'case-party', id: opened.id, partyIndex: 0, field: 'idNumber' }, otherOfficer);
    expect(party.value).toBe(saved.driverIdNumber);
    const refused = await f.raw('personalData.reveal', { source: 'registration', id: saved.id, field: 'driverPhone' }, kiosk);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    expect(f.count('audit_log')).toBe(auditBefore + 2);
  });
});
