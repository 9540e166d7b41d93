import type { ledgerContract } from '../../../src-shared/contract/ledger.ts';
import type { DomainHandlers } from '../handler.ts';
import { balances, dispose, movements, receive, releaseToParty, reverse, stockTake, verifyLedger } from './ledger.ts';

/** Binds the disposal-point ledger to its services. */
export function ledgerHandlers(): DomainHandlers<typeof ledgerContract> {
  return {
    'ledger.receive': (ctx, input) => receive(ctx, input),
    'ledger.dispose': (ctx, input) => dispose(ctx, input),
    'ledger.reverse': (ctx, input) => reverse(ctx, input.movementId, input.reason),
    'ledger.stockTake': (ctx, input) => stockTake(ctx, input),
    'ledger.balance': (ctx, input) => balances(ctx.db, input.pointId),
    'ledger.movements': (ctx, input) => movements(ctx.db, input),
    'ledger.release': (ctx, input) => releaseToParty(ctx, input),
    'ledger.verify': (ctx) => verifyLedger(ctx.db),
  };
}
