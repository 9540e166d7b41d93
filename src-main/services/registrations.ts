import { z } from 'zod';
import type { Db } from '../../db/open.ts';
import { nextCounterValue } from '../../db/counters.ts';
import {
  getRegistration, getRevisions, insertRegistration, lastTare, searchRegistrations,
} from '../../db/registrations-repo.ts';
import type { AmendInput, Registration, RegistrationData, RegistrationPage, SearchInput } from '../contract/registration.ts';
import { localDateCompact, startOfLocalDate, addDays } from '../domain/local-time.ts';
import { normalizePlate } from '../domain/plate.ts';
import { counterName, formatRecordNumber } from '../domain/record-number.ts';
import { appendAudit, snapshotRow } from './audit.ts';
import { actorOf, type CallContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { requireStation } from './accounts.ts';
import { getSettings } from './settings.ts';
import { admitAmendmentEvidence, admitWeightEvidence } from './weighing-evidence.ts';
import { rememberRegistration } from './vehicles.ts';

function checkWeightEvidence(data: RegistrationData): void {
  if (data.weightSource === 'manual' && !data.manualReason) {
    throw new ServiceError('invalid-input', 'validation.manualReason', {}, [{ path: 'manualReason', key: 'validation.manualReason' }]);
  }
}

function insertAudited(ctx: CallContext, row: Parameters<typeof insertRegistration>[1], action: string, before?: unknown): Registration {
  const id = insertRegistration(ctx.db, row);
  appendAudit(ctx.db, {
    actor: actorOf(ctx.session), action, entity: 'registration', entityId: id, before, after: snapshotRow(ctx.db, 'registration', id), at: ctx.now(),
  });
  return getRegistration(ctx.db, id)!;
}

/** Saves a new registration under the next record number; the number and the audit entry commit with it. */
export function createRegistration(ctx: CallContext, data: RegistrationData): Registration {
  checkWeightEvidence(data);
  return ctx.db.transaction(() => {
    const evidence = admitWeightEvidence(ctx.db, data);
    const at = ctx.now();
    const station = requireStation(ctx.db);
    const pattern = getSettings(ctx.db).recordNumberPattern;
    const numbering = { station: station.code, date: localDateCompact(at) };
    const recordNumber = formatRecordNumber(pattern, numbering, nextCounterValue(ctx.db, counterName(pattern, numbering)));
    const registration = insertAudited(
      ctx,
      { recordNumber, revision: 1, amendsId: null, amendmentReason: null, stationCode: station.code, operatorId: ctx.session.user.id, registeredAt: at.toISOString(), data: evidence.data },
      'registrations.create',
    );
    evidence.claim(registration.id);
    rememberRegistration(ctx.db, registration, true);
    return registration;
  })();
}

/**
 * A correction never edits the saved row: it adds the next revision of the same record number, pointing
 * at the one it corrects, with the reason. Only the current revision can be amended. Its weights are held
 * to the weighing-evidence rule of a new registration (`admitAmendmentEvidence`).
 */
export function amendRegistration(ctx: CallContext, input: z.output<typeof AmendInput>): Registration {
  checkWeightEvidence(input.changes);
  return ctx.db.transaction(() => {
    const original = getRegistration(ctx.db, input.id);
    if (!original) throw new ServiceError('not-found', 'errors.registrationNotFound');
    if (original.amendedById !== null) throw new ServiceError('conflict', 'errors.notCurrentRevision');
    const evidence = admitAmendmentEvidence(ctx.db, original, input.changes);
    const registration = insertAudited(
      ctx,
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
  })();
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
