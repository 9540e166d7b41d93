import type { Db } from '../../db/open.ts';
import type { User } from '../../src-shared/contract/accounts.ts';
import type { CaseDraft } from '../../src-shared/contract/cases.ts';
import type { CallContext } from '../services/context.ts';
import { getDisposalPointByCode, insertDisposalPoint } from '../../db/handovers-repo.ts';
import { DEFAULT_DOCUMENT_SETTINGS, saveDocumentSettings } from '../../db/documents-repo.ts';
import { DEFAULT_NUMBER_PATTERNS } from '../../src-shared/domain/document-number.ts';
import {
  decideCase, destroyCase, extendCase, openCase, openCaseFromRegistration, releaseCase, startTesting,
} from '../services/cases/cases.ts';
import { createHandover, importHandover } from '../services/handovers/handovers.ts';
import { dispose, receive, stockTake } from '../services/ledger/ledger.ts';
import { recordConfiscation } from '../services/confiscations/confiscations.ts';
import { shanghaiDate } from '../../src-shared/domain/seizure-term.ts';
import type { DemoStep } from './run-demo.ts';

function draft(pointId: number, n: number, seizedAt: Date): CaseDraft {
  const approvedAt = new Date(seizedAt.getTime() - 30 * 60_000).toISOString();
  return {
    parties: [{ kind: 'person', role: 'driver', name: ['张建国', '李卫东', '王海涛', '刘志强', '陈立新', '杨宝山', '赵永胜'][n % 7]!, idNumber: '13080219800101001X', address: '河北省承德市双桥区' }],
    vehiclePlates: [`冀H${String(10_000 + n * 137).slice(0, 5)}`],
    reason: '运输的散煤经检测灰分、全硫不符合民用散煤质量标准（DB13/2081）',
    // The power to seize (产品质量法 art.18(1)(4)) and the procedure (行政强制法 art.24); art.36 is the rule broken.
    legalBasisIds: ['cpzl-18', 'xzqz-24', 'dqwr-36'],
    measure: 'detain',
    items: [{ coalKind: '劣质散煤', quantityKg: 28_000 + n * 1_130, measuredBy: 'weighbridge', weighTicketNo: `BD-DEMO-${n}`, sealNumbers: [`FT-${100 + n}`] }],
    custodyPointId: pointId,
    approval: { approverName: '周建华', approvedAt, emergency: false },
    officers: [{ name: '李强', credentialNo: '13080019001' }, { name: '赵磊', credentialNo: '13080019002' }],
    seizedAt: seizedAt.toISOString(),
    place: '承德市入市煤炭检查站',
    credentialsShown: true,
    rightsNotified: true,
    partyPresent: true,
    partyRefusedToSign: n % 3 === 0,
    witness: n % 3 === 0 ? { name: '孙立平', unit: '下板城镇人民政府' } : null,
    partyStatement: '放弃陈述申辩',
    onsiteFacts: '驾驶员未能出示煤质检测报告，经过磅并抽样送检。',
    ...(n % 3 === 0 ? { serviceMethod: '留置送达' as const, recordingRef: `REC-DEMO-${n}` } : {}),
    ...(n % 2 === 0 ? { serviceAddress: { address: '河北省承德市双桥区', phone: '13800000000' } } : {}),
  };
}

/** One case in every state, a signed handover imported at the disposal point, and ledger movements. */
export const casesStep: DemoStep = (db: Db, users: Map<string, User>, { now }) => {
  if ((db.prepare('SELECT COUNT(*) AS n FROM enforcement_cases').get() as { n: number }).n > 0) return ['cases: already present'];
  const as = (username: string): CallContext => ({ db, now: () => now, session: { token: 'demo', user: users.get(username)!, lastSeenMs: 0 } });
  const officer = as('officer1');
  const disposal = as('disposal');
  saveDocumentSettings(db, {
    agencyName: '承德市市场监督管理局', agencyAddress: '承德市双桥区', agencyPhone: '0314-0000000', sealText: '承德市市场监督管理局',
    reviewGovernment: '承德市人民政府', reviewSuperiorDepartment: '河北省市场监督管理局', court: '承德市双桥区人民法院', numberPatterns: DEFAULT_NUMBER_PATTERNS,
    termPolicy: DEFAULT_DOCUMENT_SETTINGS.termPolicy,
  }, now.toISOString());
  if (!getDisposalPointByCode(db, 'CDX01')) insertDisposalPoint(db, { code: 'CDX01', name: '承德县发改局煤炭处置点', address: '承德县下板城镇', at: now.toISOString() });
  const pointId = getDisposalPointByCode(db, 'CDX01')!.id;
  const seizedAt = new Date(now.getTime() - 60 * 60_000);
  const decided = (n: number) => decideCase(officer, { id: openCase(officer, draft(pointId, n, seizedAt)).id, decidedAt: seizedAt.toISOString(), lateReason: '' });

  const latestReg = db.prepare('SELECT id FROM registrations WHERE amends_id IS NULL ORDER BY id DESC LIMIT 1').get() as { id: number } | undefined;
  if (latestReg) openCaseFromRegistration(officer, latestReg.id);
  else openCase(officer, draft(pointId, 0, seizedAt));
  decided(1);
  startTesting(officer, {
    id: decided(2).id, institution: '河北省煤炭产品质量监督检验站', items: '灰分、全硫', sampleNo: 'YP-DEMO-2', notifiedEndDate: new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
    sampling: { sampledAt: now.toISOString(), place: '承德市入市煤炭检查站', sampleQuantity: '2千克（检测样、备份样各1份）', method: 'GB/T 475-2008《商品煤样人工采取方法》', sealNumbers: ['FT-Y-2'] },
  });
  extendCase(officer, { id: decided(3).id, days: 30, reason: '案情复杂，需核查煤炭来源', approverName: '周建华' });
  releaseCase(officer, { id: decided(4).id, ground: 1, explanation: '复检合格' });
  destroyCase(officer, decided(5).id, '经鉴定无利用价值', {
    place: '承德县发改局煤炭处置点', method: '掺配焚烧处置', approverName: '周建华', witnesses: [{ name: '孙立平', unit: '下板城镇人民政府' }],
  });
  const penalty = (n: number) => ({ reason: '经检测不合格，依法没收', penaltyDecisionNo: `冀承市监罚〔${now.getUTCFullYear()}〕第${String(n).padStart(4, '0')}号`, penaltyDecisionDate: shanghaiDate(now) });
  const confiscated = recordConfiscation(officer, { id: decided(6).id, ...penalty(6) });
  const handedOver = recordConfiscation(officer, { id: decided(7).id, ...penalty(7) });
  const handover = createHandover(officer, { caseIds: [handedOver.id], disposalPointId: pointId, receiverName: '孙敏' });
  const imported = importHandover(disposal, handover.fileText);
  const line = imported.cases[0]!;
  receive(disposal, { handoverId: imported.id, caseRef: line.caseRef, coalKind: line.coalKind, quantityKg: line.quantityKg - 40, differenceReason: '复磅差异' });
  const bucket = { pointId, caseRef: line.caseRef, coalKind: line.coalKind };
  dispose(disposal, { ...bucket, method: 'sale', quantityKg: 20_000, authorityRef: '冀承发改处〔2026〕1号', counterparty: '承德热力公司', proceedsFen: 1_600_000, treasuryRemittanceRef: 'GK-2026-0001' });
  const bookKg = line.quantityKg - 40 - 20_000;
  stockTake(disposal, { ...bucket, bookKg, physicalKg: bookKg - 60, varianceReason: '自然损耗' });
  return [`cases: 8 in every state (confiscated ${confiscated.caseNumber}), handover ${handover.formNo} received, 3 ledger movements`];
};
