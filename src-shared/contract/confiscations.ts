/**
 * Signed confiscation notices: sent to the disposal point when a penalty decision confiscates coal it holds
 * in custody, imported there to turn that custody coal into confiscated coal in the ledger.
 */
import { z } from 'zod';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import type { LedgerMovementView } from './ledger.ts';
import { text } from './fields.ts';

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

export const confiscationsContract = {
  'confiscations.list': method<ConfiscationNoticeSummary[]>()(
    z.object({ direction: z.enum(['outgoing', 'incoming']), caseRef: text(60).optional() }).strict(),
    [...ROLE_GROUPS.enforcement, 'disposal'],
  ),
  'confiscations.import': method<ConfiscationImport>()(z.object({ text: z.string().trim().min(1).max(200_000) }).strict(), ROLE_GROUPS.disposal),
} satisfies Record<string, MethodDef>;
