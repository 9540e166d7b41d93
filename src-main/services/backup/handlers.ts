import path from 'node:path';
import type { backupContract } from '../../../src-shared/contract/backup.ts';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/index.ts';
import { actorOf, type CallContext, type ServiceContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { exportArchive } from './archive.ts';
import { previewRestore } from './restore.ts';
import { backupStatus, configureBackup, getBackupConfig, runBackup } from './runs.ts';
import { findSet, listSets, summarize } from './sets.ts';

import { appVersionOf } from './version.ts';

/** Spelled out here rather than imported from ../handlers.ts, which imports this file (no type-only cycle). */
type BackupHandlers = {
  [M in keyof typeof backupContract]: (ctx: CallContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

function target(ctx: ServiceContext): string {
  const dir = getBackupConfig(ctx.db).targetDir;
  if (!dir) throw new ServiceError('conflict', 'backup.notConfigured');
  return dir;
}

export function backupHandlers(): BackupHandlers {
  return {
    'backup.status': (ctx) => backupStatus(ctx.db, ctx.now()),
    'backup.configure': (ctx, input) => {
      configureBackup(ctx.db, actorOf(ctx.session), input, ctx.now());
      return backupStatus(ctx.db, ctx.now());
    },
    'backup.run': (ctx) => runBackup(ctx.db, { trigger: 'manual', actor: actorOf(ctx.session), now: ctx.now, appVersion: appVersionOf(ctx) }),
    'backup.sets': (ctx) => listSets(target(ctx)).map((s) => summarize(s.manifest)),
    'backup.check': async (ctx, input) => {
      const preview = await previewRestore(findSet(target(ctx), input.name), ctx.db.name);
      const m = preview.verification.manifest;
      return {
        set: m ? summarize(m) : null, ok: preview.verification.ok, rowCounts: m?.rowCounts ?? {}, later: preview.later,
        problems: preview.verification.problems,
      };
    },
    'backup.export': (ctx, input) => {
      const dir = target(ctx);
      return exportArchive(findSet(dir, input.name), path.join(dir, `${input.name}.ccbackup`), input.passphrase);
    },
  };
}
