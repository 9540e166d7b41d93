import { z } from 'zod';
import type { Db } from '../../../db/open.ts';
import { nextCounterValue } from '../../../db/counters.ts';
import {
  getRegistration, getRevisions, insertRegistration, lastTare, latestWithPlate, searchRegistrations,
} from '../../../db/registrations-repo.ts';
import type { AmendInput, Registration, RegistrationData, RegistrationPage, SearchInput } from '../../../src-shared/contract/registration.ts';
import type { RegisterTruckInput, RegisteredTruck } from '../../../src-shared/contract/registration-save.ts';
import { withinRepeatWindow, weightProblems } from '../../../src-shared/domain/weight-plausibility.ts';
import { formatPlate } from '../../../src-shared/domain/plate.ts';
import { checkRegistration } from '../certificates/certificates.ts';
import { localDateCompact, startOfLocalDate, addDays } from '../../../src-shared/domain/local-time.ts';
import { normalizePlate } from '../../../src-shared/domain/plate.ts';
import { counterName, formatRecordNumber } from '../../../src-shared/domain/record-number.ts';
import { snapshotRow } from '../audit.ts';
import { type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { requireStation } from '../accounts/accounts.ts';
import { getSettings } from '../accounts/settings.ts';
import { admitAmendmentEvidence, admitWeightEvidence } from './weighing-evidence.ts';
import { rememberRegistration } from '../vehicles/vehicles.ts';
import { mutate, type Mutation } from '../mutate.ts';
import { caseOfRecord } from '../../../db/case-registration-repo.ts';

/** A manual weight needs its reason; an implausible weight (settings: minimum gross, tare range) is refused per field. */
function checkWeights(db: Db, data: RegistrationData): void {
  if (data.weightSource === 'manual' && !data.manualReason) {
    throw new ServiceError('invalid-input', 'validation.manualReason', {}, [{ path: 'manualReason', key: 'validation.manualReason' }]);
  }
  const problems = weightProblems(data, getSettings(db));
  if (problems.length > 0) {
    const params = Object.assign({}, ...problems.map((p) => p.params)) as Record<string, number>;
    throw new ServiceError('invalid-input', problems[0]!.key, params, problems.map((p) => ({ path: p.field, key: p.key })));
  }
}

function insertAudited(ctx: CallContext, tx: Mutation, row: Parameters<typeof insertRegistration>[1], action: string, before?: unknown): Registration {
  const id = insertRegistration(ctx.db, row);
  tx.audit({
    action, entity: 'registration', entityId: id, before, after: snapshotRow(ctx.db, 'registration', id), at: ctx.now(),
  });
  return getRegistration(ctx.db, id)!;
}

/** Saves a new registration under the next record number; the number and the audit entry commit with it. */
export function createRegistration(ctx: CallContext, data: RegistrationData): Registration {
  checkWeights(ctx.db, data);
  return mutate(ctx, (tx) => {
    const evidence = admitWeightEvidence(ctx.db, data);
    const at = ctx.now();
    const station = requireStation(ctx.db);
    const pattern = getSettings(ctx.db).recordNumberPattern;
    const numbering = { station: station.code, date: localDateCompact(at) };
    const recordNumber = formatRecordNumber(pattern, numbering, nextCounterValue(ctx.db, counterName(pattern, numbering)));
    const registration = insertAudited(
      ctx, tx,
      { recordNumber, revision: 1, amendsId: null, amendmentReason: null, stationCode: station.code, operatorId: ctx.session.user.id, registeredAt: at.toISOString(), data: evidence.data },
      'registrations.create',
    );
    evidence.claim(registration.id);
    rememberRegistration(ctx.db, registration, true);
    return registration;
  });
}

/** Refuses (unless confirmed) a plate seen as tractor or trailer within the configured window before now. */
function checkRepeatedPlate(ctx: CallContext, data: RegistrationData): void {
  const minutes = getSettings(ctx.db).repeatPlateMinutes;
  if (minutes === 0) return;
  const now = ctx.now();
  const plates = [data.plate, ...(data.trailerPlate ? [data.trailerPlate] : [])];
  const earlier = latestWithPlate(ctx.db, plates, new Date(now.getTime() - minutes * 60_000).toISOString());
  if (!earlier || !withinRepeatWindow(earlier.registeredAt, now, minutes)) return;
  const path = earlier.plate === data.plate ? 'plate' : 'trailerPlate';
  throw new ServiceError('conflict', 'kiosk.plateRepeated', { plate: formatPlate(earlier.plate), minutes, recordNumber: earlier.recordNumber }, [
    { path, key: 'kiosk.plateRepeated' },
  ]);
}

/**
 * The kiosk's save: the registration and the check of its report (or of its absence) commit together, so a
 * saved truck always has its verdict. Whether the truck had a report is the report's presence, not a
 * separate flag that could disagree with it.
 */
export function registerTruck(ctx: CallContext, input: z.output<typeof RegisterTruckInput>): RegisteredTruck {
  const { report } = input;
  if (input.registration.hasReport && report === null) {
    throw new ServiceError('invalid-input', 'kiosk.reportRequired', {}, [{ path: 'report.reportNumber', key: 'kiosk.reportRequired' }]);
  }
  const data: RegistrationData = { ...input.registration, hasReport: report !== null };
  if (report) data.reportNumber = report.reportNumber;
  else delete data.reportNumber;
  return mutate(ctx, () => {
    if (!input.confirmRepeatedPlate) checkRepeatedPlate(ctx, data);
    const registration = createRegistration(ctx, data);
    const check = checkRegistration(ctx, { registrationId: registration.id, report });
    return { registration: getRegistration(ctx.db, registration.id)!, check };
  });
}

/**
 * A correction never edits the saved row: it adds the next revision of the same record number, pointing
 * at the one it corrects, with the reason. Only the current revision can be amended. Its weights are held
 * to the weighing-evidence rule of a new registration (`admitAmendmentEvidence`).
 */
export function amendRegistration(ctx: CallContext, input: z.output<typeof AmendInput>): Registration {
  return ctx.db.transaction(() => {
    const original = getRegistration(ctx.db, input.id);
    // A record in a case is frozen here: its officer amends it through the case (cases.amendRegistration).
    const held = original && caseOfRecord(ctx.db, original.recordNumber);
    if (held) throw new ServiceError('conflict', 'dataProtection.frozenInCase', { caseNumber: held.caseNumber });
    return addRevision(ctx, input);
  })();
}

/** The new revision itself; the caller has decided who may amend this record. */
export function addRevision(ctx: CallContext, input: z.output<typeof AmendInput>): Registration {
  checkWeights(ctx.db, input.changes);
  return mutate(ctx, (tx) => {
    const original = getRegistration(ctx.db, input.id);
    if (!original) throw new ServiceError('not-found', 'errors.registrationNotFound');
    if (original.amendedById !== null) throw new ServiceError('conflict', 'errors.notCurrentRevision');
    const evidence = admitAmendmentEvidence(ctx.db, original, input.changes);
    const registration = insertAudited(
      ctx, tx,
      {
        recordNumber: original.recordNumber,
        revision: original.revision + 1,
        amendsId: original.id,
        amendmentReason: input.reason,
        stationCode: original.stationCode,
        operatorId: ctx.session.user.id,
        registeredAt: ctx.now().toISOString(),
        data: evidence.data,
      },
      'registrations.amend',
      snapshotRow(ctx.db, 'registration', original.id),
    );
    evidence.claim(registration.id);
    rememberRegistration(ctx.db, registration, false);
    return registration;
  });
}

export function registrationHistory(db: Db, id: number): Registration[] {
  const reg = getRegistration(db, id);
  if (!reg) throw new ServiceError('not-found', 'errors.registrationNotFound');
  return getRevisions(db, reg.recordNumber);
}

const toHalfWidthUpper = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, '').toUpperCase();

export function findRegistrations(db: Db, input: z.output<typeof SearchInput>): RegistrationPage {
  const { rows, hasMore } = searchRegistrations(db, {
    plateQuery: normalizePlate(input.query),
    textQuery: toHalfWidthUpper(input.query),
    fromIso: input.from ? startOfLocalDate(input.from).toISOString() : undefined,
    toIso: input.to ? startOfLocalDate(addDays(input.to, 1)).toISOString() : undefined,
    includeTraining: input.includeTraining,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { page: input.page, pageSize: input.pageSize, rows, hasMore };
}

export function rememberedTare(db: Db, plate: string) {
  return lastTare(db, normalizePlate(plate));
}
