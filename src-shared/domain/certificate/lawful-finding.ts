/**
 * The finding a document prints: the lawful fact only — which standard, grade and clause, which item, the
 * value converted to the limit's basis, and the limit — never the checkpoint's internal notes (限值待核对,
 * outcome reasons, signals). Pure, so the documents call it on a stored check.
 */
import type { CertificateResult, ItemCheck } from './certificate-check.ts';
import { ITEM_INFO, itemLabel } from './items.ts';

export interface LawfulFact {
  /** "GB 34169-2017《商品煤质量 民用散煤》", or "《商品煤质量管理暂行办法（…）》" */
  standard: string;
  grade: string;
  clause: string;
  /** "灰分（A,d）" */
  item: string;
  /** The converted value with enough decimals to differ from the limit, e.g. "12.004". */
  value: string;
  unit: string;
  /** "≤ 12.00" */
  limit: string;
  /** False when the limit is not verified against the published text; the caller decides whether to rely on it. */
  verified: boolean;
  /** The whole sentence, ready to print. */
  text: string;
}

export interface LawfulFinding {
  /** One per limit not met, in the order checked. */
  facts: LawfulFact[];
  /** The truck presented no inspection report. */
  noReport: boolean;
  /** The sentences joined, or the no-report fact; empty when there is nothing to state. */
  text: string;
}

/**
 * Full-value comparison can fail 12.004 against ≤ 12.00 although both round to 12.00; a printed finding must
 * not read "12.00, limit ≤ 12.00, not met", so decimals are added until value and limit differ (at most 6).
 */
function factValue(c: ItemCheck & { value: number; limit: number }): string {
  const shown = c.display ?? c.value.toFixed(2);
  let decimals = shown.includes('.') ? shown.length - shown.indexOf('.') - 1 : 0;
  while (decimals < 6 && c.value.toFixed(decimals) === c.limit.toFixed(decimals) && c.value !== c.limit) decimals++;
  return c.value.toFixed(decimals);
}

/** "GB 34169-2017《商品煤质量 民用散煤》" for a coded standard, "《商品煤质量管理暂行办法（…）》" for a rule known by its title. */
function standardName(c: ItemCheck): string {
  const coded = /\d/.test(c.standard);
  if (!coded) return `《${c.title ?? c.standard}》`;
  return `${c.standard}-${c.edition}${c.title ? `《${c.title}》` : ''}`;
}

function factOf(c: ItemCheck & { value: number; limit: number }): LawfulFact {
  const standard = standardName(c);
  const item = `${ITEM_INFO[c.item].zh}（${itemLabel(c.item, c.basis)}）`;
  const value = factValue(c);
  const unit = c.unit;
  const text = `依据${standard}“${c.grade}”（${c.clause}）规定，${item}检测值折算为 ${value} ${unit}，标准要求 ${c.limitDisplay} ${unit}，不符合。`;
  return { standard, grade: c.grade, clause: c.clause, item, value, unit, limit: c.limitDisplay, verified: c.verified, text };
}

const NO_REPORT_FACT = '当事人未能提供所运煤炭的检验检测报告（质检报告）。';

/** The lawful fact of a stored or fresh check, for the documents to print. */
export function lawfulFinding(result: CertificateResult): LawfulFinding {
  const facts = result.items
    .filter((c): c is ItemCheck & { value: number; limit: number } => c.ok === false && c.value !== null && c.limit !== null)
    .map(factOf);
  const noReport = result.missing.some((m) => m.item === 'report');
  const text = noReport ? NO_REPORT_FACT : facts.map((f) => f.text).join('\n');
  return { facts, noReport, text };
}
