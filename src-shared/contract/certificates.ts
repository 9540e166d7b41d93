import { z } from 'zod';
import { freeText, requiredText } from './clean-text.ts';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS, type Role } from './roles.ts';
import { COAL_KINDS, INTENDED_USES, MAX_GROSS_KG } from './registration.ts';
import { isValidDate } from '../domain/local-time.ts';
import { BASES, ITEMS } from '../domain/certificate/items.ts';
import { COAL_RANKS, DECIDED_OUTCOMES, type Bilingual, type DecidedOutcome, type Outcome, type Verdict } from '../domain/certificate/vocabulary.ts';
import type { CertificateResult } from '../domain/certificate/certificate-check.ts';
import type { LimitsDiff, NotLoaded } from '../domain/certificate/limits.ts';
import type { StandardGrade, TruckCondition } from '../domain/certificate/schemas.ts';

/** A scanned report (photo or PDF) may be at most this large. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/** A limits table or policy file is text of at most this many characters. */
const MAX_DATA_FILE_CHARS = 2_000_000;

const text = freeText;
const required = (max: number) => requiredText(max);
const dateField = z.string().refine(isValidDate, { message: 'validation.date' });
const id = z.int().positive();

export const CertificateResultInput = z
  .object({
    item: z.enum(ITEMS, { message: 'validation.choice' }),
    basis: z.enum(BASES, { message: 'validation.choice' }).optional(),
    value: z.number({ message: 'certificates.valueNumber' }).finite({ message: 'certificates.valueNumber' }),
    unit: z.string().max(20, { message: 'validation.tooLong' }),
  })
  .strict();

/** The report as the kiosk transcribes it; the truck's facts come from the registration. */
export const CertificateReport = z
  .object({
    reportNumber: required(60),
    lab: required(100),
    cmaNumber: text(40).optional(),
    sampleOrigin: z.enum(['client', 'lab'], { message: 'validation.choice' }),
    sampledOn: dateField,
    reportedOn: dateField,
    coalRank: z.enum(COAL_RANKS, { message: 'validation.choice' }),
    distanceKm: z.number().min(0).max(10_000).optional(),
    tonnageCoveredKg: z.int().positive().max(1_000_000_000).optional(),
    results: z.array(CertificateResultInput).max(40),
  })
  .strict();
export type CertificateReport = z.output<typeof CertificateReport>;

/** The registration fields a check depends on, for previews before the registration exists. */
export const CertificateTruck = z
  .object({
    coalKind: z.enum(COAL_KINDS, { message: 'validation.choice' }),
    intendedUse: z.enum(INTENDED_USES, { message: 'validation.choice' }),
    destinationInHebei: z.boolean({ message: 'validation.boolean' }),
    hasContract: z.boolean({ message: 'validation.boolean' }),
    origin: text(100).optional(),
    netKg: z.int().min(0).max(MAX_GROSS_KG).optional(),
    /** The route, named beside a decision that records it (transit out of Hebei). */
    destination: text(100).optional(),
    viaDesignatedRoute: z.boolean({ message: 'validation.boolean' }).optional(),
  })
  .strict();
export type CertificateTruck = z.output<typeof CertificateTruck>;

/** `report: null`: the truck came without a report (the policy's missing-report rule applies). */
export const CertificateCheckInput = z.object({ registrationId: id, report: CertificateReport.nullable() }).strict();
export const CertificatePreviewInput = z.object({ truck: CertificateTruck, report: CertificateReport.nullable() }).strict();

/** A supervisor's override and an officer's manual decision both set a decided outcome (never "review"), with a reason. */
export const CertificateOverrideInput = z
  .object({ checkId: id, outcome: z.enum(DECIDED_OUTCOMES, { message: 'validation.choice' }), reason: required(500) })
  .strict();
export const CertificateReviewInput = CertificateOverrideInput;

export const FollowUpSampleInput = z.object({ registrationId: id, sampleNumber: required(60), lab: required(100) }).strict();
export const FollowUpResultInput = z
  .object({ sampleId: id, reportNumber: required(60), results: z.array(CertificateResultInput).min(1, { message: 'validation.required' }).max(40) })
  .strict();

export const LabInput = z.object({ name: required(100), cmaNumber: text(40).optional(), validUntil: dateField.optional() }).strict();

const DataFile = z.string().min(1, { message: 'validation.required' }).max(MAX_DATA_FILE_CHARS, { message: 'validation.tooLong' });
export const LimitsPreviewInput = z.object({ content: DataFile }).strict();
export const LimitsImportInput = z.object({ content: DataFile, effectiveFrom: dateField }).strict();
export const PolicyPreviewInput = z.object({ content: DataFile }).strict();
/** A shipped policy by id, or a policy file's content. */
export const PolicyActivateInput = z
  .object({ policyId: text(60).optional(), content: DataFile.optional(), effectiveFrom: dateField })
  .strict()
  .refine((p) => (p.policyId === undefined) !== (p.content === undefined), { message: 'certificates.policyOrFile', path: ['policyId'] });

export const ReportAttachmentInput = z
  .object({
    registrationId: id,
    fileName: required(200),
    mime: z.enum(ATTACHMENT_MIMES, { message: 'certificates.attachmentType' }),
    contentBase64: z
      .string()
      .min(1, { message: 'validation.required' })
      .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, { message: 'certificates.attachmentTooLarge' }),
  })
  .strict();

export interface CertificateOverride {
  id: number;
  outcome: DecidedOutcome;
  reason: string;
  at: string;
  by: string;
}

export interface StoredCheck {
  id: number;
  registrationId: number;
  /** The report as entered; null when the truck had none. */
  report: CertificateReport | null;
  result: CertificateResult;
  checkedAt: string;
  checkedBy: string;
  overrides: CertificateOverride[];
  /** The officer's decision when the check proposed 人工核验 (review); one at most. */
  review: CertificateOverride | null;
  /** The latest override's outcome, else the review decision's, else the check's. */
  outcome: Outcome;
}

export interface FollowUpSample {
  id: number;
  registrationId: number;
  checkId: number | null;
  sampleNumber: string;
  lab: string;
  takenAt: string;
  takenBy: string;
  result: { reportNumber: string; verdict: Verdict; check: CertificateResult; at: string; by: string } | null;
}

export type FollowUpStatus = 'none' | 'awaiting-result' | 'passed' | 'failed' | 'incomplete';

export interface ReportAttachment {
  id: number;
  registrationId: number;
  sha256: string;
  mime: string;
  sizeBytes: number;
  fileName: string;
  addedAt: string;
  addedBy: string;
}

/** An attachment with its content, for viewing or saving a copy. */
export interface AttachmentContent extends ReportAttachment {
  contentBase64: string;
}

export interface RegistrationCertificates {
  /** Every check of the record (all revisions), oldest first; the last is the current one. */
  checks: StoredCheck[];
  current: StoredCheck | null;
  samples: FollowUpSample[];
  followUp: FollowUpStatus;
  attachments: ReportAttachment[];
}

export interface RecognisedLabRow {
  id: number;
  name: string;
  cmaNumber: string | null;
  validUntil: string | null;
  addedAt: string;
}

export interface LimitsVersion {
  /** null: the table shipped with the app. */
  id: number | null;
  version: string;
  effectiveFrom: string | null;
  importedAt: string | null;
  importedBy: string | null;
  rows: number;
  unverifiedRows: number;
  active: boolean;
}

export interface LimitsPreview {
  version: string;
  rows: number;
  unverifiedRows: number;
  /** Against the table in force today. */
  activeVersion: string;
  diff: LimitsDiff;
  /** Standard/grade pairs the active policy needs that the new table lacks today. */
  gaps: StandardGrade[];
}

/** What a policy file would change, shown before it is activated. */
export interface PolicyPreview {
  id: string;
  version: string;
  title: Bilingual;
  source: string;
  /** The period the file itself states; the activation date is chosen separately. */
  statedFrom: string;
  statedTo: string | null;
  maxReportAgeDays: number;
  /** Which standards apply to which trucks. */
  applicability: { when: TruckCondition; check: StandardGrade[]; basis: string }[];
  outcomeRules: number;
  /** The policy in force today. */
  activeVersion: string;
  /** Standard/grade pairs the file refers to that the limits table in force today lacks. */
  gaps: StandardGrade[];
}

export interface PolicyInfo {
  id: string;
  version: string;
  title: Bilingual;
  source: string;
  shipped: boolean;
  active: boolean;
  /** When it was activated from; null for a shipped policy never activated (the default is in force then). */
  effectiveFrom: string | null;
}

/** A grade the active policy applies whose ash or sulfur limit is not loaded in the table in force today. */
export type EmptyGrade = NotLoaded;

/** Who may check a report: the registrars at the kiosk and the enforcement officers. */
const CHECKERS: readonly Role[] = [...new Set<Role>([...ROLE_GROUPS.registrar, ...ROLE_GROUPS.enforcement])];
/** Overriding an outcome is a supervisor's decision, not an administrator's. */
const SUPERVISOR: readonly Role[] = ['supervisor'];
/** 人工核验 is an enforcement officer's decision (or a supervisor's). */
const REVIEWERS: readonly Role[] = ['officer', 'supervisor'];

const RegistrationId = z.object({ registrationId: id }).strict();

export const certificatesContract = {
  'certificates.preview': method<CertificateResult>()(CertificatePreviewInput, CHECKERS),
  'certificates.check': method<StoredCheck>()(CertificateCheckInput, CHECKERS),
  'certificates.forRegistration': method<RegistrationCertificates>()(RegistrationId, ROLE_GROUPS.viewer),
  'certificates.override': method<StoredCheck>()(CertificateOverrideInput, SUPERVISOR),
  'certificates.review': method<StoredCheck>()(CertificateReviewInput, REVIEWERS),
  'certificates.recordSample': method<FollowUpSample>()(FollowUpSampleInput, ROLE_GROUPS.enforcement),
  'certificates.recordSampleResult': method<FollowUpSample>()(FollowUpResultInput, ROLE_GROUPS.enforcement),
  'labs.list': method<RecognisedLabRow[]>()(Empty, ROLE_GROUPS.viewer),
  'labs.add': method<RecognisedLabRow>()(LabInput, ROLE_GROUPS.admin),
  'labs.remove': method<null>()(z.object({ id }).strict(), ROLE_GROUPS.admin),
  'limits.list': method<LimitsVersion[]>()(Empty, ROLE_GROUPS.admin),
  'limits.preview': method<LimitsPreview>()(LimitsPreviewInput, ROLE_GROUPS.admin),
  'limits.import': method<LimitsVersion>()(LimitsImportInput, ROLE_GROUPS.admin),
  'limits.emptyGrades': method<EmptyGrade[]>()(Empty, ROLE_GROUPS.oversight),
  'policies.list': method<PolicyInfo[]>()(Empty, ROLE_GROUPS.viewer),
  'policies.preview': method<PolicyPreview>()(PolicyPreviewInput, ROLE_GROUPS.admin),
  'policies.activate': method<PolicyInfo>()(PolicyActivateInput, ROLE_GROUPS.admin),
  'attachments.add': method<ReportAttachment>()(ReportAttachmentInput, CHECKERS),
  'attachments.list': method<ReportAttachment[]>()(RegistrationId, ROLE_GROUPS.viewer),
  'attachments.get': method<AttachmentContent>()(z.object({ id }).strict(), ROLE_GROUPS.viewer),
} satisfies Record<string, MethodDef>;
