/** The closed word lists shared by the input schema, the data-file schemas and the check. */

/** 散煤 loose, 型煤 briquette, 蜂窝煤 honeycomb briquette, 兰炭 semi-coke, 洗煤 washed coal. */
export const COAL_FORMS = ['loose', 'briquette', 'honeycomb', 'semi-coke', 'washed'] as const;
export type CoalForm = (typeof COAL_FORMS)[number];

/** 无烟煤, 烟煤, 褐煤 (GB/T 5751 classes; 暂行办法 art.6/7 set separate limits for 褐煤). */
export const COAL_RANKS = ['anthracite', 'bituminous', 'lignite'] as const;
export type CoalRank = (typeof COAL_RANKS)[number];

/** 民用 civil, 工业 industrial. */
export const USES = ['civil', 'industrial'] as const;
export type Use = (typeof USES)[number];

/**
 * 放行 release, 抽样送检 sample, 查封扣押 seize, 劝返 turn-back, 人工核验 review (an officer decides and
 * records the reason; used where the rules cannot decide, e.g. a standard whose limits are not loaded).
 */
export const OUTCOMES = ['release', 'sample', 'seize', 'turn-back', 'review'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** What an officer's manual decision or a supervisor's override may set: a decision, never "review" again. */
export const DECIDED_OUTCOMES = ['release', 'sample', 'seize', 'turn-back'] as const;
export type DecidedOutcome = (typeof DECIDED_OUTCOMES)[number];

export const VERDICTS = ['pass', 'fail', 'incomplete', 'invalid'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const SIGNAL_CODES = [
  'no-cma',
  'report-too-old',
  'lab-not-recognised',
  'client-sample',
  'tonnage-exceeded',
  'origin-mismatch',
  'report-after-arrival',
  'inconsistent-derived',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** A message in both languages the app shows (zh-CN first, it is the working language). */
export interface Bilingual {
  zh: string;
  en: string;
}
