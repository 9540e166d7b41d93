import type { confiscationsContract } from '../../../src-shared/contract/confiscations.ts';
import type { coreContract } from '../../../src-shared/contract/index.ts';
import type { ledgerContract } from '../../../src-shared/contract/ledger.ts';
import type { DomainHandlers } from '../handler.ts';
import { actorOf } from '../context.ts';
import { setRoles } from '../accounts/accounts.ts';
import { confiscationNotices, importConfiscationNotice } from './confiscations.ts';
import { releaseToParty, verifyLedger } from '../ledger/ledger.ts';

/** Binds the custody contract (confiscation notices, releases, the ledger check, role sets). */
export function custodyHandlers(): DomainHandlers<typeof confiscationsContract & Pick<typeof ledgerContract, 'ledger.release' | 'ledger.verify'> & Pick<typeof coreContract, 'users.setRoles'>> {
  return {
    'confiscations.list': (ctx, input) => confiscationNotices(ctx.db, input.direction, input.caseRef),
    'confiscations.import': (ctx, input) => importConfiscationNotice(ctx, input.text),
    'ledger.release': (ctx, input) => releaseToParty(ctx, input),
    'ledger.verify': (ctx) => verifyLedger(ctx.db),
    'users.setRoles': (ctx, input) => setRoles(ctx.db, actorOf(ctx.session), input.id, input.roles, ctx.now()),
  };
}
