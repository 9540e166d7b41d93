/** Signed handovers of seized coal from the checkpoint to a disposal point, and the disposal points themselves. */
import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { Id, required } from './fields.ts';

export interface DisposalPoint {
  id: number;
  code: string;
  name: string;
  address: string;
  active: boolean;
}

export interface HandoverSummary {
  id: number;
  uid: string;
  direction: 'outgoing' | 'incoming';
  formNo: string;
  checkpointId: string;
  disposalPointCode: string;
  handedOverAt: string;
  totalKg: number;
  contentHash: string;
  /** `received`: incoming, a receipt of the line stands in the ledger. */
  cases: { caseRef: string; coalKind: string; quantityKg: number; received: boolean }[];
  /** Incoming: kg of this handover already received into the ledger. */
  receivedKg: number;
  /** The signed QR text printed on the handover form; null when too large (the signed file goes along). */
  qrText: string | null;
}

export interface SignedHandoverOutput extends HandoverSummary {
  fileText: string;
  fileName: string;
}

export const handoversContract = {
  'disposalPoints.list': method<DisposalPoint[]>()(Empty, [...ROLE_GROUPS.enforcement, 'disposal']),
  'disposalPoints.create': method<DisposalPoint>()(
    z.object({ code: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, { message: 'validation.stationCode' }), name: required(80), address: required(200) }).strict(),
    ROLE_GROUPS.admin,
  ),
  'handovers.create': method<SignedHandoverOutput>()(
    z.object({ caseIds: z.array(Id).min(1).max(20), disposalPointId: Id, receiverName: required(40) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'handovers.import': method<HandoverSummary>()(z.object({ text: z.string().trim().min(1).max(200_000) }).strict(), ROLE_GROUPS.disposal),
  'handovers.list': method<HandoverSummary[]>()(z.object({ direction: z.enum(['outgoing', 'incoming']) }).strict(), [...ROLE_GROUPS.enforcement, 'disposal']),
} satisfies Record<string, MethodDef>;
