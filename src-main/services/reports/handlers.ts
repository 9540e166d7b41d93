import { holdsAny, ROLE_GROUPS } from '../../../src-shared/contract/roles.ts';
import type { reportsContract } from '../../../src-shared/contract/reports.ts';
import { requireStation } from '../accounts/accounts.ts';
import { actorOf, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import type { DomainHandlers } from '../handler.ts';
import { enforcementRecords } from './enforcement-figures.ts';
import { dashboardFigures, exportMonthlyReport, exportWeeklyLog, reportRecords, type Exporter } from './reports.ts';
import { getSettings } from '../accounts/settings.ts';

function exporterOf(ctx: CallContext): Exporter {
  const user = ctx.session.user;
  return { station: requireStation(ctx.db), actor: actorOf(ctx.session), displayName: `${user.displayName}（${user.username}）`, at: ctx.now() };
}

export function reportsHandlers(): DomainHandlers<typeof reportsContract> {
  return {
    'reports.dashboard': (ctx, input) => dashboardFigures(ctx.db, ctx.now(), getSettings(ctx.db), input),
    'reports.records': (ctx, input) => reportRecords(ctx.db, input),
    'reports.enforcementRecords': (ctx, input) => enforcementRecords(ctx.db, ctx.now(), input),
    'reports.exportWeekly': (ctx, input) => {
      // Anyone who keeps the log may export it masked; full ID and phone numbers only for oversight.
      if (input.unmasked && !holdsAny(ctx.session.user.roles, ROLE_GROUPS.oversight)) {
        throw new ServiceError('forbidden', 'errors.forbidden');
      }
      return exportWeeklyLog(ctx.db, exporterOf(ctx), input);
    },
    'reports.exportMonthly': (ctx, input) => exportMonthlyReport(ctx.db, exporterOf(ctx), getSettings(ctx.db), input),
  };
}
