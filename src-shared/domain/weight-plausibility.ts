/**
 * Plausibility of a kiosk weighing: a loaded coal truck is heavy, an empty one is neither a car nor a
 * second truck. A weight that fails is a typing or capture error and is refused, named by its field.
 */
export interface WeightLimits {
  minGrossKg: number;
  minTareKg: number;
  maxTareKg: number;
}

export interface WeightProblem {
  field: 'grossKg' | 'tareKg';
  key: 'kiosk.grossTooLow' | 'kiosk.tareOutOfRange';
  params: Record<string, number>;
}

export function weightProblems(w: { grossKg: number; tareKg: number }, limits: WeightLimits): WeightProblem[] {
  const problems: WeightProblem[] = [];
  if (w.grossKg < limits.minGrossKg) {
    problems.push({ field: 'grossKg', key: 'kiosk.grossTooLow', params: { grossKg: w.grossKg, minGrossKg: limits.minGrossKg } });
  }
  if (w.tareKg < limits.minTareKg || w.tareKg > limits.maxTareKg) {
    problems.push({ field: 'tareKg', key: 'kiosk.tareOutOfRange', params: { minTareKg: limits.minTareKg, maxTareKg: limits.maxTareKg } });
  }
  return problems;
}

/** Whether an earlier registration at `earlierIso` falls within the repeat window before `now` (0 minutes: never). */
export function withinRepeatWindow(earlierIso: string, now: Date, minutes: number): boolean {
  const ageMs = now.getTime() - new Date(earlierIso).getTime();
  return minutes > 0 && ageMs >= 0 && ageMs <= minutes * 60_000;
}
