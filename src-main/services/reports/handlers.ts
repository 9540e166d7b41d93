import { holdsAny, ROLE_GROUPS } from '../../../src-shared/contract/roles.ts';
import type { reportsContract } from '../../../src-shared/contract/reports.ts';
import { requireStation } from '../accounts/accounts.ts';
import { actorOf, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import type { DomainHandlers } from '../handler.ts';
import { enforcementRecords } from './enforcement-figures.ts';
import { exportMonthlyReport } from './monthly-report.ts';
import { dashboardFigures, exportRegister, exportWeeklyLog, reportRecords, type Exporter } from './reports.ts';
import { getSettings } from '../accounts/settings.ts';
import type { monthlyReportContract } from '../../../src-shared/contract/monthly-report.ts';
import { monthlyDraft, saveMonthlyDraft, signOffMonthlyDraft } from './monthly-draft.ts';

/** Anyone who keeps the log may export it masked; full ID and phone numbers only for oversight. */
export function exporterOf(ctx: CallContext, input: { unmasked?: boolean } = {}): Exporter {
  const user = ctx.session.user;
  if (input.unmasked && !holdsAny(user.roles, ROLE_GROUPS.oversight)) throw new ServiceError('forbidden', 'errors.forbidden');
  return { station: requireStation(ctx.db), actor: actorOf(ctx.session), displayName: `${user.displayName}（${user.username}）`, at: ctx.now() };
}

export function reportsHandlers(): DomainHandlers<typeof reportsContract & typeof monthlyReportContract> {
  return {
    'reports.dashboard': (ctx, input) => dashboardFigures(ctx.db, ctx.now(), getSettings(ctx.db), input),
    'reports.records': (ctx, input) => reportRecords(ctx.db, input),
    'reports.enforcementRecords': (ctx, input) => enforcementRecords(ctx.db, ctx.now(), input),
    'reports.exportWeekly': (ctx, input) => exportWeeklyLog(ctx.db, exporterOf(ctx, input), input),
    'reports.exportRegister': (ctx, input) => exportRegister(ctx.db, exporterOf(ctx, input), input),
    'reports.exportMonthly': (ctx, input) => exportMonthlyReport(ctx.db, exporterOf(ctx), getSettings(ctx.db), input),
    'reports.monthlyDraft.get': (ctx, input) => monthlyDraft(ctx.db, input.month),
    'reports.monthlyDraft.save': (ctx, input) => saveMonthlyDraft(ctx, input),
    'reports.monthlyDraft.signOff': (ctx, input) => signOffMonthlyDraft(ctx, input.month),
  };
}
