import type { syncContract } from '../../../src-shared/contract/sync.ts';
import type { DomainHandlers } from '../handler.ts';
import { actorOf } from '../context.ts';
import { pullFromHub, pushToHub, syncStatus } from './sync.ts';

/** Binds the installation's sync with the city hub. */
export function syncHandlers(): DomainHandlers<typeof syncContract> {
  return {
    'sync.status': (ctx, input) => syncStatus(ctx.db, { ...input, now: ctx.now, actor: actorOf(ctx.session) }),
    'sync.push': (ctx, { batchEntries, ...target }) => pushToHub(ctx.db, { ...target, maxEntries: batchEntries, now: ctx.now, actor: actorOf(ctx.session) }),
    'sync.pull': (ctx, input) => pullFromHub(ctx, input),
  };
}
