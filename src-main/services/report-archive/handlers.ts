import type { reportArchiveContract } from '../../../src-shared/contract/report-archive.ts';
import type { DomainHandlers } from '../handler.ts';
import { exporterOf } from '../reports/handlers.ts';
import { getArchiveEntry, searchArchive } from './archive.ts';
import { exportArchive } from './archive-export.ts';

export function reportArchiveHandlers(): DomainHandlers<typeof reportArchiveContract> {
  return {
    'reportArchive.search': (ctx, input) => searchArchive(ctx.db, input),
    'reportArchive.get': (ctx, input) => getArchiveEntry(ctx.db, input.reportNumber),
    'reportArchive.export': (ctx, input) => exportArchive(ctx.db, exporterOf(ctx), input),
  };
}
