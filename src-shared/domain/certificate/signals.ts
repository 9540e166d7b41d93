/**
 * Fraud and doubt signals: facts about the report, not about the coal, that a policy may act on.
 * Each is raised with a message in Chinese and English.
 */
import { localDate } from '../local-time.ts';
import type { Inconsistency } from './consistency.ts';
import type { ReportInput } from './report-input.ts';
import type { Policy, RecognisedLab } from './schemas.ts';
import type { SignalCode } from './vocabulary.ts';

export interface Signal {
  code: SignalCode;
  zh: string;
  en: string;
}

const DAY_MS = 86_400_000;

function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
}

/** The arrival day in Beijing time, the calendar the report's dates are written in. */
export function arrivalDate(arrivedAt: string): string {
  return localDate(new Date(arrivedAt));
}

function cmaSignal(report: ReportInput, policy: Policy): Signal | null {
  const cma = report.cmaNumber?.trim() ?? '';
  if (cma === '') return { code: 'no-cma', zh: '报告无CMA资质认定证书编号', en: 'The report carries no CMA certificate number' };
  if (!new RegExp(policy.cmaNumberPattern).test(cma)) {
    return { code: 'no-cma', zh: `CMA证书编号格式不符（${cma}）`, en: `The CMA certificate number is not well-formed (${cma})` };
  }
  return null;
}

function ageSignals(report: ReportInput, policy: Policy): Signal[] {
  const arrived = arrivalDate(report.arrivedAt);
  const ageDays = daysBetween(report.reportedOn, arrived);
  const found: Signal[] = [];
  if (ageDays > policy.maxReportAgeDays) {
    found.push({
      code: 'report-too-old',
      zh: `报告出具已${ageDays}天，超过${policy.maxReportAgeDays}天`,
      en: `The report is ${ageDays} days old, more than ${policy.maxReportAgeDays} days`,
    });
  }
  if (ageDays < 0) {
    found.push({
      code: 'report-after-arrival',
      zh: `报告日期（${report.reportedOn}）晚于车辆到站日期（${arrived}）`,
      en: `The report date (${report.reportedOn}) is after the truck's arrival (${arrived})`,
    });
  }
  return found;
}

function labSignal(report: ReportInput, policy: Policy, labs: readonly RecognisedLab[] | undefined): Signal | null {
  if (policy.recognisedLabs === 'ignore' || labs === undefined) return null;
  const cma = report.cmaNumber?.trim();
  const lab = labs.find((l) => l.name === report.lab.trim() || (cma && l.cmaNumber === cma));
  if (!lab) return { code: 'lab-not-recognised', zh: `检测机构不在认可名单内（${report.lab}）`, en: `The lab is not on the recognised list (${report.lab})` };
  if (lab.validUntil !== undefined && lab.validUntil < report.reportedOn) {
    return {
      code: 'lab-not-recognised',
      zh: `检测机构资质认定证书已于${lab.validUntil}到期`,
      en: `The lab's CMA certificate expired on ${lab.validUntil}`,
    };
  }
  return null;
}

/** One truck that presented a report number: its net weight and declared origin, when known. */
export interface ReportUse {
  truckNetKg?: number | undefined;
  origin?: string | undefined;
}

/**
 * Signals over every truck that presented one report number: more tonnage than the report covers, and
 * trucks from different origins. The check passes this truck and the earlier ones; the report archive, all of them.
 */
export function usageSignals(uses: readonly ReportUse[], tonnageCoveredKg: number | undefined): Signal[] {
  const found: Signal[] = [];
  if (tonnageCoveredKg !== undefined) {
    const totalKg = uses.reduce((sum, u) => sum + (u.truckNetKg ?? 0), 0);
    if (totalKg > tonnageCoveredKg) {
      found.push({
        code: 'tonnage-exceeded',
        zh: `同一报告已累计使用${(totalKg / 1000).toFixed(2)}吨，超过报告覆盖的${(tonnageCoveredKg / 1000).toFixed(2)}吨`,
        en: `This report number has now covered ${(totalKg / 1000).toFixed(2)} t, more than the ${(tonnageCoveredKg / 1000).toFixed(2)} t it covers`,
      });
    }
  }
  const origins = new Set(uses.map((u) => u.origin).filter((o): o is string => o !== undefined).map((o) => o.trim()));
  if (origins.size > 1) {
    const list = [...origins].join('、');
    found.push({ code: 'origin-mismatch', zh: `同一报告编号出现在不同产地的车辆上（${list}）`, en: `The same report number came with trucks from different origins (${list})` });
  }
  return found;
}

function reuseSignals(report: ReportInput): Signal[] {
  const uses = [{ truckNetKg: report.truckNetKg, origin: report.origin }, ...(report.previousUses ?? [])];
  // Without this truck's own weight the running total is not known, so tonnage is not judged.
  return usageSignals(uses, report.truckNetKg === undefined ? undefined : report.tonnageCoveredKg);
}

function inconsistencySignal(found: readonly Inconsistency[]): Signal | null {
  if (found.length === 0) return null;
  const detail = found.map((i) => `${i.label} ${i.reported.toFixed(2)} ≠ ${i.recomputed.toFixed(2)}（${i.from}）`).join('；');
  const detailEn = found.map((i) => `${i.label} ${i.reported.toFixed(2)} vs ${i.recomputed.toFixed(2)} from ${i.from}`).join('; ');
  return { code: 'inconsistent-derived', zh: `报告数据相互矛盾：${detail}`, en: `The report's figures disagree beyond rounding: ${detailEn}` };
}

export interface SignalContext {
  policy: Policy;
  /** The checkpoint's list; undefined when none is kept, which disables `lab-not-recognised`. */
  recognisedLabs?: readonly RecognisedLab[];
  inconsistencies: readonly Inconsistency[];
}

export function reportSignals(report: ReportInput, ctx: SignalContext): Signal[] {
  const signals = [
    cmaSignal(report, ctx.policy),
    labSignal(report, ctx.policy, ctx.recognisedLabs),
    ...ageSignals(report, ctx.policy),
    report.sampleOrigin === 'client'
      ? { code: 'client-sample' as const, zh: '送样检验：报告只对来样负责，不能证明本车煤质', en: 'Client-submitted sample: the report vouches only for that sample, not for this load' }
      : null,
    ...reuseSignals(report),
    inconsistencySignal(ctx.inconsistencies),
  ];
  return signals.filter((s): s is Signal => s !== null);
}
