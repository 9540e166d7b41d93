/**
 * What the devices add to saving a registration: a "scale" weight must cite a weighing that exists, that no
 * other registration cites, and whose weight is the gross or tare submitted; a record made in training mode,
 * or on a simulator's weighing, is a training record whatever the form said.
 */
import { claimWeighing, getWeighing, trainingMode } from '../../db/devices-repo.ts';
import type { Db } from '../../db/open.ts';
import type { RegistrationData } from '../contract/registration.ts';
import { ServiceError } from './errors.ts';

const refuse = (key: string) => new ServiceError('invalid-input', key, {}, [{ path: 'grossKg', key }]);

export interface AdmittedEvidence {
  data: RegistrationData;
  /** Marks the cited weighing as used by the saved registration (same transaction). */
  claim(registrationId: number): void;
}

/** Call inside the registration's transaction, before the insert. */
export function admitWeightEvidence(db: Db, input: RegistrationData): AdmittedEvidence {
  const training = input.training || trainingMode(db);
  if (input.weightSource !== 'scale') {
    // A weighing left over in the form after switching to manual entry is not evidence for this record.
    const { weighingId: _unused, ...data } = input;
    return { data: { ...data, training }, claim: () => undefined };
  }
  if (input.weighingId === undefined) throw refuse('devices.evidence.required');
  const weighing = getWeighing(db, input.weighingId);
  if (!weighing) throw refuse('devices.evidence.notFound');
  if (weighing.usedByRegistration !== null) throw refuse('devices.evidence.used');
  if (weighing.weightKg !== input.grossKg && weighing.weightKg !== input.tareKg) throw refuse('devices.evidence.mismatch');
  const weighingId = weighing.id;
  return {
    data: { ...input, training: training || weighing.simulated },
    claim: (registrationId) => {
      if (!claimWeighing(db, weighingId, registrationId)) throw refuse('devices.evidence.used');
    },
  };
}
