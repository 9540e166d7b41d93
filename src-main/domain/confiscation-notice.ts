/**
 * Confiscation notice (没收通知): when a case is confiscated after its coal was handed over in custody,
 * the checkpoint tells the disposal point so, signed with the same Ed25519 key and carried the same
 * ways (QR text or signed file) as a handover. Imported there, it turns the case's custody stock into
 * confiscated stock (行政强制法 art.27; 行政处罚法 art.74).
 */
import { z } from 'zod';
import { signRecord, verifyRecord, type Carrier, type SignedHandover, type VerifyContext, type VerifyResult } from './handover-signature.ts';
import { isIsoDate } from './seizure-term.ts';

const noticeSchema = z.strictObject({
  id: z.string().min(1),
  checkpointId: z.string().min(1),
  checkpointName: z.string().min(1),
  /** The disposal point's code. */
  disposalPointId: z.string().min(1),
  issuedAt: z.string().min(1),
  /** The case number, as on the handover. */
  caseId: z.string().min(1),
  seizureDecisionNo: z.string().min(1),
  /** The handover that brought the coal into custody. */
  handoverFormNo: z.string().min(1),
  penaltyDecisionNo: z.string().min(1),
  penaltyDecisionDate: z.string().refine(isIsoDate),
});

export type ConfiscationNotice = z.infer<typeof noticeSchema>;

export const CONFISCATION_CARRIER: Carrier<ConfiscationNotice> = {
  schema: noticeSchema, qrPrefix: 'CCCN1:', fileFormat: 'coal-checkpoint-confiscation', nameZh: '没收通知', nameEn: 'confiscation notice',
  idOf: (r) => r.id, numberOf: (r) => r.penaltyDecisionNo, checkpointOf: (r) => r.checkpointId,
};

export const signConfiscationNotice = (notice: ConfiscationNotice, privateKey: string): SignedHandover => signRecord(CONFISCATION_CARRIER, notice, privateKey);

export const verifyConfiscationNotice = (text: string, ctx: VerifyContext): VerifyResult<ConfiscationNotice> => verifyRecord(CONFISCATION_CARRIER, text, ctx);
