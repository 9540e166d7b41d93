import type { ParsedInputOf } from '../../../src-shared/contract/index.ts';
import type { CallContext } from '../context.ts';
import { revealNumber } from './personal-data.ts';
import { amendCaseRegistration } from '../cases/case-registration.ts';

/**
 * Binds revealing one number and the officer's amendment of a case's registration to their services. Typed from
 * the contract rather than handlers.ts's DomainHandlers so that this module adds no import cycle.
 */
export function dataProtectionHandlers() {
  return {
    'personalData.reveal': (ctx: CallContext, input: ParsedInputOf<'personalData.reveal'>) => revealNumber(ctx, input),
    'cases.amendRegistration': (ctx: CallContext, input: ParsedInputOf<'cases.amendRegistration'>) => amendCaseRegistration(ctx, input),
  };
}
