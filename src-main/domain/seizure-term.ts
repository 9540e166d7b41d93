/**
 * Legal term of a seizure (查封、扣押期限), 行政强制法 art.25 / SAMR rule art.38:
 * - 30 calendar days (art.69: only periods of ten days or less are working days);
 * - testing / inspection / appraisal days do not count, and must be notified in writing;
 * - one extension of at most 30 days, approved by the agency head before the term runs out.
 *
 * Dates are civil dates 'YYYY-MM-DD' in Asia/Shanghai. China has had no DST since 1991, so the
 * arithmetic runs on UTC midnights and the only time-zone step is `shanghaiDate` (UTC+8).
 */

export type IsoDate = string;

/**
 * 'next-day': the decision day is not counted (SAMR rule art.80 "期间开始的日不计算在内"), so
 * day 1 is the day after the decision — the default.
 * 'same-day': the decision day is day 1; some practitioners count from the decision (or service)
 * day, which the reference leaves open, hence configurable.
 */
export type StartDayRule = 'next-day' | 'same-day';

export interface TermPolicy {
  startDayRule: StartDayRule;
  baseDays: number;
  maxExtensionDays: number;
  /** Warn when this many days or fewer remain. */
  warnWithinDays: number;
  /**
   * Statutory holidays (法定节假日). SAMR art.80 moves a period ending on one to the first day
   * after it. The calendar is published yearly by the State Council, so it is data, not code.
   */
  statutoryHolidays: readonly IsoDate[];
}

export const DEFAULT_TERM_POLICY: TermPolicy = {
  startDayRule: 'next-day',
  baseDays: 30,
  maxExtensionDays: 30,
  warnWithinDays: 5,
  statutoryHolidays: [],
};

/** Inclusive range of calendar days excluded from the term; `endDate` null while testing is under way. */
export interface TestingPeriod {
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface TermExtension {
  days: number;
  approvedOn: IsoDate;
}

export interface SeizureTermInput {
  decisionDate: IsoDate;
  testingPeriods: readonly TestingPeriod[];
  extension?: TermExtension;
}

export interface SeizureTerm {
  /** First counted day. */
  firstDay: IsoDate;
  /** Last day of the 30-day term, with testing excluded, before any extension. Null while paused. */
  baseEndDate: IsoDate | null;
  /** Last lawful day including the extension. Null while a testing period is open. */
  endDate: IsoDate | null;
  totalDays: number;
  excludedDays: number;
  /** Counted days used before an open testing period paused the clock. */
  pausedAfterDays: number | null;
}

export interface Bilingual {
  code: string;
  zh: string;
  en: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function toEpochDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 02-30 into March: reject instead of guessing.
  if (new Date(ms).getUTCDate() !== d) throw new RangeError(`no such calendar day: ${date}`);
  return ms / DAY_MS;
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toEpochDay(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The Asia/Shanghai civil date of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Problems with the recorded testing periods or extension; empty when the input is usable. */
export function validateTermInput(input: SeizureTermInput, policy: TermPolicy = DEFAULT_TERM_POLICY): Bilingual[] {
  const problems: Bilingual[] = [];
  if (!isIsoDate(input.decisionDate)) {
    return [{ code: 'decision-date', zh: '决定日期格式错误', en: 'decision date is not YYYY-MM-DD' }];
  }
  const sorted = [...input.testingPeriods].sort((a, b) => a.startDate.localeCompare(b.startDate));
  sorted.forEach((p, i) => {
    if (!isIsoDate(p.startDate) || (p.endDate !== null && !isIsoDate(p.endDate))) {
      problems.push({ code: 'testing-date', zh: '检测期间日期格式错误', en: 'testing period date is not YYYY-MM-DD' });
      return;
    }
    if (p.startDate < input.decisionDate) {
      problems.push({ code: 'testing-before-decision', zh: '检测期间早于强制措施决定日期', en: 'testing period starts before the decision' });
    }
    if (p.endDate !== null && p.endDate < p.startDate) {
      problems.push({ code: 'testing-reversed', zh: '检测期间结束日期早于开始日期', en: 'testing period ends before it starts' });
    }
    const next = sorted[i + 1];
    if (next && (p.endDate === null || next.startDate <= p.endDate)) {
      problems.push({ code: 'testing-overlap', zh: '检测期间相互重叠或前一期间未结束', en: 'testing periods overlap or an earlier one is still open' });
    }
  });
  const ext = input.extension;
  if (ext) {
    if (!Number.isInteger(ext.days) || ext.days < 1 || ext.days > policy.maxExtensionDays) {
      problems.push({
        code: 'extension-days',
        zh: `延长期限须为1至${policy.maxExtensionDays}日`,
        en: `an extension must be 1 to ${policy.maxExtensionDays} days`,
      });
    }
    if (problems.length === 0) {
      const base = computeSeizureTerm({ ...input, extension: undefined }, policy);
      if (base.baseEndDate !== null && ext.approvedOn > base.baseEndDate) {
        problems.push({
          code: 'extension-late',
          zh: '延长决定须在原期限届满前作出',
          en: 'the extension must be approved before the original term ends',
        });
      }
    }
  }
  return problems;
}

/**
 * Walks the calendar from the first counted day, skipping testing days, until the term's days are
 * used up. Testing periods are few and a term is at most 60 counted days, so walking is cheap and
 * keeps month ends and leap years exact.
 */
export function computeSeizureTerm(input: SeizureTermInput, policy: TermRules = DEFAULT_TERM_POLICY): SeizureTerm {
  const firstDay = policy.startDayRule === 'next-day' ? addDays(input.decisionDate, 1) : input.decisionDate;
  const extensionDays = input.extension?.days ?? 0;
  const totalDays = policy.baseDays + extensionDays;
  const periods = input.testingPeriods.map((p) => ({
    start: toEpochDay(p.startDate),
    end: p.endDate === null ? Number.POSITIVE_INFINITY : toEpochDay(p.endDate),
  }));
  const excluded = (day: number) => periods.some((p) => day >= p.start && day <= p.end);
  const holidays = new Set(policy.statutoryHolidays);

  let day = toEpochDay(firstDay);
  let counted = 0;
  let excludedDays = 0;
  let baseEnd: number | null = null;
  for (;;) {
    if (excluded(day)) {
      if (periods.some((p) => p.end === Number.POSITIVE_INFINITY && day >= p.start)) {
        return { firstDay, baseEndDate: baseEnd === null ? null : rollPastHolidays(baseEnd, holidays), endDate: null, totalDays, excludedDays, pausedAfterDays: counted };
      }
      excludedDays++;
    } else {
      counted++;
      if (counted === policy.baseDays) baseEnd = day;
      if (counted === totalDays) break;
    }
    day++;
  }
  return {
    firstDay,
    baseEndDate: baseEnd === null ? null : rollPastHolidays(baseEnd, holidays),
    endDate: rollPastHolidays(day, holidays),
    totalDays,
    excludedDays,
    pausedAfterDays: null,
  };
}

/** The rules a term is computed by; the warning threshold only matters for its status. */
export type TermRules = Omit<TermPolicy, 'warnWithinDays'>;

/**
 * The statutory holidays that fall within a term, first day to end date inclusive, so an officer can see
 * why the end date moved. While testing pauses the clock the end is unknown: every holiday from the first day on.
 */
export function holidaysInTerm(input: SeizureTermInput, rules: TermRules): IsoDate[] {
  const { firstDay, endDate } = computeSeizureTerm(input, rules);
  return rules.statutoryHolidays.filter((d) => d >= firstDay && (endDate === null || d <= endDate));
}

function rollPastHolidays(day: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  let d = day;
  while (holidays.has(fromEpochDay(d))) d++;
  return fromEpochDay(d);
}

/**
 * Calendar days left after `onDate` until the end date: 0 on the last day, negative once expired.
 * While testing is open the clock is paused, so the answer is the counted days not yet used.
 */
export function remainingDays(term: SeizureTerm, onDate: IsoDate): number {
  if (term.endDate === null) return term.totalDays - (term.pausedAfterDays ?? 0);
  return daysBetween(onDate, term.endDate);
}

export type TermState = 'not-started' | 'running' | 'paused' | 'due-soon' | 'last-day' | 'expired';

export interface TermStatus {
  state: TermState;
  remainingDays: number;
  warnings: Bilingual[];
}

export function termStatus(
  input: SeizureTermInput,
  onDate: IsoDate,
  policy: TermPolicy = DEFAULT_TERM_POLICY,
): TermStatus {
  const term = computeSeizureTerm(input, policy);
  const left = remainingDays(term, onDate);
  const warnings: Bilingual[] = [];
  if (term.endDate === null) {
    return { state: 'paused', remainingDays: left, warnings };
  }
  let state: TermState;
  if (onDate < term.firstDay) state = 'not-started';
  else if (left < 0) state = 'expired';
  else if (left === 0) state = 'last-day';
  else if (left <= policy.warnWithinDays) state = 'due-soon';
  else state = 'running';

  if (state === 'expired') {
    warnings.push({
      code: 'term-expired',
      zh: `查封、扣押期限已于${term.endDate}届满，应当及时解除（行政强制法第二十八条第一款第四项）`,
      en: `the seizure term ended on ${term.endDate}; the measure must be released (art.28(4))`,
    });
  } else if (state === 'last-day' || state === 'due-soon') {
    warnings.push({
      code: 'term-due-soon',
      zh: `查封、扣押期限将于${term.endDate}届满，剩余${left}日，请在期限内作出处理决定`,
      en: `the seizure term ends on ${term.endDate} (${left} days left); decide within the term`,
    });
    if (!input.extension) {
      warnings.push({
        code: 'extension-window',
        zh: '如情况复杂需延长，须在期限届满前经负责人批准并书面告知当事人',
        en: 'an extension, if needed, must be approved and notified in writing before the term ends',
      });
    }
  }
  return { state, remainingDays: left, warnings };
}
