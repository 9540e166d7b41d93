/**
 * Enforcement cases, their printed documents, signed handovers and the disposal-point ledger.
 * Cases belong to the enforcement group, the ledger to the disposal group, settings to admins.
 */
import { z } from 'zod';
import { freeText, requiredText } from './clean-text.ts';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/document-number.ts';
import type { CasePhase } from '../domain/case-state.ts';
import { isIsoDate, type TermPolicy, type TermState } from '../domain/seizure-term.ts';

const text = freeText;
const required = (max: number) => requiredText(max);
const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'validation.date' });
const positiveKg = z.int({ message: 'validation.weightInteger' }).min(1, { message: 'validation.weightNegative' }).max(10_000_000, { message: 'validation.weightAbsurd' });
const Id = z.int().positive();

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

export interface DisposalPoint {
  id: number;
  code: string;
  name: string;
  address: string;
  active: boolean;
}

/**
 * The legal-term rules an admin may change. The 30-day term and the 30-day extension limit are statutory
 * (行政强制法 art.25) and are not settings. Holidays come back sorted and without duplicates.
 */
export const TermPolicyInput = z.object({
  startDayRule: z.enum(['next-day', 'same-day']),
  warnWithinDays: z.int().min(1).max(15),
  statutoryHolidays: z.array(z.string().trim().refine(isIsoDate, { message: 'validation.date' })).max(400)
    .transform((dates) => [...new Set(dates)].sort()),
}).strict();
export type TermPolicySettings = z.output<typeof TermPolicyInput>;

/** What a case freezes at decision; the warning threshold is not a term rule and always follows the settings. */
export type CaseTermRules = Omit<TermPolicy, 'warnWithinDays'>;

export const DocumentSettingsInput = z.object({
  agencyName: required(80),
  agencyAddress: text(200).default(''),
  agencyPhone: text(40).default(''),
  sealText: text(80).default(''),
  reviewGovernment: required(80),
  reviewSuperiorDepartment: text(80).default(''),
  court: required(80),
  numberPatterns: z.partialRecord(z.enum(DOCUMENT_KINDS), required(60)).default({}),
  /** Omitted: the term rules stay as they are. */
  termPolicy: TermPolicyInput.optional(),
}).strict();
export type DocumentSettings = Omit<z.output<typeof DocumentSettingsInput>, 'numberPatterns' | 'termPolicy'> & {
  numberPatterns: Record<DocumentKind, string>;
  termPolicy: TermPolicySettings;
};

export interface RenderedPrint {
  documentId: number;
  jobId: number;
  kind: DocumentKind;
  documentNumber: string;
  contentHash: string;
  copy: 'original' | 'reprint';
  printCount: number;
  pdfBase64: string;
}

export interface DocumentRecord {
  id: number;
  caseId: number;
  caseNumber: string;
  kind: DocumentKind;
  documentNumber: string;
  contentHash: string;
  printCount: number;
  firstPrintedAt: string;
  firstPrintedBy: string | null;
  voidReason: string | null;
}

export interface IssuedNumberInfo {
  id: number;
  kind: DocumentKind;
  year: number;
  seq: number;
  number: string;
  caseId: number | null;
  voidReason: string | null;
}

export interface PrintJob {
  id: number;
  documentId: number;
  documentNumber: string;
  copy: 'original' | 'reprint';
  status: 'queued' | 'printed' | 'failed';
  error: string | null;
  printedByName: string;
  printedAt: string;
  /** Where it was last sent; null until sent (a preview only queues it). */
  printerName: string | null;
  copies: number;
  attempts: number;
}

export interface HandoverSummary {
  id: number;
  uid: string;
  direction: 'outgoing' | 'incoming';
  formNo: string;
  checkpointId: string;
  disposalPointCode: string;
  handedOverAt: string;
  totalKg: number;
  contentHash: string;
  /** `received`: incoming, a receipt of the line stands in the ledger. */
  cases: { caseRef: string; coalKind: string; quantityKg: number; received: boolean }[];
  /** Incoming: kg of this handover already received into the ledger. */
  receivedKg: number;
  /** The signed QR text printed on the handover form; null when too large (the signed file goes along). */
  qrText: string | null;
}

export interface SignedHandoverOutput extends HandoverSummary {
  fileText: string;
  fileName: string;
}

export interface LedgerMovementView {
  seq: number;
  id: string;
  kind: 'receipt' | 'disposal' | 'stock-take' | 'reversal' | 'confiscation' | 'release';
  at: string;
  pointId: number;
  caseRef: string;
  coalKind: string;
  operatorName: string;
  quantityKg: number | null;
  balanceDeltaKg: number;
  detail: Record<string, string | number | null>;
  reversed: boolean;
}

/** Another checkpoint whose signed handovers this one accepts. */
export interface TrustedCheckpoint {
  checkpointId: string;
  name: string;
  publicKeyPem: string;
  registeredAt: string;
}

export interface PointBalanceView {
  id: number;
  code: string;
  name: string;
  receivedKg: number;
  disposedKg: number;
  /** Returned to parties on a release (行政强制法 art.28). */
  releasedKg: number;
  gainKg: number;
  lossKg: number;
  /** stockKg = custodyKg (seized, held only) + confiscatedKg (may be disposed of). */
  stockKg: number;
  custodyKg: number;
  confiscatedKg: number;
  proceedsFen: number;
  buckets: { caseRef: string; coalKind: string; stockKg: number; status: 'custody' | 'confiscated' }[];
}

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

const Bucket = { pointId: Id, caseRef: required(60), coalKind: required(40) };

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
  /** Records the penalty decision (行政处罚决定书) that confiscated the coal; see services/confiscation.ts. */
  'cases.confiscate': method<EnforcementCase>()(
    z.object({ id: Id, reason: required(1000), penaltyDecisionNo: required(80), penaltyDecisionDate: z.iso.date({ message: 'validation.date' }) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'cases.destroy': method<EnforcementCase>()(z.object({ id: Id, reason: required(1000), destruction: DestructionInput.optional() }).strict(), ROLE_GROUPS.enforcement),
  'cases.termWarnings': method<TermWarning[]>()(Empty, ROLE_GROUPS.enforcement),
  /** The holiday tables in force and the years a running term may reach without one. */
  'cases.holidayCalendar': method<HolidayCalendarStatus>()(Empty, ROLE_GROUPS.enforcement),
  'cases.officers': method<{ name: string; credentialNo: string }[]>()(Empty, ROLE_GROUPS.enforcement),

  'disposalPoints.list': method<DisposalPoint[]>()(Empty, [...ROLE_GROUPS.enforcement, 'disposal']),
  'disposalPoints.create': method<DisposalPoint>()(
    z.object({ code: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, { message: 'validation.stationCode' }), name: required(80), address: required(200) }).strict(),
    ROLE_GROUPS.admin,
  ),
  'documentSettings.get': method<DocumentSettings>()(Empty, [...ROLE_GROUPS.enforcement, 'disposal']),
  'documentSettings.update': method<DocumentSettings>()(DocumentSettingsInput, ROLE_GROUPS.admin),

  'documents.render': method<RenderedPrint>()(z.object({ caseId: Id, kind: z.enum(DOCUMENT_KINDS) }).strict(), ROLE_GROUPS.enforcement),
  'documents.printResult': method<PrintJob>()(
    z.object({ jobId: Id, status: z.enum(['printed', 'failed']), error: text(200).optional() }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'documents.queue': method<PrintJob[]>()(Empty, ROLE_GROUPS.enforcement),
  'documents.verify': method<DocumentRecord | null>()(
    z.object({ contentHash: z.string().trim().regex(/^[0-9a-f]{16,64}$/, { message: 'validation.invalid_format' }) }).strict(),
    ROLE_GROUPS.viewer,
  ),
  'documents.voidNumber': method<IssuedNumberInfo>()(
    z.object({ caseId: Id, kind: z.enum(DOCUMENT_KINDS), reason: required(500) }).strict(),
    ROLE_GROUPS.oversight,
  ),
  'documents.numbers': method<IssuedNumberInfo[]>()(
    z.object({ kind: z.enum(DOCUMENT_KINDS), year: z.int().min(2000).max(9999) }).strict(),
    ROLE_GROUPS.enforcement,
  ),

  'handovers.create': method<SignedHandoverOutput>()(
    z.object({ caseIds: z.array(Id).min(1).max(20), disposalPointId: Id, receiverName: required(40) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'handovers.import': method<HandoverSummary>()(z.object({ text: z.string().trim().min(1).max(200_000) }).strict(), ROLE_GROUPS.disposal),
  'handovers.list': method<HandoverSummary[]>()(z.object({ direction: z.enum(['outgoing', 'incoming']) }).strict(), [...ROLE_GROUPS.enforcement, 'disposal']),
  'checkpointKey.get': method<{ checkpointId: string; publicKeyPem: string }>()(Empty, ROLE_GROUPS.admin),
  'checkpointKey.trust': method<{ checkpointId: string; name: string }>()(
    z.object({ checkpointId: required(40), name: required(80), publicKeyPem: z.string().trim().startsWith('-----BEGIN PUBLIC KEY-----', { message: 'validation.invalid_format' }).max(2000) }).strict(),
    ROLE_GROUPS.admin,
  ),
  'checkpointKey.trusted': method<TrustedCheckpoint[]>()(Empty, ROLE_GROUPS.admin),
  /** Refused for this checkpoint's own id: its own handovers are always accepted. */
  'checkpointKey.untrust': method<{ checkpointId: string }>()(z.object({ checkpointId: required(40) }).strict(), ROLE_GROUPS.admin),

  'ledger.receive': method<LedgerMovementView>()(
    z.object({ handoverId: Id, caseRef: required(60), coalKind: required(40), quantityKg: positiveKg, differenceReason: text(500).optional() }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.dispose': method<LedgerMovementView>()(
    z.object({
      ...Bucket,
      method: z.enum(['blending', 'sale', 'auction', 'destruction', 'transfer']),
      quantityKg: positiveKg,
      authorityRef: required(80),
      counterparty: text(100).optional(),
      proceedsFen: z.int().min(0).max(1e13).optional(),
      treasuryRemittanceRef: text(80).optional(),
    }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.reverse': method<LedgerMovementView>()(z.object({ movementId: required(60), reason: required(500) }).strict(), ROLE_GROUPS.disposal),
  'ledger.stockTake': method<LedgerMovementView>()(
    z.object({ ...Bucket, bookKg: z.int().min(0), physicalKg: z.int().min(0), varianceReason: text(500).optional() }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.balance': method<PointBalanceView[]>()(z.object({ pointId: Id.optional() }).strict(), ROLE_GROUPS.ledgerReader),
  'ledger.movements': method<LedgerMovementView[]>()(
    z.object({ pointId: Id.optional(), caseRef: text(60).optional(), limit: z.int().min(1).max(1000).default(200) }).strict(),
    ROLE_GROUPS.ledgerReader,
  ),
} satisfies Record<string, MethodDef>;
