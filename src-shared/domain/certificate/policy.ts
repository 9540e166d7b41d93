/**
 * A policy is data: which standards and grades apply to a truck, and what the checkpoint does
 * (release, sample, seize, turn back) given the verdict, the signals and the truck's papers.
 */
import { selectLimits } from './limits.ts';
import { parseWith, policySchema, type LimitsTable, type OutcomeCondition, type Parsed, type Policy, type StandardGrade, type TruckCondition } from './schemas.ts';
import type { Bilingual, CoalForm, CoalRank, Outcome, SignalCode, Use, Verdict } from './vocabulary.ts';

export function parsePolicy(json: unknown): Parsed<Policy> {
  return parseWith(policySchema, json);
}

export interface TruckFacts {
  coalForm: CoalForm;
  /** Unknown when the truck has no report. */
  coalRank?: CoalRank;
  use: Use;
  destinationInHebei: boolean;
  distanceKm?: number | null;
}

function truckMatches(when: TruckCondition, truck: TruckFacts): boolean {
  if (when.coalForm && !when.coalForm.includes(truck.coalForm)) return false;
  if (when.use && !when.use.includes(truck.use)) return false;
  if (when.coalRank && (truck.coalRank === undefined || !when.coalRank.includes(truck.coalRank))) return false;
  if (when.destinationInHebei !== undefined && when.destinationInHebei !== truck.destinationInHebei) return false;
  if (when.distanceKmOver !== undefined && !(truck.distanceKm != null && truck.distanceKm > when.distanceKmOver)) return false;
  return true;
}

/** Every standard and grade whose rule matches the truck, each once, in policy order. */
export function standardsToCheck(policy: Policy, truck: TruckFacts): StandardGrade[] {
  const found = new Map<string, StandardGrade>();
  for (const rule of policy.applicability) {
    if (!truckMatches(rule.when, truck)) continue;
    for (const sg of rule.check) found.set(`${sg.standard}|${sg.grade}`, sg);
  }
  return [...found.values()];
}

export interface OutcomeFacts {
  noReport: boolean;
  verdict?: Verdict;
  signals: readonly SignalCode[];
  hasContract?: boolean;
  destinationInHebei: boolean;
  coalForm: CoalForm;
  use: Use;
  standardNotLoaded: boolean;
  onlyUnverifiedFailures: boolean;
}

const holds = <T>(wanted: readonly T[] | undefined, actual: T) => wanted === undefined || wanted.includes(actual);
const equals = (wanted: boolean | undefined, actual: boolean) => wanted === undefined || wanted === actual;

function outcomeMatches(when: OutcomeCondition, facts: OutcomeFacts): boolean {
  return (
    equals(when.noReport, facts.noReport) &&
    (when.verdict === undefined || (facts.verdict !== undefined && when.verdict.includes(facts.verdict))) &&
    (when.anySignal === undefined || when.anySignal.some((code) => facts.signals.includes(code))) &&
    equals(when.hasContract, facts.hasContract === true) &&
    equals(when.destinationInHebei, facts.destinationInHebei) &&
    holds(when.coalForm, facts.coalForm) &&
    holds(when.use, facts.use) &&
    equals(when.standardNotLoaded, facts.standardNotLoaded) &&
    equals(when.onlyUnverifiedFailures, facts.onlyUnverifiedFailures)
  );
}

export interface Decision {
  outcome: Outcome;
  reason: Bilingual;
  /** The truck's route is to be named beside the decision. */
  recordRoute: boolean;
}

/** What happens when a policy would release a truck whose standard is not loaded: an officer decides. */
export const NOT_LOADED_REVIEW: Decision = {
  outcome: 'review',
  reason: { zh: '适用标准限值未载入，人工核验', en: 'The applicable standard is not loaded; an officer decides' },
  recordRoute: false,
};

/** The first outcome rule that holds, else the policy's default; never a release on a standard not loaded. */
export function decideOutcome(policy: Policy, facts: OutcomeFacts): Decision {
  const rule = policy.outcomeRules.find((r) => outcomeMatches(r.when, facts));
  const decision = rule
    ? { outcome: rule.outcome, reason: rule.reason, recordRoute: rule.recordRoute === true }
    : { ...policy.defaultOutcome, recordRoute: false };
  return facts.standardNotLoaded && decision.outcome === 'release' ? NOT_LOADED_REVIEW : decision;
}

/** Standard/grade pairs a policy refers to that the limits table has no rows for on `date`: an import check. */
export function policyGaps(policy: Policy, limits: LimitsTable, date: string): StandardGrade[] {
  return selectLimits(limits, policy.applicability.flatMap((r) => r.check), date).unknown;
}
