import type { InputOf } from '../../../src-shared/contract/index.ts';
import type { Fixture } from '../../support/app-fixture.ts';

type Draft = InputOf<'cases.open'>['draft'];

/** A draft that passes every completeness rule (party present, two credentialed officers, prior approval). */
export function completeDraft(custodyPointId: number, overrides: Partial<Draft> = {}): Draft {
  return {
    parties: [{ kind: 'person', role: 'driver', name: '张三', idNumber: '11010519491231002X', address: '河北省承德市双桥区1号', phone: '13800000000' }],
    vehiclePlates: ['冀H12345'],
    reason: '运输的散煤灰分、全硫不符合民用散煤质量标准',
    legalBasisIds: ['cpzl-18', 'xzqz-24', 'dqwr-36'],
    measure: 'detain',
    items: [{ coalKind: '劣质散煤', quantityKg: 31_240, measuredBy: 'weighbridge', weighTicketNo: 'BD-0012', sealNumbers: ['FT-01'] }],
    custodyPointId,
    approval: { approverName: '王局长', approvedAt: '2026-11-28T06:30:00Z', emergency: false },
    officers: [{ name: '赵一', credentialNo: '13080020001' }, { name: '钱二', credentialNo: '13080020002' }],
    seizedAt: '2026-11-28T07:00:00Z',
    place: '承德市G101国道煤质检查站',
    credentialsShown: true,
    rightsNotified: true,
    partyPresent: true,
    partyRefusedToSign: false,
    witness: null,
    partyStatement: '放弃陈述申辩',
    ...overrides,
  };
}

export interface Enforcement {
  pointId: number;
  pointCode: string;
  officer: string;
  supervisor: string;
  disposal: string;
}

/** A disposal point and tokens for the roles the enforcement flow needs. */
export async function setUpEnforcement(f: Fixture): Promise<Enforcement> {
  const point = await f.call('disposalPoints.create', { code: 'CDX01', name: '承德县发改局煤炭处置点', address: '承德县下板城镇' }, f.adminToken);
  return { pointId: point.id, pointCode: point.code, officer: await f.tokenFor('officer'), supervisor: await f.tokenFor('supervisor'), disposal: await f.tokenFor('disposal') };
}

/** Opens and decides a complete case (by default as the officer). */
export async function decidedCase(f: Fixture, e: Enforcement, overrides: Partial<Draft> = {}, token = e.officer) {
  const opened = await f.call('cases.open', { draft: completeDraft(e.pointId, overrides) }, token);
  return f.call('cases.decide', { id: opened.id }, token);
}
