/**
 * Certificate checks of registered trucks: the report as transcribed at the kiosk, joined with the
 * registration's facts and the earlier uses of the same report number, checked against the limits and
 * policy in force, and stored with the versions used. A stored check is never rewritten; a supervisor's
 * override and a follow-up sample's result are added beside it.
 */
import type { z } from 'zod';
import {
  checksOfRecord, earlierUsesOfReport, getCheck, getSample, insertCheck, insertOverride, insertReview, insertSample, overridesOf,
  reviewOf, sampleNumberTaken, samplesOfRecord, setSampleResult, type CheckRow, type SampleRow,
} from '../../../db/certificates-repo.ts';
import type { Db } from '../../../db/open.ts';
import { getRegistration } from '../../../db/registrations-repo.ts';
import type {
  CertificateCheckInput, CertificateOverride, CertificateOverrideInput, CertificateReport, CertificateReviewInput, CertificateTruck, FollowUpResultInput, FollowUpSample,
  FollowUpSampleInput, FollowUpStatus, RegistrationCertificates, StoredCheck,
} from '../../../src-shared/contract/certificates.ts';
import type { Registration } from '../../../src-shared/contract/registration.ts';
import {
  checkCertificate, isNoReport, lawfulFinding, limitFacts, type LawfulFinding, parseCertificateInput, type CertificateInput, type CertificateResult, type ItemCheck,
  type StandardGrade,
} from '../../../src-shared/domain/certificate/index.ts';
import { coalFormOf, usualRankOf } from '../../../src-shared/domain/certificate/coal-kind.ts';
import type { DecidedOutcome, Outcome, Verdict } from '../../../src-shared/domain/certificate/vocabulary.ts';
import { localDate, toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { attachmentsOf } from './attachments.ts';
import { snapshotRow } from '../audit.ts';
import { type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { checkContextAt } from './standards.ts';
import { mutate } from '../mutate.ts';

/** The truck as the check sees it: registration facts at the time of arrival. */
interface TruckFacts extends CertificateTruck {
  arrivedAt: Date;
}

/** Which records to count as earlier uses: all of them for a preview, those before the registration otherwise. */
interface UseScope {
  recordNumber: string | null;
  firstId: number | null;
}

function truckOf(reg: Registration): TruckFacts {
  return {
    coalKind: reg.coalKind, intendedUse: reg.intendedUse, destinationInHebei: reg.destinationInHebei,
    hasContract: reg.hasContract, origin: reg.origin, netKg: reg.netKg, arrivedAt: new Date(reg.registeredAt),
    destination: reg.destination, viaDesignatedRoute: reg.viaDesignatedRoute,
  };
}

function firstRevision(db: Db, reg: Registration): Registration {
  let first = reg;
  while (first.amendsId !== null) first = getRegistration(db, first.amendsId)!;
  return first;
}

/** Joins the transcribed report with the truck's facts and validates the result by the domain's schema. */
function assembleInput(db: Db, truck: TruckFacts, report: CertificateReport | null, scope: UseScope): CertificateInput {
  const common = {
    arrivedAt: toLocalIso(truck.arrivedAt),
    coalForm: coalFormOf(truck.coalKind),
    use: truck.intendedUse,
    destinationInHebei: truck.destinationInHebei,
    hasContract: truck.hasContract,
    ...(truck.origin ? { origin: truck.origin } : {}),
    ...(truck.netKg ? { truckNetKg: truck.netKg } : {}),
    ...(truck.destination ? { destination: truck.destination } : {}),
    ...(truck.viaDesignatedRoute !== undefined ? { viaDesignatedRoute: truck.viaDesignatedRoute } : {}),
  };
  const json = report === null
    ? { reportNumber: null, ...common, coalRank: usualRankOf(truck.coalKind) }
    : {
        ...common,
        reportNumber: report.reportNumber,
        lab: report.lab,
        cmaNumber: report.cmaNumber ?? null,
        sampleOrigin: report.sampleOrigin,
        sampledOn: report.sampledOn,
        reportedOn: report.reportedOn,
        coalRank: report.coalRank,
        ...(report.distanceKm !== undefined ? { distanceKm: report.distanceKm } : {}),
        ...(report.tonnageCoveredKg !== undefined ? { tonnageCoveredKg: report.tonnageCoveredKg } : {}),
        previousUses: earlierUsesOfReport(db, { reportNumber: report.reportNumber, excludeRecordNumber: scope.recordNumber, beforeId: scope.firstId }),
        results: report.results,
      };
  const parsed = parseCertificateInput(json);
  if (!parsed.ok) throw new ServiceError('invalid-input', 'certificates.invalidReport', { detail: parsed.message });
  return parsed.value;
}

/** The live verdict while the kiosk types: nothing is stored. */
export function previewCheck(ctx: CallContext, truck: CertificateTruck, report: CertificateReport | null): CertificateResult {
  const now = ctx.now();
  const input = assembleInput(ctx.db, { ...truck, arrivedAt: now }, report, { recordNumber: null, firstId: null });
  return checkCertificate(input, checkContextAt(ctx.db, now));
}

function toStoredCheck(db: Db, row: CheckRow): StoredCheck {
  const input = JSON.parse(row.input_json) as CertificateInput & { coalRank?: string };
  const checked = JSON.parse(row.checked_json) as StandardGrade[];
  const items = JSON.parse(row.items_json) as ItemCheck[];
  const result: CertificateResult = {
    outcome: row.outcome as Outcome,
    verdict: row.verdict as Verdict,
    provisional: row.provisional === 1,
    checked,
    items,
    missing: JSON.parse(row.missing_json),
    ...limitFacts(checked, items),
    signals: JSON.parse(row.signals_json),
    reasons: JSON.parse(row.reasons_json),
    versions: { policy: row.policy_version, limits: row.limits_version },
    checkedAt: row.checked_at,
  };
  const report: CertificateReport | null = isNoReport(input)
    ? null
    : {
        reportNumber: input.reportNumber, lab: input.lab, sampleOrigin: input.sampleOrigin, sampledOn: input.sampledOn,
        reportedOn: input.reportedOn, coalRank: input.coalRank, results: input.results,
        ...(input.cmaNumber ? { cmaNumber: input.cmaNumber } : {}),
        ...(input.distanceKm != null ? { distanceKm: input.distanceKm } : {}),
        ...(input.tonnageCoveredKg !== undefined ? { tonnageCoveredKg: input.tonnageCoveredKg } : {}),
      };
  const overrides: CertificateOverride[] = overridesOf(db, row.id).map((o) => ({
    id: o.id, outcome: o.outcome as DecidedOutcome, reason: o.reason, at: o.overridden_at, by: o.overridden_by_name,
  }));
  const r = reviewOf(db, row.id);
  const review: CertificateOverride | null = r
    ? { id: r.id, outcome: r.outcome as DecidedOutcome, reason: r.reason, at: r.decided_at, by: r.decided_by_name }
    : null;
  return {
    id: row.id, registrationId: row.registration_id, report, result, checkedAt: row.checked_at, checkedBy: row.checked_by_name,
    overrides, review, outcome: overrides.at(-1)?.outcome ?? review?.outcome ?? result.outcome,
  };
}

function requireRegistration(db: Db, id: number): Registration {
  const reg = getRegistration(db, id);
  if (!reg) throw new ServiceError('not-found', 'errors.registrationNotFound');
  return reg;
}

/** The lawful fact of a stored check (standard, grade, item, converted value, limit) for cases and documents. */
export function lawfulFindingOfCheck(db: Db, checkId: number): LawfulFinding {
  const row = getCheck(db, checkId);
  if (!row) throw new ServiceError('not-found', 'certificates.checkNotFound');
  return lawfulFinding(toStoredCheck(db, row).result);
}

/** Checks the report a registered truck presented (or its absence) and stores the result with the versions used. */
export function checkRegistration(ctx: CallContext, input: z.output<typeof CertificateCheckInput>): StoredCheck {
  return mutate(ctx, (tx) => {
    const reg = requireRegistration(ctx.db, input.registrationId);
    const first = firstRevision(ctx.db, reg);
    const truck = { ...truckOf(reg), arrivedAt: new Date(first.registeredAt) };
    const certificateInput = assembleInput(ctx.db, truck, input.report, { recordNumber: reg.recordNumber, firstId: first.id });
    const at = ctx.now();
    const result = checkCertificate(certificateInput, checkContextAt(ctx.db, at));
    const report = isNoReport(certificateInput) ? null : certificateInput;
    const id = insertCheck(ctx.db, {
      registration_id: reg.id,
      report_number: report?.reportNumber ?? null,
      lab: report?.lab ?? null,
      cma_number: report?.cmaNumber ?? null,
      sample_origin: report?.sampleOrigin ?? null,
      sampled_on: report?.sampledOn ?? null,
      reported_on: report?.reportedOn ?? null,
      input_json: JSON.stringify(certificateInput),
      results_json: JSON.stringify(report?.results ?? []),
      verdict: result.verdict,
      outcome: result.outcome,
      provisional: result.provisional ? 1 : 0,
      checked_json: JSON.stringify(result.checked),
      items_json: JSON.stringify(result.items),
      missing_json: JSON.stringify(result.missing),
      signals_json: JSON.stringify(result.signals),
      reasons_json: JSON.stringify(result.reasons),
      policy_version: result.versions.policy,
      limits_version: result.versions.limits,
      checked_at: at.toISOString(),
      checked_by: ctx.session.user.id,
    });
    tx.audit({
      action: 'certificates.check', entity: 'certificate_check', entityId: id,
      after: snapshotRow(ctx.db, 'certificate_check', id), at,
    });
    return toStoredCheck(ctx.db, getCheck(ctx.db, id)!);
  });
}

export function overrideOutcome(ctx: CallContext, input: z.output<typeof CertificateOverrideInput>): StoredCheck {
  return mutate(ctx, (tx) => {
    const check = getCheck(ctx.db, input.checkId);
    if (!check) throw new ServiceError('not-found', 'certificates.checkNotFound');
    const at = ctx.now();
    const id = insertOverride(ctx.db, {
      check_id: check.id, outcome: input.outcome, reason: input.reason, overridden_at: at.toISOString(), overridden_by: ctx.session.user.id,
    });
    tx.audit({
      action: 'certificates.override', entity: 'certificate_override', entityId: id,
      before: { checkId: check.id, outcome: toStoredCheck(ctx.db, check).outcome }, after: snapshotRow(ctx.db, 'certificate_override', id), at,
    });
    return toStoredCheck(ctx.db, check);
  });
}

/**
 * 人工核验: the officer's decision on a check that proposed review, with the reason. Once only, and only while
 * the check is still awaiting it (a supervisor's override already decided it otherwise).
 */
export function recordReview(ctx: CallContext, input: z.output<typeof CertificateReviewInput>): StoredCheck {
  return mutate(ctx, (tx) => {
    const row = getCheck(ctx.db, input.checkId);
    if (!row) throw new ServiceError('not-found', 'certificates.checkNotFound');
    const check = toStoredCheck(ctx.db, row);
    if (check.review !== null) throw new ServiceError('conflict', 'certificates.reviewExists');
    if (check.outcome !== 'review') throw new ServiceError('conflict', 'certificates.notForReview');
    const at = ctx.now();
    const id = insertReview(ctx.db, {
      check_id: row.id, outcome: input.outcome, reason: input.reason, decided_at: at.toISOString(), decided_by: ctx.session.user.id,
    });
    tx.audit({
      action: 'certificates.review', entity: 'certificate_review', entityId: id,
      before: { checkId: row.id, outcome: check.outcome }, after: snapshotRow(ctx.db, 'certificate_review', id), at,
    });
    return toStoredCheck(ctx.db, row);
  });
}

function toSample(row: SampleRow): FollowUpSample {
  return {
    id: row.id, registrationId: row.registration_id, checkId: row.check_id, sampleNumber: row.sample_number, lab: row.lab,
    takenAt: row.taken_at, takenBy: row.taken_by_name,
    result: row.result_at === null
      ? null
      : {
          reportNumber: row.result_report_number!, verdict: row.result_verdict as Verdict,
          check: JSON.parse(row.result_check_json!) as CertificateResult, at: row.result_at, by: row.result_by_name!,
        },
  };
}

export function recordSample(ctx: CallContext, input: z.output<typeof FollowUpSampleInput>): FollowUpSample {
  return mutate(ctx, (tx) => {
    const reg = requireRegistration(ctx.db, input.registrationId);
    if (sampleNumberTaken(ctx.db, input.sampleNumber)) throw new ServiceError('conflict', 'certificates.sampleExists', { number: input.sampleNumber });
    const at = ctx.now();
    const id = insertSample(ctx.db, {
      registration_id: reg.id, check_id: checksOfRecord(ctx.db, reg.recordNumber).at(-1)?.id ?? null,
      sample_number: input.sampleNumber, lab: input.lab, taken_at: at.toISOString(), taken_by: ctx.session.user.id,
    });
    const sample = toSample(getSample(ctx.db, id)!);
    tx.audit({ action: 'certificates.recordSample', entity: 'follow_up_sample', entityId: id, after: sample, at });
    return sample;
  });
}

/**
 * The lab's result for a sample taken here: checked like a lab-sampled report of the same truck, and stored
 * on the sample. The truck's original report and its check stay as they were.
 */
export function recordSampleResult(ctx: CallContext, input: z.output<typeof FollowUpResultInput>): FollowUpSample {
  return mutate(ctx, (tx) => {
    const sample = getSample(ctx.db, input.sampleId);
    if (!sample) throw new ServiceError('not-found', 'certificates.sampleNotFound');
    if (sample.result_at !== null) throw new ServiceError('conflict', 'certificates.sampleHasResult');
    const reg = requireRegistration(ctx.db, sample.registration_id);
    const original = sample.check_id === null ? undefined : toStoredCheck(ctx.db, getCheck(ctx.db, sample.check_id)!);
    const at = ctx.now();
    const report: CertificateReport = {
      reportNumber: input.reportNumber, lab: sample.lab, sampleOrigin: 'lab',
      sampledOn: localDate(new Date(sample.taken_at)), reportedOn: localDate(at),
      coalRank: original?.report?.coalRank ?? usualRankOf(reg.coalKind), results: input.results,
    };
    // A follow-up sample speaks for this truck alone, so earlier uses of the number do not apply.
    const certificateInput = assembleInput(ctx.db, truckOf(firstRevision(ctx.db, reg)), report, { recordNumber: reg.recordNumber, firstId: 0 });
    const result = checkCertificate(certificateInput, checkContextAt(ctx.db, at));
    setSampleResult(ctx.db, {
      id: sample.id, result_report_number: input.reportNumber, result_json: JSON.stringify(input.results), result_verdict: result.verdict,
      result_check_json: JSON.stringify(result), result_at: at.toISOString(), result_by: ctx.session.user.id,
    });
    const updated = toSample(getSample(ctx.db, sample.id)!);
    tx.audit({
      action: 'certificates.recordSampleResult', entity: 'follow_up_sample', entityId: sample.id,
      before: toSample(sample), after: updated, at,
    });
    return updated;
  });
}

/** The follow-up of a record: from its latest sample, if any. */
export function followUpStatus(samples: readonly FollowUpSample[]): FollowUpStatus {
  const latest = samples.at(-1);
  if (!latest) return 'none';
  if (!latest.result) return 'awaiting-result';
  return latest.result.verdict === 'pass' ? 'passed' : latest.result.verdict === 'incomplete' ? 'incomplete' : 'failed';
}

export function certificatesOf(db: Db, registrationId: number): RegistrationCertificates {
  const reg = requireRegistration(db, registrationId);
  const checks = checksOfRecord(db, reg.recordNumber).map((row) => toStoredCheck(db, row));
  const samples = samplesOfRecord(db, reg.recordNumber).map(toSample);
  return { checks, current: checks.at(-1) ?? null, samples, followUp: followUpStatus(samples), attachments: attachmentsOf(db, reg.recordNumber) };
}
