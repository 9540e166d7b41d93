/**
 * Personal data by need (issue 14 items 5 and 8): lists and other roles see masked ID and phone numbers, and
 * revealing one full number is its own audited call; a registration in a case is amended through the case.
 */
import { z } from 'zod';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { AmendInput } from './registration.ts';
import type { EnforcementCase } from './cases.ts';
import { requiredText } from './clean-text.ts';

const Id = z.int().positive();

/** One number: a registration's driver ID or phone, or an ID or phone of a case's party or witness. */
export const RevealInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('registration'), id: Id, field: z.enum(['driverIdNumber', 'driverPhone']) }).strict(),
  z.object({ source: z.literal('case-party'), id: Id, partyIndex: z.int().min(0).max(9), field: z.enum(['idNumber', 'phone']) }).strict(),
  z.object({ source: z.literal('case-witness'), id: Id, field: z.literal('idNumber') }).strict(),
]);
export type RevealInput = z.input<typeof RevealInput>;

export const CaseAmendRegistrationInput = z.object({
  caseId: Id,
  reason: requiredText(500),
  changes: AmendInput.shape.changes,
}).strict();

export const dataProtectionContract = {
  /** Audited: who saw which full number, when. */
  'personalData.reveal': method<{ value: string }>()(RevealInput, ROLE_GROUPS.enforcement),
  'cases.amendRegistration': method<EnforcementCase>()(CaseAmendRegistrationInput, ROLE_GROUPS.enforcement),
} satisfies Record<string, MethodDef>;
