/**
 * Confiscation notice (没收通知): when a case is confiscated after its coal was handed over in custody,
 * the checkpoint tells the disposal point so, signed with the same Ed25519 key and carried the same
 * ways (QR text or signed file) as a handover. Imported there, it turns the case's custody stock into
 * confiscated stock (行政强制法 art.27; 行政处罚法 art.74).
 */
import { signRecord, verifyRecord, type Carrier, type SignedHandover, type VerifyContext, type VerifyResult } from './handover-signature.ts';
import { confiscationNoticeSchema, type ConfiscationNotice } from '../../src-shared/domain/signed-records.ts';

export type { ConfiscationNotice };

export const CONFISCATION_CARRIER: Carrier<ConfiscationNotice> = {
  schema: confiscationNoticeSchema, qrPrefix: 'CCCN1:', fileFormat: 'coal-checkpoint-confiscation', nameZh: '没收通知', nameEn: 'confiscation notice',
  idOf: (r) => r.id, numberOf: (r) => r.penaltyDecisionNo, checkpointOf: (r) => r.checkpointId,
};

export const signConfiscationNotice = (notice: ConfiscationNotice, privateKey: string): SignedHandover => signRecord(CONFISCATION_CARRIER, notice, privateKey);

export const verifyConfiscationNotice = (text: string, ctx: VerifyContext): VerifyResult<ConfiscationNotice> => verifyRecord(CONFISCATION_CARRIER, text, ctx);
