/**
 * Enforcement case (查封、扣押案件): the case record, its forward-only life cycle and the check of
 * legal completeness before the decision is issued (行政强制法 arts 18, 19, 24; SAMR rule arts 36, 43).
 *
 * Life cycle (phase only moves forward; testing is tracked as periods beside the phase, because
 * "in testing" pauses the term without being a step in the case's progress):
 *
 *   draft ──decide──▶ seized ──extend──▶ extended
 *                       │                   │
 *                       ├──release──────────┼──▶ released        (art.28; coal returned)
 *                       ├──confiscate───────┼──▶ confiscated ──hand-over──▶ handed-over
 *                       └──destroy──────────┴──▶ destroyed       (also from confiscated)
 *
 *   start-testing / change-testing / end-testing: allowed in seized and extended; release,
 *   confiscation, destruction and extension need testing closed, so the term they are judged against
 *   is known.
 *
 * The term runs from the day the coal was taken (seizedAt); the decision is dated when it was made, and a
 * decision or service on a later day than the seizure is an exception that needs a recorded reason.
 */
import {
  computeSeizureTerm,
  DEFAULT_TERM_POLICY,
  shanghaiDate,
  validateTermInput,
  type Bilingual,
  type IsoDate,
  type TermRules,
  type TestingPeriod,
} from './seizure-term.ts';

export type { Bilingual } from './seizure-term.ts';

export type PartyKind = 'person' | 'company';

export interface Party {
  kind: PartyKind;
  /** 'driver' or 'owner': a seizure of a truck's coal usually names both. */
  role: 'driver' | 'owner' | 'other';
  name: string;
  /** Resident ID number for a person, unified social credit code for a company. */
  idNumber?: string;
  creditCode?: string;
  address: string;
  phone?: string;
  /** Legal representative or person in charge, for a company. */
  representative?: string;
}

export type MeasurementMethod = 'weighbridge' | 'waybill' | 'estimate';

export interface SeizedItem {
  coalKind: string;
  quantityKg: number;
  measuredBy: MeasurementMethod;
  /** Weighbridge ticket number when weighed. */
  weighTicketNo?: string;
  sealNumbers: string[];
  vehiclePlate?: string;
  remarks?: string;
}

export interface Officer {
  name: string;
  credentialNo: string;
}

export interface Approval {
  approverName: string;
  /** ISO instant. */
  approvedAt: string;
  /** Emergency seizure on the spot (art.19): approval is obtained afterwards, within 24 hours. */
  emergency: boolean;
}

export interface Witness {
  name: string;
  idNumber?: string;
  /** Unit or basic-level organisation of the witness. */
  unit?: string;
}

export type MeasureKind = 'seal-up' | 'detain';

export interface CaseRecord {
  caseId: string;
  parties: Party[];
  reason: string;
  /** Ids into data/legal-basis.json. */
  legalBasisIds: string[];
  measure: MeasureKind;
  items: SeizedItem[];
  custody: { disposalPointId: string; name: string; address: string } | null;
  approval: Approval | null;
  officers: Officer[];
  /** ISO instant the measure was carried out. */
  seizedAt: string;
  place: string;
  credentialsShown: boolean;
  rightsNotified: boolean;
  partyPresent: boolean;
  partyRefusedToSign: boolean;
  witness: Witness | null;
  /** 陈述、申辩; the text "放弃陈述申辩" is a valid statement. */
  partyStatement: string;
}

const HOURS_24_MS = 24 * 3_600_000;

function missing(code: string, zh: string, en: string): Bilingual {
  return { code, zh, en };
}

/** Every legally required element the case lacks before the decision may be issued; empty when complete. */
export function validateCaseCompleteness(c: CaseRecord): Bilingual[] {
  const out: Bilingual[] = [];
  if (c.parties.length === 0) out.push(missing('party', '缺少当事人', 'no party'));
  c.parties.forEach((p, i) => {
    const who = `当事人${i + 1}`;
    if (!p.name.trim()) out.push(missing('party-name', `${who}缺少姓名或名称`, `party ${i + 1}: name missing`));
    if (!p.address.trim()) out.push(missing('party-address', `${who}缺少地址`, `party ${i + 1}: address missing`));
    if (p.kind === 'person' && !p.idNumber?.trim()) {
      out.push(missing('party-id', `${who}缺少身份证件号码`, `party ${i + 1}: ID number missing`));
    }
    if (p.kind === 'company' && !p.creditCode?.trim()) {
      out.push(missing('party-credit-code', `${who}缺少统一社会信用代码`, `party ${i + 1}: unified social credit code missing`));
    }
  });
  if (!c.reason.trim()) out.push(missing('reason', '缺少查封、扣押理由', 'no reason'));
  if (c.legalBasisIds.length === 0) out.push(missing('legal-basis', '缺少法律依据', 'no legal basis'));
  if (c.items.length === 0) out.push(missing('items', '缺少查封、扣押财物', 'no seized items'));
  c.items.forEach((item, i) => {
    const what = `财物${i + 1}`;
    if (!item.coalKind.trim()) out.push(missing('item-name', `${what}缺少名称`, `item ${i + 1}: coal kind missing`));
    if (!Number.isInteger(item.quantityKg) || item.quantityKg <= 0) {
      out.push(missing('item-quantity', `${what}数量须为正整数千克`, `item ${i + 1}: quantity must be a positive whole number of kg`));
    }
    if (item.measuredBy === 'weighbridge' && !item.weighTicketNo?.trim()) {
      out.push(missing('item-weigh-ticket', `${what}缺少过磅单号`, `item ${i + 1}: weighbridge ticket number missing`));
    }
    // SAMR art.41: sealed property carries the agency's seals.
    if (c.measure === 'seal-up' && item.sealNumbers.length === 0) {
      out.push(missing('item-seal', `${what}缺少封条编号`, `item ${i + 1}: seal numbers missing`));
    }
  });
  if (!c.custody) out.push(missing('custody', '缺少保管场所（处置点）', 'no place of custody'));

  if (!c.approval) {
    out.push(missing('approval', '缺少行政机关负责人批准（行政强制法第十八条第一项）', "no approval by the agency head (art.18(1))"));
  } else {
    if (!c.approval.approverName.trim()) out.push(missing('approver', '缺少批准人', 'approver name missing'));
    const lag = Date.parse(c.approval.approvedAt) - Date.parse(c.seizedAt);
    if (Number.isNaN(lag)) {
      out.push(missing('approval-time', '批准时间或实施时间无效', 'approval or seizure time invalid'));
    } else if (c.approval.emergency && lag >= HOURS_24_MS) {
      // "二十四小时内": an approval at the 24th hour or later is out of time.
      out.push(missing('approval-late', '紧急实施后未在二十四小时内补办批准手续（行政强制法第十九条）', 'emergency seizure not approved within 24 hours (art.19)'));
    } else if (!c.approval.emergency && lag > 0) {
      out.push(missing('approval-after', '非紧急情况须在实施前批准', 'a non-emergency seizure must be approved before it is carried out'));
    }
  }

  const credentialed = c.officers.filter((o) => o.name.trim() && o.credentialNo.trim());
  const distinct = new Set(credentialed.map((o) => o.credentialNo.trim()));
  if (distinct.size < 2) {
    out.push(missing('officers', '须由两名以上持有执法证件的行政执法人员实施（行政强制法第十八条第二项）', 'at least two officers with distinct credential numbers (art.18(2))'));
  }
  if (!c.credentialsShown) out.push(missing('credentials-shown', '未记录出示执法身份证件', 'showing of credentials not recorded (art.18(3))'));
  if (!c.rightsNotified) out.push(missing('rights-notified', '未记录告知理由、依据、权利和救济途径', 'notice of reasons, basis, rights and remedies not recorded (art.18(5))'));
  if (!c.place.trim()) out.push(missing('place', '缺少实施地点', 'no place'));
  if (Number.isNaN(Date.parse(c.seizedAt))) out.push(missing('seized-at', '缺少实施时间', 'no time of seizure'));

  // 行政强制法 art.18(9) makes a witness mandatory when the party is absent; the issue extends it
  // to refusal to sign (SAMR art.43 "必要时"), the stricter reading.
  if (!c.partyPresent && !c.witness?.name.trim()) {
    out.push(missing('witness-absent', '当事人不到场的，须邀请见证人到场（行政强制法第十八条第九项）', 'party absent: a witness is required (art.18(9))'));
  }
  if (c.partyPresent && c.partyRefusedToSign && !c.witness?.name.trim()) {
    out.push(missing('witness-refusal', '当事人拒绝签名的，须注明并由见证人签名', 'party refused to sign: a witness is required'));
  }
  if (c.partyPresent && !c.partyStatement.trim()) {
    out.push(missing('statement', '缺少当事人陈述、申辩（或放弃陈述申辩的记录）', "no record of the party's statement or its waiver (art.18(6))"));
  }
  return out;
}

const dayOf = (instant: string) => shanghaiDate(new Date(instant));

/**
 * The order of the dates of a decision (行政强制法 art.24: made and handed over on the spot): the coal is
 * taken, the decision made, then served, none of it in the future. A decision or service on a later day
 * than the seizure needs a reason on the record. Empty when the dates are possible.
 */
export function validateDecisionTimes(seizedAt: string, t: DecisionTimes): Bilingual[] {
  const at = { seized: Date.parse(seizedAt), decided: Date.parse(t.decidedAt), served: Date.parse(t.servedAt), now: Date.parse(t.now) };
  if (Object.values(at).some(Number.isNaN)) return [missing('times-invalid', '实施、决定或送达时间无效', 'seizure, decision or service time invalid')];
  const out: Bilingual[] = [];
  if (at.seized > at.now) out.push(missing('seized-future', '扣押实施时间晚于当前时间', 'the seizure time is in the future'));
  if (at.decided > at.now) out.push(missing('decided-future', '决定时间晚于当前时间', 'the decision time is in the future'));
  if (at.served > at.now) out.push(missing('served-future', '送达时间晚于当前时间', 'the service time is in the future'));
  const [seizedDay, decidedDay, servedDay] = [dayOf(seizedAt), dayOf(t.decidedAt), dayOf(t.servedAt)];
  if (decidedDay < seizedDay) {
    out.push(missing('decided-before-seizure', `决定日期（${decidedDay}）早于扣押实施日期（${seizedDay}）`, `decided on ${decidedDay}, before the seizure on ${seizedDay}`));
  }
  if (at.served < at.decided) {
    out.push(missing('served-before-decided', '送达时间早于决定时间：决定书须先作出，后送达', 'served before the decision was made'));
  }
  if (out.length === 0 && (decidedDay > seizedDay || servedDay > decidedDay) && !t.lateReason.trim()) {
    out.push(missing(
      'decision-late',
      `扣押于${seizedDay}实施，决定书于${decidedDay}作出、${servedDay}送达，未当场制作并交付（行政强制法第二十四条），须记录理由`,
      `seized on ${seizedDay}, decided on ${decidedDay} and served on ${servedDay}, not on the spot (art.24): a reason is required`,
    ));
  }
  return out;
}

export type CasePhase = 'draft' | 'seized' | 'extended' | 'released' | 'confiscated' | 'destroyed' | 'handed-over';

export interface CaseProgress {
  phase: CasePhase;
  /** The day the coal was taken (Asia/Shanghai); the term counts from it. */
  seizureDate: IsoDate | null;
  decisionDate: IsoDate | null;
  testingPeriods: TestingPeriod[];
  extension: { days: number; approvedOn: IsoDate; reason: string } | null;
  outcomeDate: IsoDate | null;
}

export const NEW_CASE: CaseProgress = { phase: 'draft', seizureDate: null, decisionDate: null, testingPeriods: [], extension: null, outcomeDate: null };

/** When the decision was made and handed over, and when the app was told (all ISO instants). */
export interface DecisionTimes {
  decidedAt: string;
  servedAt: string;
  now: string;
  /** Why the decision or its service was not on the day of the seizure; empty when it was. */
  lateReason: string;
}

export type CaseEvent =
  | { type: 'decide'; date: IsoDate; record: CaseRecord; times: DecisionTimes }
  | { type: 'start-testing'; date: IsoDate; notifiedEndDate: IsoDate }
  | { type: 'change-testing'; date: IsoDate; notifiedEndDate: IsoDate }
  | { type: 'end-testing'; date: IsoDate }
  | { type: 'extend'; date: IsoDate; days: number; reason: string }
  | { type: 'release'; date: IsoDate }
  | { type: 'confiscate'; date: IsoDate }
  | { type: 'destroy'; date: IsoDate }
  | { type: 'hand-over'; date: IsoDate };

export type TransitionResult = { ok: true; progress: CaseProgress } | { ok: false; problems: Bilingual[] };

const ALLOWED_FROM: Record<CaseEvent['type'], readonly CasePhase[]> = {
  decide: ['draft'],
  'start-testing': ['seized', 'extended'],
  'change-testing': ['seized', 'extended'],
  'end-testing': ['seized', 'extended'],
  extend: ['seized'],
  release: ['seized', 'extended'],
  confiscate: ['seized', 'extended'],
  destroy: ['seized', 'extended', 'confiscated'],
  'hand-over': ['confiscated'],
};

const PHASE_AFTER: Partial<Record<CaseEvent['type'], CasePhase>> = {
  decide: 'seized',
  extend: 'extended',
  release: 'released',
  confiscate: 'confiscated',
  destroy: 'destroyed',
  'hand-over': 'handed-over',
};

const PHASE_ZH: Record<CasePhase, string> = {
  draft: '草稿',
  seized: '已查封扣押',
  extended: '已延长期限',
  released: '已解除',
  confiscated: '已没收',
  destroyed: '已销毁',
  'handed-over': '已移交',
};

function refuse(code: string, zh: string, en: string): TransitionResult {
  return { ok: false, problems: [{ code, zh, en }] };
}

export function phaseLabelZh(phase: CasePhase): string {
  return PHASE_ZH[phase];
}

/** Applies one event; the phase never moves backwards, and each refusal says why. */
export function applyCaseEvent(progress: CaseProgress, event: CaseEvent, policy: TermRules = DEFAULT_TERM_POLICY): TransitionResult {
  if (!ALLOWED_FROM[event.type].includes(progress.phase)) {
    return refuse('transition', `案件处于“${PHASE_ZH[progress.phase]}”状态，不能执行该操作`, `event '${event.type}' is not allowed in phase '${progress.phase}'`);
  }
  if (event.type === 'decide') {
    const problems = [...validateCaseCompleteness(event.record), ...validateDecisionTimes(event.record.seizedAt, event.times)];
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, progress: { ...progress, phase: 'seized', seizureDate: dayOf(event.record.seizedAt), decisionDate: event.date } };
  }
  // Every other event needs a decided case (ALLOWED_FROM), so the decision date is there.
  if (event.date < (progress.decisionDate ?? '')) {
    return refuse('date-before-decision', `日期早于强制措施决定日期（${progress.decisionDate}）`, 'date precedes the decision date');
  }
  const open = progress.testingPeriods.find((p) => p.endDate === null);
  const termInput = { seizureDate: progress.seizureDate ?? event.date, testingPeriods: progress.testingPeriods, extension: progress.extension ?? undefined };
  const endDate = computeSeizureTerm(termInput, policy).endDate;

  switch (event.type) {
    case 'start-testing': {
      if (open) return refuse('testing-open', '已有未结束的检测期间', 'a testing period is already open');
      const last = progress.testingPeriods.at(-1);
      if (last && event.date <= (last.endDate ?? last.notifiedEndDate)) {
        return refuse('testing-overlap', '检测期间不得与前一期间重叠', 'testing periods may not overlap');
      }
      if (event.date > endDate) {
        return refuse('term-expired', `查封、扣押期限已于${endDate}届满，不能再开始检测期间`, `the term ended on ${endDate}; testing cannot start`);
      }
      const notified = notifiedEndProblem(event.date, event.notifiedEndDate);
      if (notified) return notified;
      return { ok: true, progress: { ...progress, testingPeriods: [...progress.testingPeriods, { startDate: event.date, notifiedEndDate: event.notifiedEndDate, endDate: null }] } };
    }
    case 'change-testing': {
      if (!open) return refuse('testing-not-open', '没有未结束的检测期间', 'no testing period is open');
      // Art.25(3): only a period notified in writing is excluded, so a change cannot reach back past the old end.
      if (event.date > open.notifiedEndDate) {
        return refuse('testing-change-late', `原告知的检测期间已于${open.notifiedEndDate}届满，不能追溯变更；请登记检测结果`, `the notified testing period ended on ${open.notifiedEndDate}; it cannot be changed afterwards`);
      }
      if (event.notifiedEndDate === open.notifiedEndDate) return refuse('testing-unchanged', '检测期间届满日期未改变', 'the notified end is unchanged');
      const notified = notifiedEndProblem(event.date, event.notifiedEndDate);
      if (notified) return notified;
      const testingPeriods = progress.testingPeriods.map((p) => (p === open ? { ...p, notifiedEndDate: event.notifiedEndDate } : p));
      return { ok: true, progress: { ...progress, testingPeriods } };
    }
    case 'end-testing': {
      if (!open) return refuse('testing-not-open', '没有未结束的检测期间', 'no testing period is open');
      if (event.date < open.startDate) return refuse('testing-reversed', '检测结束日期早于开始日期', 'testing ends before it starts');
      const testingPeriods = progress.testingPeriods.map((p) => (p === open ? { ...p, endDate: event.date } : p));
      return { ok: true, progress: { ...progress, testingPeriods } };
    }
  }

  if (open) return refuse('testing-open', '检测期间尚未结束，请先登记检测结果', 'close the open testing period first');

  if (event.type === 'extend') {
    if (!event.reason.trim()) return refuse('extension-reason', '延长期限须说明理由（行政强制法第二十五条第二款）', 'an extension needs a reason (art.25(2))');
    const extension = { days: event.days, approvedOn: event.date, reason: event.reason };
    const problems = validateTermInput({ ...termInput, extension }, policy);
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, progress: { ...progress, phase: 'extended', extension } };
  }
  // Art.27: confiscation and destruction must be decided within the term; release is always lawful
  // (and obligatory once the term has run out, art.28(4)).
  if ((event.type === 'confiscate' || (event.type === 'destroy' && progress.phase !== 'confiscated')) && event.date > endDate) {
    return refuse('term-expired', `期限已于${endDate}届满，只能作出解除决定`, `the term ended on ${endDate}; only release is possible`);
  }
  // ALLOWED_FROM only lists earlier phases, so the phase moves forward.
  const next = PHASE_AFTER[event.type] as CasePhase;
  const outcomeDate = event.type === 'hand-over' ? progress.outcomeDate : event.date;
  return { ok: true, progress: { ...progress, phase: next, outcomeDate } };
}

/** Art.25(3): the testing period must be definite — an end on or after the day it is notified. */
function notifiedEndProblem(date: IsoDate, notifiedEndDate: IsoDate): TransitionResult | null {
  return notifiedEndDate < date
    ? refuse('testing-notified-end', '检测期间届满日期不得早于告知日期（行政强制法第二十五条第三款：期间应当明确）', 'the notified end of testing may not precede the notice (art.25(3))')
    : null;
}
