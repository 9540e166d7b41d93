/**
 * The supervisor's written sections of the monthly report: saved as drafts, then signed off and frozen.
 * Both refusals of a change to a signed month are here (a Chinese message) and in the table's trigger.
 * Every write goes through mutate(), so the audit log says who saved or signed and what the text was.
 */
import type { z } from 'zod';
import { getMonthlyReport, saveMonthlyReport, signMonthlyReport, type MonthlyReportRow } from '../../../db/monthly-report-repo.ts';
import type { Db } from '../../../db/open.ts';
import { MONTHLY_SECTIONS, type MonthlyDraft, type MonthlyDraftSaveInput } from '../../../src-shared/contract/monthly-report.ts';
import { localDate, toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { monthToDate } from '../../../src-shared/domain/report-period.ts';
import type { CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { mutate } from '../mutate.ts';

const localMinute = (iso: string) => toLocalIso(new Date(iso)).slice(0, 16).replace('T', ' ');

function toDraft(month: string, row: MonthlyReportRow | undefined): MonthlyDraft {
  return {
    month,
    status: row?.status ?? 'new',
    progress: row?.progress ?? '',
    problems: row?.problems ?? '',
    suggestions: row?.suggestions ?? '',
    savedByName: row?.saved_by_name ?? null,
    savedAt: row?.saved_at ?? null,
    signedByName: row?.signed_by_name ?? null,
    signedAt: row?.signed_at ?? null,
  };
}

export const monthlyDraft = (db: Db, month: string): MonthlyDraft => toDraft(month, getMonthlyReport(db, month));

/** A month not yet begun has nothing to report. */
function requireStarted(ctx: CallContext, month: string): void {
  if (!monthToDate(month, localDate(ctx.now()))) throw new ServiceError('invalid-input', 'monthlyReport.errors.future', { month });
}

function refuseSigned(row: MonthlyReportRow | undefined): void {
  if (row?.status === 'signed') throw new ServiceError('conflict', 'monthlyReport.errors.signed', { month: row.month, signedAt: localMinute(row.signed_at!) });
}

const signer = (ctx: CallContext) => ({ id: ctx.session.user.id, name: `${ctx.session.user.displayName}（${ctx.session.user.username}）`, at: ctx.now().toISOString() });

export function saveMonthlyDraft(ctx: CallContext, input: z.output<typeof MonthlyDraftSaveInput>): MonthlyDraft {
  requireStarted(ctx, input.month);
  return mutate(ctx, (tx) => {
    const before = getMonthlyReport(tx.db, input.month);
    refuseSigned(before);
    const by = signer(ctx);
    saveMonthlyReport(tx.db, { ...input, savedBy: by.id, savedByName: by.name, savedAt: by.at });
    const after = monthlyDraft(tx.db, input.month);
    tx.audit({ action: 'reports.monthlyDraft.save', entity: 'monthly_report', entityId: input.month, before: before && toDraft(input.month, before), after });
    return after;
  });
}

export function signOffMonthlyDraft(ctx: CallContext, month: string): MonthlyDraft {
  requireStarted(ctx, month);
  return mutate(ctx, (tx) => {
    const row = getMonthlyReport(tx.db, month);
    refuseSigned(row);
    if (!row) throw new ServiceError('invalid-input', 'monthlyReport.errors.notSaved', { month });
    if (MONTHLY_SECTIONS.some((s) => row[s].trim() === '')) throw new ServiceError('invalid-input', 'monthlyReport.errors.incomplete');
    signMonthlyReport(tx.db, month, signer(ctx));
    const after = monthlyDraft(tx.db, month);
    tx.audit({ action: 'reports.monthlyDraft.signOff', entity: 'monthly_report', entityId: month, after });
    return after;
  });
}
