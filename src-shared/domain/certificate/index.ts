/** Public API of the certificate check. */
export { checkCertificate, limitFacts, type CheckContext, type CertificateResult, type ItemCheck, type MissingValue } from './certificate-check.ts';
export { parseCertificateInput, reportInputSchema, noReportInputSchema, isNoReport, type CertificateInput, type ReportInput, type NoReportInput, type ReportResult } from './report-input.ts';
export { parseLimitsTable, selectLimits, meetsLimit, diffLimits, formatLimit, notLoaded, CORE_ITEMS, type LimitsDiff, type NotLoaded } from './limits.ts';
export { lawfulFinding, type LawfulFact, type LawfulFinding } from './lawful-finding.ts';
export { parsePolicy, standardsToCheck, decideOutcome, policyGaps, NOT_LOADED_REVIEW, type TruckFacts, type OutcomeFacts, type Decision } from './policy.ts';
export { basisFactor, convertBasis, type BasisInputs } from './basis-conversion.ts';
export { grossFromBombAd, netAsReceived, nitricAcidAlpha } from './calorific-value.ts';
export { toMjPerKg, fromMjPerKg, JOULES_PER_CALORIE_20C, JOULES_PER_CALORIE_IT } from './calorific-units.ts';
export type { Signal } from './signals.ts';
export { recognisedLabsSchema, limitsTableSchema, policySchema, formatZodIssues, parseWith, type LimitRow, type LimitsTable, type Policy, type RecognisedLab, type StandardGrade, type Parsed } from './schemas.ts';
export { shippedLimits, chengdePolicy, fupingPolicy, defaultPolicy, shippedPolicies } from './defaults.ts';
export * from './vocabulary.ts';
export { ITEMS, BASES, ITEM_INFO, type Item, type Basis } from './items.ts';
