import type { confiscationsContract } from '../../../src-shared/contract/confiscations.ts';
import type { DomainHandlers } from '../handler.ts';
import { confiscationNotices, importConfiscationNotice } from './confiscations.ts';

/** Binds the signed confiscation notices. */
export function confiscationsHandlers(): DomainHandlers<typeof confiscationsContract> {
  return {
    'confiscations.list': (ctx, input) => confiscationNotices(ctx.db, input.direction, input.caseRef),
    'confiscations.import': (ctx, input) => importConfiscationNotice(ctx, input.text),
  };
}
