/**
 * Custody until confiscation: signed confiscation notices, returning custody coal to a party, the
 * ledger's conservation check, and users' role sets. Recording anything at the disposal point needs the
 * disposal role itself; supervisors and administrators may read the ledger.
 */
import { z } from 'zod';
import { freeText, requiredText } from './clean-text.ts';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import type { LedgerMovementView } from './cases.ts';
import { RolesInput, type User } from './accounts.ts';

const required = (max: number) => requiredText(max);
const Id = z.int().positive();

export interface ConfiscationNoticeSummary {
  id: number;
  uid: string;
  direction: 'outgoing' | 'incoming';
  caseRef: string;
  disposalPointCode: string;
  penaltyDecisionNo: string;
  penaltyDecisionDate: string;
  recordedAt: string;
  /** Signed QR text (null when too large: the signed file goes along). */
  qrText: string | null;
  fileText: string;
}

export interface ConfiscationImport {
  notice: ConfiscationNoticeSummary;
  /** The confiscation entries made in the ledger (one per coal kind already held here). */
  movements: LedgerMovementView[];
}

export interface LedgerCheck {
  ok: boolean;
  movements: number;
  problems: { bucket: string; zh: string; en: string }[];
}

export const custodyContract = {
  'confiscations.list': method<ConfiscationNoticeSummary[]>()(
    z.object({ direction: z.enum(['outgoing', 'incoming']), caseRef: freeText(60).optional() }).strict(),
    [...ROLE_GROUPS.enforcement, 'disposal'],
  ),
  'confiscations.import': method<ConfiscationImport>()(z.object({ text: z.string().trim().min(1).max(200_000) }).strict(), ROLE_GROUPS.disposal),
  'ledger.release': method<LedgerMovementView>()(
    z.object({
      pointId: Id, caseRef: required(60), coalKind: required(40),
      quantityKg: z.int({ message: 'validation.weightInteger' }).min(1, { message: 'validation.weightNegative' }).max(10_000_000, { message: 'validation.weightAbsurd' }),
      authorityRef: required(80), counterparty: required(100),
    }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.verify': method<LedgerCheck>()(Empty, ROLE_GROUPS.ledgerReader),
  'users.setRoles': method<User>()(z.object({ id: Id, roles: RolesInput }).strict(), ROLE_GROUPS.admin),
} satisfies Record<string, MethodDef>;
