/**
 * The fact found, as it may be printed on a decision: only the failing items of the stored check
 * (standard, grade, item, value converted to the limit's basis, limit), or the missing report. Internal
 * notes of the check (限值待核对, policy names, signals) never reach a paper an official signs.
 */
import type { ItemCheck, MissingValue } from '../domain/certificate/certificate-check.ts';
import { ITEM_INFO, type Basis } from '../domain/certificate/items.ts';

const BASIS_ZH: Record<Basis, string> = { ar: '收到基', ad: '空气干燥基', d: '干燥基', daf: '干燥无灰基' };

function failingItemText(c: ItemCheck): string {
  const basis = c.basis ? `（${BASIS_ZH[c.basis]}）` : '';
  return `${ITEM_INFO[c.item].zh}${basis}为${c.display}${c.unit}，不符合${c.standard}-${c.edition}${c.grade}限值${c.limitDisplay.replace(/\s+/g, '')}${c.unit}的要求`;
}

/** Failing item names for forms with a 不合格项目 field, e.g. 灰分、全硫. */
export function failingItemNames(items: readonly ItemCheck[]): string {
  return [...new Set(items.filter((c) => c.ok === false).map((c) => ITEM_INFO[c.item].zh))].join('、');
}

/**
 * The lawful finding of a stored check; '' when the check found no failing item and no missing report
 * (e.g. a 'sample' outcome): the officer then states the facts, and the decision cannot be made without them.
 */
export function lawfulFindingText(check: { items: readonly ItemCheck[]; missing: readonly MissingValue[]; reportNumber: string | null }): string {
  const failing = check.items.filter((c) => c.ok === false && c.display !== null);
  if (failing.length > 0) {
    const report = check.reportNumber ? `经核对煤炭质量检验检测报告（编号${check.reportNumber}），` : '';
    return `${report}该车所载煤炭${failing.map(failingItemText).join('；')}。`;
  }
  if (check.reportNumber === null && check.missing.some((m) => m.item === 'report')) return '当事人运输的煤炭未能提供煤炭质量检验检测报告。';
  return '';
}
