/**
 * The disposal-point ledger: receipts, disposals, releases, stock-takes, reversals, balances and the
 * conservation check. Recording needs the disposal role itself; supervisors and administrators may read.
 */
import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { Id, positiveKg, required, text } from './fields.ts';

export interface LedgerMovementView {
  seq: number;
  id: string;
  kind: 'receipt' | 'disposal' | 'stock-take' | 'reversal' | 'confiscation' | 'release';
  at: string;
  pointId: number;
  caseRef: string;
  coalKind: string;
  operatorName: string;
  quantityKg: number | null;
  balanceDeltaKg: number;
  detail: Record<string, string | number | null>;
  reversed: boolean;
}

export interface PointBalanceView {
  id: number;
  code: string;
  name: string;
  receivedKg: number;
  disposedKg: number;
  /** Returned to parties on a release (行政强制法 art.28). */
  releasedKg: number;
  gainKg: number;
  lossKg: number;
  /** stockKg = custodyKg (seized, held only) + confiscatedKg (may be disposed of). */
  stockKg: number;
  custodyKg: number;
  confiscatedKg: number;
  proceedsFen: number;
  buckets: { caseRef: string; coalKind: string; stockKg: number; status: 'custody' | 'confiscated' }[];
}

export interface LedgerCheck {
  ok: boolean;
  movements: number;
  problems: { bucket: string; zh: string; en: string }[];
}

const Bucket = { pointId: Id, caseRef: required(60), coalKind: required(40) };

export const ledgerContract = {
  'ledger.receive': method<LedgerMovementView>()(
    z.object({ handoverId: Id, caseRef: required(60), coalKind: required(40), quantityKg: positiveKg, differenceReason: text(500).optional() }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.dispose': method<LedgerMovementView>()(
    z.object({
      ...Bucket,
      method: z.enum(['blending', 'sale', 'auction', 'destruction', 'transfer']),
      quantityKg: positiveKg,
      authorityRef: required(80),
      counterparty: text(100).optional(),
      proceedsFen: z.int().min(0).max(1e13).optional(),
      treasuryRemittanceRef: text(80).optional(),
    }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.reverse': method<LedgerMovementView>()(z.object({ movementId: required(60), reason: required(500) }).strict(), ROLE_GROUPS.disposal),
  'ledger.stockTake': method<LedgerMovementView>()(
    z.object({ ...Bucket, bookKg: z.int().min(0), physicalKg: z.int().min(0), varianceReason: text(500).optional() }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.balance': method<PointBalanceView[]>()(z.object({ pointId: Id.optional() }).strict(), ROLE_GROUPS.ledgerReader),
  'ledger.movements': method<LedgerMovementView[]>()(
    z.object({ pointId: Id.optional(), caseRef: text(60).optional(), limit: z.int().min(1).max(1000).default(200) }).strict(),
    ROLE_GROUPS.ledgerReader,
  ),
  'ledger.release': method<LedgerMovementView>()(
    z.object({ ...Bucket, quantityKg: positiveKg, authorityRef: required(80), counterparty: required(100) }).strict(),
    ROLE_GROUPS.disposal,
  ),
  'ledger.verify': method<LedgerCheck>()(Empty, ROLE_GROUPS.ledgerReader),
} satisfies Record<string, MethodDef>;
