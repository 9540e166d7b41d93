import type { certificatesContract } from '../../../src-shared/contract/certificates.ts';
import { addAttachment, attachmentContent, attachmentsOfRegistration } from './attachments.ts';
import { certificatesOf, checkRegistration, overrideOutcome, previewCheck, recordReview, recordSample, recordSampleResult } from './certificates.ts';
import type { DomainHandlers } from '../handler.ts';
import {
  activatePolicy, addLab, emptyGrades, importLimits, limitsVersions, policies, previewLimits, previewPolicy, recognisedLabs, removeLab,
} from './standards.ts';

export function certificatesHandlers(): DomainHandlers<typeof certificatesContract> {
  return {
    'certificates.preview': (ctx, input) => previewCheck(ctx, input.truck, input.report),
    'certificates.check': (ctx, input) => checkRegistration(ctx, input),
    'certificates.forRegistration': (ctx, input) => certificatesOf(ctx.db, input.registrationId),
    'certificates.override': (ctx, input) => overrideOutcome(ctx, input),
    'certificates.review': (ctx, input) => recordReview(ctx, input),
    'certificates.recordSample': (ctx, input) => recordSample(ctx, input),
    'certificates.recordSampleResult': (ctx, input) => recordSampleResult(ctx, input),
    'labs.list': (ctx) => recognisedLabs(ctx.db),
    'labs.add': (ctx, input) => addLab(ctx, input),
    'labs.remove': (ctx, input) => removeLab(ctx, input.id),
    'limits.list': (ctx) => limitsVersions(ctx.db, ctx.now()),
    'limits.preview': (ctx, input) => previewLimits(ctx, input.content),
    'limits.import': (ctx, input) => importLimits(ctx, input),
    'limits.emptyGrades': (ctx) => emptyGrades(ctx.db, ctx.now()),
    'policies.list': (ctx) => policies(ctx.db, ctx.now()),
    'policies.preview': (ctx, input) => previewPolicy(ctx, input.content),
    'policies.activate': (ctx, input) => activatePolicy(ctx, input),
    'attachments.add': (ctx, input) => addAttachment(ctx, input),
    'attachments.list': (ctx, input) => attachmentsOfRegistration(ctx.db, input.registrationId),
    'attachments.get': (ctx, input) => attachmentContent(ctx.db, input.id),
  };
}
