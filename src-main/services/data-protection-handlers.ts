import type { dataProtectionContract } from '../../src-shared/contract/data-protection.ts';
import type { DomainHandlers } from './handlers.ts';
import { revealNumber } from './personal-data.ts';
import { amendCaseRegistration } from './case-registration.ts';

/** Binds revealing one number and the officer's amendment of a case's registration to their services. */
export function dataProtectionHandlers(): DomainHandlers<typeof dataProtectionContract> {
  return {
    'personalData.reveal': (ctx, input) => revealNumber(ctx, input),
    'cases.amendRegistration': (ctx, input) => amendCaseRegistration(ctx, input),
  };
}
