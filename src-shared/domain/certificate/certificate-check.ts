/**
 * The certificate check: one truck's report against the limits its policy makes applicable.
 * Pure: the limits table, the policy, the lab list and the clock are all passed in, and the result
 * names the policy and limits versions it was made with so it can be stored and re-checked.
 */
import { findInconsistencies } from './consistency.ts';
import { ITEM_INFO, itemLabel, type Basis, type Item } from './items.ts';
import { formatLimit, meetsLimit, notLoaded, selectLimits, type NotLoaded } from './limits.ts';
import { measure, obtain, type Measurements } from './measurements.ts';
import { impossibilities } from './plausibility.ts';
import { decideOutcome, standardsToCheck, type Decision } from './policy.ts';
import { isNoReport, type CertificateInput, type ReportInput } from './report-input.ts';
import type { Comparison, LimitRow, LimitsTable, Policy, RecognisedLab, StandardGrade } from './schemas.ts';
import { arrivalDate, reportSignals, type Signal } from './signals.ts';
import type { Bilingual, Outcome, Verdict } from './vocabulary.ts';

export interface CheckContext {
  limits: LimitsTable;
  policy: Policy;
  recognisedLabs?: readonly RecognisedLab[];
  now: Date;
}

/** One limit row applied to the report. */
export interface ItemCheck {
  standard: string;
  edition: string;
  /** The standard's title, e.g. 商品煤质量 民用散煤 (absent on checks stored before it was kept). */
  title?: string;
  grade: string;
  clause: string;
  item: Item;
  basis: Basis | null;
  unit: string;
  /** Converted to the limit's basis and unit, unrounded (the comparison uses this). */
  value: number | null;
  /** `value` rounded to the row's decimals, for display. */
  display: string | null;
  /** Where the value came from: the reported figure ("A,ad") or the formula used. */
  from: string | null;
  limit: number | null;
  comparison: Comparison;
  /** "≤ 16.00", or "≤ ?" while the value is not transcribed. */
  limitDisplay: string;
  /** null: not judged (limit not loaded: 未核验（限值未载入）, or the value could not be obtained). */
  ok: boolean | null;
  verified: boolean;
}

export interface MissingValue {
  /** The value a limit needs, e.g. "A,d". */
  item: string;
  /** What the report would have to add to provide it, e.g. ["M,ad"] or ["A"]. */
  needs: string[];
  /** `not-reported`: the item itself is absent; `conversion-input`: it is there but cannot be converted. */
  kind: 'not-reported' | 'conversion-input';
}

export interface CertificateResult {
  outcome: Outcome;
  verdict: Verdict;
  /** True when any limit used is not verified against the published text (UI: 限值待核对). */
  provisional: boolean;
  checked: StandardGrade[];
  items: ItemCheck[];
  missing: MissingValue[];
  /** Grades with limits that have no value yet, each listed as 未核验（限值未载入）. */
  notLoaded: NotLoaded[];
  /** An applicable grade has no loaded ash or sulfur limit: the verdict is at best `incomplete`. */
  standardNotLoaded: boolean;
  /** The report fails only limits not yet verified against the published text. */
  onlyUnverifiedFailures: boolean;
  signals: Signal[];
  reasons: Bilingual[];
  versions: { policy: string; limits: string };
  checkedAt: string;
}

function checkRow(row: LimitRow, m: Measurements, policy: Policy): { check: ItemCheck; missing: MissingValue | null } {
  const got = obtain(m, row.item, row.basis);
  const value = got.ok ? got.value : null;
  const check: ItemCheck = {
    standard: row.standard,
    edition: row.edition,
    title: row.title,
    grade: row.grade,
    clause: row.clause,
    item: row.item,
    basis: row.basis,
    unit: row.unit,
    value,
    display: value === null ? null : value.toFixed(row.decimals),
    from: got.ok ? got.from : null,
    limit: row.limit,
    comparison: row.comparison,
    limitDisplay: formatLimit(row),
    ok: value === null || row.limit === null ? null : meetsLimit(value, row.comparison, row.limit),
    verified: row.verified,
  };
  if (got.ok || row.limit === null || policy.checkedOnlyWhenReported.items.includes(row.item)) return { check, missing: null };
  const label = itemLabel(row.item, row.basis);
  const notReported = got.needs.includes(label) || got.needs.includes(row.item);
  return { check, missing: { item: label, needs: got.needs, kind: notReported ? 'not-reported' : 'conversion-input' } };
}

function failReason(c: ItemCheck): Bilingual {
  const label = itemLabel(c.item, c.basis);
  const where = `${c.standard}-${c.edition} ${c.grade} ${c.clause}`;
  return {
    zh: `${where}：${ITEM_INFO[c.item].zh} ${label} = ${c.display} ${c.unit}，不符合 ${c.limitDisplay} ${c.unit}`,
    en: `${where}: ${ITEM_INFO[c.item].en} ${label} = ${c.display} ${c.unit}, limit ${c.limitDisplay} ${c.unit}`,
  };
}

function missingReason(m: MissingValue): Bilingual {
  return m.kind === 'not-reported'
    ? { zh: `缺少判定所需项目 ${m.item}`, en: `${m.item} is needed and not reported` }
    : { zh: `无法折算 ${m.item}：缺少 ${m.needs.join('、')}`, en: `${m.item} cannot be converted: ${m.needs.join(', ')} missing` };
}

const PROVISIONAL_REASON: Bilingual = {
  zh: '限值待核对：部分限值尚未按标准正式文本核实',
  en: 'Limits to be verified: some limits have not been checked against the published standard',
};

const UNVERIFIED_ONLY_REASON: Bilingual = {
  zh: '所不符合的限值均未经核实（限值待核对），不作为查扣依据',
  en: 'Every limit failed is unverified against the published text; not a ground for seizure',
};

function notLoadedReason(n: NotLoaded): Bilingual {
  const what = `${n.standard} ${n.grade}`;
  const core = n.core.map((item) => ITEM_INFO[item]);
  const items = n.items.length > 0 ? n.items.join('、') : core.map((c) => c.zh).join('、');
  const itemsEn = n.items.length > 0 ? n.items.join(', ') : core.map((c) => c.en).join(', ');
  if (core.length === 0) return { zh: `${what} 未核验（限值未载入）：${items}`, en: `${what} not verified (limit not loaded): ${itemsEn}` };
  return {
    zh: `标准未载入：${what} 无${core.map((c) => c.zh).join('、')}限值，未核验（限值未载入）：${items}`,
    en: `Standard not loaded: ${what} has no ${core.map((c) => c.en).join(' or ')} limit; not verified (limit not loaded): ${itemsEn}`,
  };
}

function routeReason(report: CertificateInput): Bilingual {
  const route = report.viaDesignatedRoute === undefined ? null : report.viaDesignatedRoute;
  const to = report.destination ?? '未登记';
  const via = route === null ? '' : route ? '，经运煤专用通道' : '，未经运煤专用通道';
  const viaEn = route === null ? '' : route ? ', via the designated coal route' : ', not via the designated coal route';
  return { zh: `运输路线：目的地 ${to}${via}`, en: `Route: destination ${report.destination ?? 'not recorded'}${viaEn}` };
}

function versions(ctx: CheckContext) {
  return { policy: ctx.policy.version, limits: ctx.limits.version };
}

/** The facts about limits a verdict rests on, derived from the checks alone (so a stored check yields them too). */
export function limitFacts(checked: readonly StandardGrade[], items: readonly ItemCheck[]) {
  const gaps = notLoaded(checked, items);
  const failures = items.filter((i) => i.ok === false);
  return {
    notLoaded: gaps,
    standardNotLoaded: gaps.some((g) => g.core.length > 0),
    onlyUnverifiedFailures: failures.length > 0 && failures.every((f) => !f.verified),
  };
}

function decisionReasons(decision: Decision, input: CertificateInput): Bilingual[] {
  return decision.recordRoute ? [decision.reason, routeReason(input)] : [decision.reason];
}

function checkReport(report: ReportInput, ctx: CheckContext): CertificateResult {
  const m = measure(report.results);
  const wanted = standardsToCheck(ctx.policy, report);
  const selected = selectLimits(ctx.limits, wanted, arrivalDate(report.arrivedAt));
  const applied = selected.rows.map((row) => checkRow(row, m, ctx.policy));
  const items = applied.map((a) => a.check);
  const missing = [...new Map(applied.flatMap((a) => (a.missing ? [[a.missing.item, a.missing] as const] : []))).values()];
  const invalid = impossibilities(report, m);
  const failures = items.filter((c) => c.ok === false);
  const facts = limitFacts(wanted, items);
  const signals = reportSignals(report, { policy: ctx.policy, recognisedLabs: ctx.recognisedLabs, inconsistencies: findInconsistencies(m) });

  const verdict: Verdict =
    invalid.length > 0 ? 'invalid' : failures.length > 0 ? 'fail' : missing.length > 0 || facts.standardNotLoaded ? 'incomplete' : 'pass';
  const decision = decideOutcome(ctx.policy, {
    noReport: false,
    verdict,
    signals: signals.map((s) => s.code),
    hasContract: report.hasContract,
    destinationInHebei: report.destinationInHebei,
    coalForm: report.coalForm,
    use: report.use,
    standardNotLoaded: facts.standardNotLoaded,
    onlyUnverifiedFailures: facts.onlyUnverifiedFailures,
  });
  const provisional = selected.rows.some((r) => !r.verified);
  const reasons = [
    ...decisionReasons(decision, report),
    ...invalid,
    ...failures.map(failReason),
    ...(verdict === 'fail' && facts.onlyUnverifiedFailures ? [UNVERIFIED_ONLY_REASON] : []),
    ...missing.map(missingReason),
    ...facts.notLoaded.map(notLoadedReason),
    ...(provisional ? [PROVISIONAL_REASON] : []),
  ];
  return {
    outcome: decision.outcome,
    verdict,
    provisional,
    checked: wanted,
    items,
    missing,
    ...facts,
    signals,
    reasons,
    versions: versions(ctx),
    checkedAt: ctx.now.toISOString(),
  };
}

export const NO_REPORT_REASON: Bilingual = { zh: '未提供检验检测报告', en: 'No inspection report was presented' };

/** Checks one truck's certificate, or applies the policy's rule for a truck that has none. */
export function checkCertificate(input: CertificateInput, ctx: CheckContext): CertificateResult {
  if (!isNoReport(input)) return checkReport(input, ctx);
  const decision = decideOutcome(ctx.policy, {
    noReport: true,
    signals: [],
    hasContract: input.hasContract,
    destinationInHebei: input.destinationInHebei,
    coalForm: input.coalForm,
    use: input.use,
    standardNotLoaded: false,
    onlyUnverifiedFailures: false,
  });
  return {
    outcome: decision.outcome,
    verdict: 'incomplete',
    provisional: false,
    checked: [],
    items: [],
    missing: [{ item: 'report', needs: ['report'], kind: 'not-reported' }],
    notLoaded: [],
    standardNotLoaded: false,
    onlyUnverifiedFailures: false,
    signals: [],
    reasons: [...decisionReasons(decision, input), NO_REPORT_REASON],
    versions: versions(ctx),
    checkedAt: ctx.now.toISOString(),
  };
}
