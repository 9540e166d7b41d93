/**
 * Legal term of a seizure (查封、扣押期限), 行政强制法 art.25 / SAMR rule art.38, counted from the day
 * the coal was taken on the spot (art.24: decision and inventory are made and handed over there):
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

/** The statutory rules; the shipped holiday tables are added by the services (term-policy.ts). */
export const DEFAULT_TERM_POLICY: TermPolicy = {
  startDayRule: 'next-day',
  baseDays: 30,
  maxExtensionDays: 30,
  warnWithinDays: 5,
  statutoryHolidays: [],
};

/**
 * A testing period (检测期间), inclusive. Art.25(3) excludes only a definite period notified in writing,
 * so the days excluded run from `startDate` to the result (`endDate`) but never past `notifiedEndDate`:
 * once the notified end has passed without a result, the term runs again.
 */
export interface TestingPeriod {
  startDate: IsoDate;
  notifiedEndDate: IsoDate;
  /** The day the result came back; null while the testing is under way. */
  endDate: IsoDate | null;
}

export interface TermExtension {
  days: number;
  approvedOn: IsoDate;
}

export interface SeizureTermInput {
  /** The day the coal was taken on the spot (Asia/Shanghai): the term runs from it (art.24, art.25). */
  seizureDate: IsoDate;
  testingPeriods: readonly TestingPeriod[];
  extension?: TermExtension;
}

export interface SeizureTerm {
  /** First counted day. */
  firstDay: IsoDate;
  /** Last day of the 30-day term, testing excluded, moved past a holiday; the extension runs from it. */
  baseEndDate: IsoDate;
  /**
   * Last lawful day including the extension. While testing is under way it assumes the testing lasts
   * to its notified end, so it is the latest end the party has been told of.
   */
  endDate: IsoDate;
  totalDays: number;
  excludedDays: number;
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
  // Date.UTC rolls 02-30 into March and month 13 into January: reject instead of guessing.
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`no such calendar day: ${date}`);
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

/** The last day a testing period excludes: the result's day, but never past the notified end. */
export function excludedUntil(p: TestingPeriod): IsoDate {
  return p.endDate !== null && p.endDate < p.notifiedEndDate ? p.endDate : p.notifiedEndDate;
}

/** Problems with the recorded testing periods or extension; empty when the input is usable. */
export function validateTermInput(input: SeizureTermInput, policy: TermRules = DEFAULT_TERM_POLICY): Bilingual[] {
  if (!isIsoDate(input.seizureDate)) {
    return [{ code: 'seizure-date', zh: '扣押实施日期格式错误', en: 'seizure date is not YYYY-MM-DD' }];
  }
  const problems: Bilingual[] = [];
  const sorted = [...input.testingPeriods].sort((a, b) => a.startDate.localeCompare(b.startDate));
  sorted.forEach((p, i) => {
    if (![p.startDate, p.notifiedEndDate, p.endDate ?? p.startDate].every(isIsoDate)) {
      problems.push({ code: 'testing-date', zh: '检测期间日期格式错误', en: 'testing period date is not YYYY-MM-DD' });
      return;
    }
    if (p.startDate < input.seizureDate) {
      problems.push({ code: 'testing-before-seizure', zh: '检测期间早于扣押实施日期', en: 'testing period starts before the seizure' });
    }
    if (p.notifiedEndDate < p.startDate || (p.endDate !== null && p.endDate < p.startDate)) {
      problems.push({ code: 'testing-reversed', zh: '检测期间结束日期早于开始日期', en: 'testing period ends before it starts' });
    }
    const next = sorted[i + 1];
    if (next && (p.endDate === null || next.startDate <= excludedUntil(p))) {
      problems.push({ code: 'testing-overlap', zh: '检测期间相互重叠或前一期间未结束', en: 'testing periods overlap or an earlier one is still open' });
    }
  });
  const ext = input.extension;
  if (ext) {
    if (!Number.isInteger(ext.days) || ext.days < 1 || ext.days > policy.maxExtensionDays) {
      problems.push({
        code: 'extension-days',
        zh: `延长期限须为1至${policy.maxExtensionDays}日（行政强制法第二十五条第一款）`,
        en: `an extension must be 1 to ${policy.maxExtensionDays} days (art.25(1))`,
      });
    }
    if (problems.length === 0) {
      const base = computeSeizureTerm({ ...input, extension: undefined }, policy);
      if (ext.approvedOn > base.baseEndDate) {
        problems.push({
          code: 'extension-late',
          zh: `原期限已于${base.baseEndDate}届满，延长决定须在期限届满前作出`,
          en: `the term ended on ${base.baseEndDate}; an extension must be approved before it ends`,
        });
      }
    }
  }
  return problems;
}

/** The rules a term is computed by; the warning threshold only matters for its status. */
export type TermRules = Omit<TermPolicy, 'warnWithinDays'>;

/**
 * Walks the calendar from the first counted day, skipping testing days, until the term's days are
 * used up. The extension runs from the base term's end as moved past a holiday (art.25(1): the term
 * is extended, not restarted), so its days are counted from the day after that end. Testing periods
 * are few and a term is at most 60 counted days, so walking is cheap and keeps month ends and leap
 * years exact.
 */
export function computeSeizureTerm(input: SeizureTermInput, policy: TermRules = DEFAULT_TERM_POLICY): SeizureTerm {
  const firstDay = policy.startDayRule === 'next-day' ? addDays(input.seizureDate, 1) : input.seizureDate;
  const periods = input.testingPeriods.map((p) => ({ start: toEpochDay(p.startDate), end: toEpochDay(excludedUntil(p)) }));
  const holidays = new Set(policy.statutoryHolidays);
  let excludedDays = 0;
  /** The day on which `days` more counted days are used up, starting the day after `from`. */
  const countFrom = (from: number, days: number): number => {
    let day = from;
    for (let counted = 0; counted < days; ) {
      day++;
      if (periods.some((p) => day >= p.start && day <= p.end)) excludedDays++;
      else counted++;
    }
    return day;
  };
  const baseEnd = rollPastHolidays(countFrom(toEpochDay(firstDay) - 1, policy.baseDays), holidays);
  const extensionDays = input.extension?.days ?? 0;
  const end = rollPastHolidays(countFrom(baseEnd, extensionDays), holidays);
  return {
    firstDay,
    baseEndDate: fromEpochDay(baseEnd),
    endDate: fromEpochDay(end),
    totalDays: policy.baseDays + extensionDays,
    excludedDays,
  };
}

/**
 * The statutory holidays that fall within a term, first day to end date inclusive, so an officer can see
 * why the end date moved.
 */
export function holidaysInTerm(input: SeizureTermInput, rules: TermRules): IsoDate[] {
  const { firstDay, endDate } = computeSeizureTerm(input, rules);
  return rules.statutoryHolidays.filter((d) => d >= firstDay && d <= endDate);
}

/** SAMR art.80: a period whose last day is a statutory holiday ends on the first day after the holiday. */
function rollPastHolidays(day: number, holidays: ReadonlySet<IsoDate>): number {
  let d = day;
  while (holidays.has(fromEpochDay(d))) d++;
  return d;
}

export type TermState = 'not-started' | 'running' | 'paused' | 'testing-overdue' | 'due-soon' | 'last-day' | 'expired';

export interface TermStatus {
  state: TermState;
  /** Calendar days after the day asked until the end date: 0 on the last day, negative once expired. */
  remainingDays: number;
  warnings: Bilingual[];
}

/** The testing period still without a result whose notified end has passed, if any. */
export function overdueTesting(periods: readonly TestingPeriod[], onDate: IsoDate): TestingPeriod | undefined {
  return periods.find((p) => p.endDate === null && p.notifiedEndDate < onDate);
}

export function termStatus(input: SeizureTermInput, onDate: IsoDate, policy: TermPolicy = DEFAULT_TERM_POLICY): TermStatus {
  const term = computeSeizureTerm(input, policy);
  const left = daysBetween(onDate, term.endDate);
  const overdue = overdueTesting(input.testingPeriods, onDate);
  const testing = input.testingPeriods.some((p) => p.endDate === null && p.startDate <= onDate && onDate <= p.notifiedEndDate);
  let state: TermState;
  if (onDate < term.firstDay) state = 'not-started';
  else if (left < 0) state = 'expired';
  else if (left === 0) state = 'last-day';
  else if (overdue) state = 'testing-overdue';
  else if (testing) state = 'paused';
  else if (left <= policy.warnWithinDays) state = 'due-soon';
  else state = 'running';

  const warnings: Bilingual[] = [];
  if (overdue) {
    warnings.push({
      code: 'testing-overdue',
      zh: `检测期间已于${overdue.notifiedEndDate}届满（以书面告知的期间为准），尚未登记检测结果；此后的日数计入查封、扣押期限（行政强制法第二十五条第三款）`,
      en: `the notified testing period ended on ${overdue.notifiedEndDate} without a result; the term runs again from the next day (art.25(3))`,
    });
  }
  if (state === 'expired') {
    warnings.push({
      code: 'term-expired',
      zh: `查封、扣押期限已于${term.endDate}届满，应当及时解除（行政强制法第二十八条第一款第四项）`,
      en: `the seizure term ended on ${term.endDate}; the measure must be released (art.28(4))`,
    });
  } else if (left <= policy.warnWithinDays && state !== 'not-started') {
    warnings.push({
      code: 'term-due-soon',
      zh: `查封、扣押期限将于${term.endDate}届满，剩余${left}日，请在期限内作出处理决定（行政强制法第二十七条）`,
      en: `the seizure term ends on ${term.endDate} (${left} days left); decide within the term (art.27)`,
    });
    if (!input.extension) {
      warnings.push({
        code: 'extension-window',
        zh: '如情况复杂需延长，须在期限届满前经负责人批准并书面告知当事人（行政强制法第二十五条第一款、第二款）',
        en: 'an extension, if needed, must be approved and notified in writing before the term ends (art.25(1), (2))',
      });
    }
  }
  return { state, remainingDays: left, warnings };
}
