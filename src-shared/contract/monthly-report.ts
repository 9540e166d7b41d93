/**
 * The monthly report's written sections (附件6 四(三) and the 报送 requirement: 存在问题、原因剖析及意见建议):
 * a supervisor drafts them in the app, saves as often as needed, then signs off; a signed report is frozen.
 * Also the problems the reports raise, as sentences in either language.
 */
import { z } from 'zod';
import { freeText } from './clean-text.ts';
import { method, type MethodDef } from './define.ts';
import { translate, type Lang } from './i18n/index.ts';
import { ROLE_GROUPS } from './roles.ts';
import { Month } from './reports.ts';
import type { RaisedProblem } from '../domain/report-problems.ts';

/** A section is a few paragraphs; 4000 characters fill more than an A4 page. */
export const MONTHLY_SECTION_CHARS = 4000;
export const MONTHLY_SECTIONS = ['progress', 'problems', 'suggestions'] as const;
export type MonthlySection = (typeof MONTHLY_SECTIONS)[number];
/** As printed: 工作进展 / 存在问题及原因剖析 / 意见建议. */
export const MONTHLY_SECTION_TITLES: Record<MonthlySection, string> = { progress: '工作进展', problems: '存在问题及原因剖析', suggestions: '意见建议' };

export type MonthlyDraftStatus = 'new' | 'draft' | 'signed';

export interface MonthlyDraft extends Record<MonthlySection, string> {
  month: string;
  status: MonthlyDraftStatus;
  savedByName: string | null;
  savedAt: string | null;
  signedByName: string | null;
  signedAt: string | null;
}

const MonthInput = z.object({ month: Month }).strict();
export const MonthlyDraftSaveInput = z
  .object({
    month: Month,
    progress: freeText(MONTHLY_SECTION_CHARS),
    problems: freeText(MONTHLY_SECTION_CHARS),
    suggestions: freeText(MONTHLY_SECTION_CHARS),
  })
  .strict();

export const monthlyReportContract = {
  'reports.monthlyDraft.get': method<MonthlyDraft>()(MonthInput, ROLE_GROUPS.oversight),
  'reports.monthlyDraft.save': method<MonthlyDraft>()(MonthlyDraftSaveInput, ROLE_GROUPS.oversight),
  /** Freezes the month's text: the service and a database trigger refuse any later change. */
  'reports.monthlyDraft.signOff': method<MonthlyDraft>()(MonthInput, ROLE_GROUPS.oversight),
} satisfies Record<string, MethodDef>;

/** One raised problem as a sentence; the records it names are cut short with "等" when there are more. */
export function problemSentence(lang: Lang, p: RaisedProblem): string {
  const refs = p.refs.join(lang === 'zh-CN' ? '、' : ', ') + (p.count > p.refs.length ? translate(lang, 'monthlyReport.raisedProblems.andMore') : '');
  return translate(lang, `monthlyReport.raisedProblems.${p.kind}`, { ...p.params, count: p.count, refs });
}
