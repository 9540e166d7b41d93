/**
 * The records a checkpoint signs and another checkpoint or a disposal point imports: a handover (移交单) and a
 * confiscation notice (没收通知). Their shapes live here so every layer reads them alike; signing and
 * verifying them (node:crypto) is in src-main/signing.
 */
import { z } from 'zod';
import { isIsoDate } from './seizure-term.ts';

export const handoverSchema = z.strictObject({
  id: z.string().min(1),
  formNo: z.string().min(1),
  checkpointId: z.string().min(1),
  checkpointName: z.string().min(1),
  disposalPointId: z.string().min(1),
  handedOverAt: z.string().min(1),
  cases: z
    .array(
      z.strictObject({
        caseId: z.string().min(1),
        decisionNo: z.string().min(1),
        legalStatus: z.enum(['seized', 'confiscated', 'early-disposal']),
        /** Confiscated coal carries the penalty decision (行政处罚决定书) that confiscated it. */
        penaltyDecisionNo: z.string().min(1).optional(),
        penaltyDecisionDate: z.iso.date().optional(),
        items: z.array(z.strictObject({ coalKind: z.string().min(1), quantityKg: z.number().int().positive() })).min(1),
      }),
    )
    .min(1),
});

export type HandoverRecord = z.infer<typeof handoverSchema>;

/** Sent when a case is confiscated after its coal was handed over in custody. */
export const confiscationNoticeSchema = z.strictObject({
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

export type ConfiscationNotice = z.infer<typeof confiscationNoticeSchema>;
