/**
 * The enforcement case life cycle: draft, seizure decision, testing, extension, release, confiscation,
 * destruction, and the legal terms that run meanwhile. Its papers are documents.ts, the hand-over to a
 * disposal point handovers.ts, the coal held there ledger.ts.
 */
import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import type { DocumentKind } from '../domain/document-number.ts';
import type { CasePhase } from '../domain/case-state.ts';
import type { TermPolicy, TermState } from '../domain/seizure-term.ts';
import { Id, isoInstant, positiveKg, required, text } from './fields.ts';


/** Drafts may be incomplete: completeness is judged by `cases.decide`, not by the form. */
export const PartyInput = z.object({
  kind: z.enum(['person', 'company']),
  role: z.enum(['driver', 'owner', 'other']),
  name: text(100),
  idNumber: text(30).optional(),
  creditCode: text(30).optional(),
  address: text(200).default(''),
  phone: text(20).optional(),
  representative: text(40).optional(),
}).strict();

export const ItemInput = z.object({
  coalKind: text(40),
  quantityKg: positiveKg,
  measuredBy: z.enum(['weighbridge', 'waybill', 'estimate']),
  weighTicketNo: text(60).optional(),
  sealNumbers: z.array(required(40)).max(50).default([]),
  vehiclePlate: text(20).optional(),
  remarks: text(200).optional(),
}).strict();

export const CaseDraftInput = z.object({
  parties: z.array(PartyInput).max(10).default([]),
  vehiclePlates: z.array(required(20)).max(4).default([]),
  reason: text(1000).default(''),
  legalBasisIds: z.array(required(40)).max(20).default([]),
  measure: z.enum(['seal-up', 'detain']).default('detain'),
  items: z.array(ItemInput).max(20).default([]),
  custodyPointId: Id.nullable().default(null),
  approval: z.object({ approverName: text(40), approvedAt: isoInstant, emergency: z.boolean() }).strict().nullable().default(null),
  officers: z.array(z.object({ name: text(40), credentialNo: text(40) }).strict()).max(6).default([]),
  seizedAt: text(40).default(''),
  place: text(200).default(''),
  credentialsShown: z.boolean().default(false),
  rightsNotified: z.boolean().default(false),
  partyPresent: z.boolean().default(true),
  partyRefusedToSign: z.boolean().default(false),
  witness: z.object({ name: text(40), idNumber: text(30).optional(), unit: text(100).optional() }).strict().nullable().default(null),
  partyStatement: text(2000).default(''),
  onsiteFacts: text(4000).optional(),
  recordingRef: text(60).optional(),
  /** How the decision is served: 直接送达 unless the officer chooses 留置送达 (which needs the witness). */
  serviceMethod: z.enum(['直接送达', '留置送达']).optional(),
  /** 送达地址确认书 (SAMR rule art.83): where later papers are served. */
  serviceAddress: z.object({
    address: required(200), postalCode: text(10).optional(), phone: text(20).optional(),
    electronic: z.object({ channel: required(20), account: required(100) }).strict().optional(),
  }).strict().optional(),
}).strict();
export type CaseDraft = z.output<typeof CaseDraftInput>;

/** 抽样记录 details given when testing starts (SAMR rule art.31). */
export const SamplingInput = z.object({
  sampledAt: isoInstant, place: required(200), sampleQuantity: required(60), method: required(100), sealNumbers: z.array(required(40)).max(10).default([]),
}).strict();
/** The test result when testing ends (SAMR rule art.32): the report and its lawful finding. */
export const TestingResultInput = z.object({ reportNo: required(60), conclusion: required(1000), conforms: z.boolean() }).strict();
/** The penalty decision that confiscated the coal, printed on the 没收物品清单. */
export const ConfiscationPapers = { penaltyDecisionNumber: required(60).optional(), penaltyDecisionDate: z.iso.date({ message: 'validation.date' }).optional() };
/** 销毁记录 details (行政强制法 art.27): where, how, approved by whom, before which witnesses. */
export const DestructionInput = z.object({
  place: required(200), method: required(100), approverName: required(40), recordingRef: text(60).optional(),
  witnesses: z.array(z.object({ name: required(40), unit: text(100).optional() }).strict()).min(1, { message: 'validation.required' }).max(4),
}).strict();

export interface CaseFinding {
  checkId: number;
  outcome: string;
  verdict: string;
  reasons: { zh: string; en: string }[];
}

/** A change of the notified end of testing, each told to the party by a new written notice (art.25(3)). */
export interface TestingChange {
  notifiedOn: string;
  previousEndDate: string;
  notifiedEndDate: string;
  reason: string;
  /** The number of the new 检测期间告知书. */
  noticeNumber: string;
}

export interface TestingRecord {
  startDate: string;
  /** The definite end told to the party in writing; only days up to it are excluded from the term. */
  notifiedEndDate: string;
  /** The day the result came back; null while testing is under way. */
  endDate: string | null;
  institution: string;
  items: string;
  sampleNo?: string;
  /** The number of the first 检测期间告知书. */
  noticeNumber?: string;
  changes?: TestingChange[];
}

export interface CaseTerm {
  firstDay: string;
  /** While testing is under way: the end if the testing lasts to its notified end. */
  endDate: string | null;
  remainingDays: number;
  state: TermState;
}

export interface CaseDocumentInfo {
  kind: DocumentKind;
  number: string;
  printCount: number;
  contentHash: string | null;
  /** Printed, then made stale by an amendment of the case's registration: void the number and print the replacement. */
  needsReissue: boolean;
}

export interface SeizureCandidate {
  registrationId: number;
  recordNumber: string;
  plate: string;
  netKg: number;
  origin: string;
  registeredAt: string;
}

export interface EnforcementCase {
  id: number;
  caseNumber: string;
  registrationId: number | null;
  phase: CasePhase;
  draft: CaseDraft;
  netKg: number;
  plate: string | null;
  finding: CaseFinding | null;
  decisionNumber: string | null;
  /** ISO instant the coal was taken, and where (from the on-site record); set when decided. */
  seizedAt: string | null;
  seizedPlace: string | null;
  /** The term runs from this day (Asia/Shanghai): the day of `seizedAt`. */
  seizureDate: string | null;
  decisionDate: string | null;
  /** ISO instants the decision was made and handed over (行政强制法 art.24: on the spot). */
  decidedAt: string | null;
  servedAt: string | null;
  /** Why the decision or its service came on a later day than the seizure; null when on the spot. */
  lateDecisionReason: string | null;
  decidedById: number | null;
  testing: TestingRecord[];
  extension: { days: number; approvedOn: string; reason: string; approverName: string } | null;
  release: { date: string; ground: number; explanation: string } | null;
  outcomeDate: string | null;
  /** Null until decided, and once the case has an outcome. */
  term: CaseTerm | null;
  /** The term rules the case was decided under (frozen at decision); null while in draft. */
  termRules: CaseTermRules | null;
  documents: CaseDocumentInfo[];
  createdAt: string;
}

export interface TermWarning {
  caseId: number;
  caseNumber: string;
  plate: string | null;
  endDate: string | null;
  remainingDays: number;
  state: TermState;
  messages: { zh: string; en: string }[];
}

export interface HolidayCalendarStatus {
  tables: { year: number; verified: boolean; source: string; holidays: number; makeUpWorkdays: number }[];
  /** Years with holidays entered by an administrator (besides the shipped tables). */
  adminYears: number[];
  warnings: { code: string; zh: string; en: string }[];
}

/** What a case freezes at decision; the warning threshold is not a term rule and always follows the settings. */
export type CaseTermRules = Omit<TermPolicy, 'warnWithinDays'>;

const Testing = z.object({
  id: Id,
  institution: required(100),
  items: required(100),
  sampleNo: text(60).optional(),
  notifiedEndDate: z.iso.date({ message: 'validation.date' }),
  sampling: SamplingInput.optional(),
}).strict();

/** 决定 input: when the decision was made and served; both default to now. */
export const DecideInput = z.object({
  id: Id,
  decidedAt: isoInstant.optional(),
  servedAt: isoInstant.optional(),
  lateReason: text(500).default(''),
}).strict();

export const casesContract = {
  'cases.list': method<EnforcementCase[]>()(
    z.object({ phase: z.enum(['draft', 'seized', 'extended', 'released', 'confiscated', 'destroyed', 'handed-over']).optional() }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'cases.get': method<EnforcementCase>()(z.object({ id: Id }).strict(), [...ROLE_GROUPS.enforcement, 'disposal']),
  /** Registrations whose certificate outcome is seizure and that have no case yet. */
  'cases.candidates': method<SeizureCandidate[]>()(Empty, ROLE_GROUPS.enforcement),
  'cases.openFromRegistration': method<EnforcementCase>()(z.object({ registrationId: Id }).strict(), ROLE_GROUPS.enforcement),
  'cases.open': method<EnforcementCase>()(z.object({ draft: CaseDraftInput }).strict(), ROLE_GROUPS.enforcement),
  'cases.update': method<EnforcementCase>()(z.object({ id: Id, draft: CaseDraftInput }).strict(), ROLE_GROUPS.enforcement),
  'cases.decide': method<EnforcementCase>()(DecideInput, ROLE_GROUPS.enforcement),
  'cases.startTesting': method<EnforcementCase>()(Testing, ROLE_GROUPS.enforcement),
  /** A new notified end of the open testing period: issues a new written notice (art.25(3)). */
  'cases.changeTesting': method<EnforcementCase>()(
    z.object({ id: Id, notifiedEndDate: z.iso.date({ message: 'validation.date' }), reason: required(500) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'cases.endTesting': method<EnforcementCase>()(z.object({ id: Id, result: TestingResultInput.optional() }).strict(), ROLE_GROUPS.enforcement),
  'cases.extend': method<EnforcementCase>()(
    z.object({ id: Id, days: z.int().min(1).max(30), reason: required(1000), approverName: required(40) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'cases.release': method<EnforcementCase>()(
    z.object({ id: Id, ground: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]), explanation: required(1000) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  /** Records the penalty decision (行政处罚决定书) that confiscated the coal; see services/confiscations/. */
  'cases.confiscate': method<EnforcementCase>()(
    z.object({ id: Id, reason: required(1000), penaltyDecisionNo: required(80), penaltyDecisionDate: z.iso.date({ message: 'validation.date' }) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'cases.destroy': method<EnforcementCase>()(z.object({ id: Id, reason: required(1000), destruction: DestructionInput.optional() }).strict(), ROLE_GROUPS.enforcement),
  'cases.termWarnings': method<TermWarning[]>()(Empty, ROLE_GROUPS.enforcement),
  /** The holiday tables in force and the years a running term may reach without one. */
  'cases.holidayCalendar': method<HolidayCalendarStatus>()(Empty, ROLE_GROUPS.enforcement),
  'cases.officers': method<{ name: string; credentialNo: string }[]>()(Empty, ROLE_GROUPS.enforcement),
} satisfies Record<string, MethodDef>;
