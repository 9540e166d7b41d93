/**
 * The kiosk's save: a registration and the check of the report it presented (or of its absence), stored in
 * one transaction so that no saved truck is ever left without its verdict. Kept apart from registration.ts
 * because the certificate contract imports that file (a cycle otherwise).
 */
import { z } from 'zod';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { RegistrationInput, type Registration } from './registration.ts';
import { CertificateReport, type StoredCheck } from './certificates.ts';

export const RegisterTruckInput = z
  .object({
    registration: RegistrationInput,
    /** null: the truck presented no report (the policy's missing-report rule applies). */
    report: CertificateReport.nullable(),
    /** The operator saw the warning that the same plate was registered a moment ago, and saves anyway. */
    confirmRepeatedPlate: z.boolean().default(false),
  })
  .strict();

export interface RegisteredTruck {
  registration: Registration;
  check: StoredCheck;
}

export const registrationSaveContract = {
  'registrations.register': method<RegisteredTruck>()(RegisterTruckInput, ROLE_GROUPS.registrar),
} satisfies Record<string, MethodDef>;
