/**
 * What the devices add to saving a registration: a "scale" weight must cite a weighing that exists, that no
 * other registration cites, and whose weight is the gross or tare submitted; a record made in training mode,
 * or on a simulator's weighing, is a training record whatever the form said.
 * Corrections (amendments) follow the same rule, see `admitAmendmentEvidence`.
 */
import { claimWeighing, getWeighing, trainingMode, type Weighing } from '../../../db/devices-repo.ts';
import type { Db } from '../../../db/open.ts';
import type { Registration, RegistrationData, StoredRegistrationData } from '../../../src-shared/contract/registration.ts';
import { ServiceError } from '../errors.ts';

const refuse = (key: string) => new ServiceError('invalid-input', key, {}, [{ path: 'grossKg', key }]);

const matchesWeighing = (weighing: Weighing, input: RegistrationData) => weighing.weightKg === input.grossKg || weighing.weightKg === input.tareKg;

export interface AdmittedEvidence {
  data: StoredRegistrationData;
  /** Marks the cited weighing as used by the saved registration (same transaction). */
  claim(registrationId: number): void;
}

/** Call inside the registration's transaction, before the insert. */
export function admitWeightEvidence(db: Db, input: RegistrationData): AdmittedEvidence {
  const training = trainingMode(db);
  if (input.weightSource !== 'scale') {
    // A weighing left over in the form after switching to manual entry is not evidence for this record.
    const { weighingId: _unused, ...data } = input;
    return { data: { ...data, training }, claim: () => undefined };
  }
  if (input.weighingId === undefined) throw refuse('devices.evidence.required');
  const weighing = getWeighing(db, input.weighingId);
  if (!weighing) throw refuse('devices.evidence.notFound');
  if (weighing.usedByRegistration !== null) throw refuse('devices.evidence.used');
  if (!matchesWeighing(weighing, input)) throw refuse('devices.evidence.mismatch');
  const weighingId = weighing.id;
  return {
    data: { ...input, training: training || weighing.simulated },
    claim: (registrationId) => {
      if (!claimWeighing(db, weighingId, registrationId)) throw refuse('devices.evidence.used');
    },
  };
}

/**
 * The rule for a correction, which adds a revision to a saved record (call inside its transaction):
 * - A scale weight may go on citing the weighing the corrected revision cited, and does when the correction
 *   names none (the amendment form does not carry it). That weighing is this record's own evidence, so it
 *   is not "used by another registration"; its weight must still be the corrected gross or tare, so a changed
 *   weight needs a new weighing or manual entry with a reason. Any other weighing is a new citation and must
 *   exist, be unused and match, exactly as for a new registration.
 * - A correction never changes whether a record is a training record: corrections of a training record are
 *   training records; a real record cannot be corrected in training mode or with a simulator's weighing
 *   (practice must not rewrite the real ledger, and a real record must not vanish from it as "training").
 */
export function admitAmendmentEvidence(db: Db, original: Registration, input: RegistrationData): AdmittedEvidence {
  const ownWeighing = original.weighingId === null ? undefined : getWeighing(db, original.weighingId);
  const carried = input.weightSource === 'scale' && ownWeighing !== undefined && (input.weighingId ?? ownWeighing.id) === ownWeighing.id;
  let evidence: AdmittedEvidence;
  if (carried) {
    if (!matchesWeighing(ownWeighing, input)) throw refuse('devices.evidence.mismatch');
    const training = trainingMode(db) || ownWeighing.simulated;
    evidence = { data: { ...input, weighingId: ownWeighing.id, training }, claim: () => undefined };
  } else {
    evidence = admitWeightEvidence(db, input);
  }
  if (original.training) return { ...evidence, data: { ...evidence.data, training: true } };
  if (evidence.data.training) throw new ServiceError('conflict', 'devices.evidence.trainingAmendment');
  return evidence;
}
