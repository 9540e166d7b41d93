import type { handoversContract } from '../../../src-shared/contract/handovers.ts';
import { listDisposalPoints } from '../../../db/handovers-repo.ts';
import type { DomainHandlers } from '../handler.ts';
import { createDisposalPoint, createHandover, handoverList, importHandover } from './handovers.ts';

/** Binds the handovers and the disposal points they go to. */
export function handoversHandlers(): DomainHandlers<typeof handoversContract> {
  return {
    'disposalPoints.list': (ctx) => listDisposalPoints(ctx.db),
    'disposalPoints.create': (ctx, input) => createDisposalPoint(ctx, input),
    'handovers.create': (ctx, input) => createHandover(ctx, input),
    'handovers.import': (ctx, input) => importHandover(ctx, input.text),
    'handovers.list': (ctx, input) => handoverList(ctx.db, input.direction),
  };
}
