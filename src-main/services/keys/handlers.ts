import type { keysContract } from '../../../src-shared/contract/keys.ts';
import { listTrustedCheckpoints } from '../../../db/handovers-repo.ts';
import type { DomainHandlers } from '../handler.ts';
import { actorOf } from '../context.ts';
import { checkpointKey, trustCheckpoint, untrustCheckpoint } from './keys.ts';

/** Binds this checkpoint's key and the trusted checkpoints. */
export function keysHandlers(): DomainHandlers<typeof keysContract> {
  return {
    'checkpointKey.get': (ctx) => {
      const key = checkpointKey(ctx.db, actorOf(ctx.session), ctx.now());
      return { checkpointId: key.checkpoint_id, publicKeyPem: key.public_key_pem };
    },
    'checkpointKey.trust': (ctx, input) => trustCheckpoint(ctx, input),
    'checkpointKey.trusted': (ctx) => listTrustedCheckpoints(ctx.db),
    'checkpointKey.untrust': (ctx, input) => untrustCheckpoint(ctx, input.checkpointId),
  };
}
