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
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
export const DEFAULT_TERM_POLICY: TermPolicy = stryMutAct_9fa48("572") ? {} : (stryCov_9fa48("572"), {
  startDayRule: stryMutAct_9fa48("573") ? "" : (stryCov_9fa48("573"), 'next-day'),
  baseDays: 30,
  maxExtensionDays: 30,
  warnWithinDays: 5,
  statutoryHolidays: stryMutAct_9fa48("574") ? ["Stryker was here"] : (stryCov_9fa48("574"), [])
});

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
const ISO_DATE = stryMutAct_9fa48("582") ? /^(\d{4})-(\d{2})-(\D{2})$/ : stryMutAct_9fa48("581") ? /^(\d{4})-(\d{2})-(\d)$/ : stryMutAct_9fa48("580") ? /^(\d{4})-(\D{2})-(\d{2})$/ : stryMutAct_9fa48("579") ? /^(\d{4})-(\d)-(\d{2})$/ : stryMutAct_9fa48("578") ? /^(\D{4})-(\d{2})-(\d{2})$/ : stryMutAct_9fa48("577") ? /^(\d)-(\d{2})-(\d{2})$/ : stryMutAct_9fa48("576") ? /^(\d{4})-(\d{2})-(\d{2})/ : stryMutAct_9fa48("575") ? /(\d{4})-(\d{2})-(\d{2})$/ : (stryCov_9fa48("575", "576", "577", "578", "579", "580", "581", "582"), /^(\d{4})-(\d{2})-(\d{2})$/);
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = stryMutAct_9fa48("583") ? 8 / 3_600_000 : (stryCov_9fa48("583"), 8 * 3_600_000);
function toEpochDay(date: IsoDate): number {
  if (stryMutAct_9fa48("584")) {
    {}
  } else {
    stryCov_9fa48("584");
    const m = ISO_DATE.exec(date);
    if (stryMutAct_9fa48("587") ? false : stryMutAct_9fa48("586") ? true : stryMutAct_9fa48("585") ? m : (stryCov_9fa48("585", "586", "587"), !m)) throw new RangeError(stryMutAct_9fa48("588") ? `` : (stryCov_9fa48("588"), `not a YYYY-MM-DD date: ${date}`));
    const [y, mo, d] = stryMutAct_9fa48("589") ? [] : (stryCov_9fa48("589"), [Number(m[1]), Number(m[2]), Number(m[3])]);
    const ms = Date.UTC(y, stryMutAct_9fa48("590") ? mo + 1 : (stryCov_9fa48("590"), mo - 1), d);
    // Date.UTC rolls 02-30 into March and month 13 into January: reject instead of guessing.
    if (stryMutAct_9fa48("593") ? new Date(ms).toISOString().slice(0, 10) === date : stryMutAct_9fa48("592") ? false : stryMutAct_9fa48("591") ? true : (stryCov_9fa48("591", "592", "593"), (stryMutAct_9fa48("594") ? new Date(ms).toISOString() : (stryCov_9fa48("594"), new Date(ms).toISOString().slice(0, 10))) !== date)) throw new RangeError(stryMutAct_9fa48("595") ? `` : (stryCov_9fa48("595"), `no such calendar day: ${date}`));
    return stryMutAct_9fa48("596") ? ms * DAY_MS : (stryCov_9fa48("596"), ms / DAY_MS);
  }
}
function fromEpochDay(day: number): IsoDate {
  if (stryMutAct_9fa48("597")) {
    {}
  } else {
    stryCov_9fa48("597");
    return stryMutAct_9fa48("598") ? new Date(day * DAY_MS).toISOString() : (stryCov_9fa48("598"), new Date(stryMutAct_9fa48("599") ? day / DAY_MS : (stryCov_9fa48("599"), day * DAY_MS)).toISOString().slice(0, 10));
  }
}
export function isIsoDate(value: string): boolean {
  if (stryMutAct_9fa48("600")) {
    {}
  } else {
    stryCov_9fa48("600");
    try {
      if (stryMutAct_9fa48("601")) {
        {}
      } else {
        stryCov_9fa48("601");
        toEpochDay(value);
        return stryMutAct_9fa48("602") ? false : (stryCov_9fa48("602"), true);
      }
    } catch {
      if (stryMutAct_9fa48("603")) {
        {}
      } else {
        stryCov_9fa48("603");
        return stryMutAct_9fa48("604") ? true : (stryCov_9fa48("604"), false);
      }
    }
  }
}
export function addDays(date: IsoDate, days: number): IsoDate {
  if (stryMutAct_9fa48("605")) {
    {}
  } else {
    stryCov_9fa48("605");
    return fromEpochDay(stryMutAct_9fa48("606") ? toEpochDay(date) - days : (stryCov_9fa48("606"), toEpochDay(date) + days));
  }
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  if (stryMutAct_9fa48("607")) {
    {}
  } else {
    stryCov_9fa48("607");
    return stryMutAct_9fa48("608") ? toEpochDay(to) + toEpochDay(from) : (stryCov_9fa48("608"), toEpochDay(to) - toEpochDay(from));
  }
}

/** The Asia/Shanghai civil date of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  if (stryMutAct_9fa48("609")) {
    {}
  } else {
    stryCov_9fa48("609");
    return stryMutAct_9fa48("610") ? new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString() : (stryCov_9fa48("610"), new Date(stryMutAct_9fa48("611") ? instant.getTime() - SHANGHAI_OFFSET_MS : (stryCov_9fa48("611"), instant.getTime() + SHANGHAI_OFFSET_MS)).toISOString().slice(0, 10));
  }
}

/** The last day a testing period excludes: the result's day, but never past the notified end. */
export function excludedUntil(p: TestingPeriod): IsoDate {
  if (stryMutAct_9fa48("612")) {
    {}
  } else {
    stryCov_9fa48("612");
    return (stryMutAct_9fa48("615") ? p.endDate !== null || p.endDate < p.notifiedEndDate : stryMutAct_9fa48("614") ? false : stryMutAct_9fa48("613") ? true : (stryCov_9fa48("613", "614", "615"), (stryMutAct_9fa48("617") ? p.endDate === null : stryMutAct_9fa48("616") ? true : (stryCov_9fa48("616", "617"), p.endDate !== null)) && (stryMutAct_9fa48("620") ? p.endDate >= p.notifiedEndDate : stryMutAct_9fa48("619") ? p.endDate <= p.notifiedEndDate : stryMutAct_9fa48("618") ? true : (stryCov_9fa48("618", "619", "620"), p.endDate < p.notifiedEndDate)))) ? p.endDate : p.notifiedEndDate;
  }
}

/** Problems with the recorded testing periods or extension; empty when the input is usable. */
export function validateTermInput(input: SeizureTermInput, policy: TermRules = DEFAULT_TERM_POLICY): Bilingual[] {
  if (stryMutAct_9fa48("621")) {
    {}
  } else {
    stryCov_9fa48("621");
    if (stryMutAct_9fa48("624") ? false : stryMutAct_9fa48("623") ? true : stryMutAct_9fa48("622") ? isIsoDate(input.seizureDate) : (stryCov_9fa48("622", "623", "624"), !isIsoDate(input.seizureDate))) {
      if (stryMutAct_9fa48("625")) {
        {}
      } else {
        stryCov_9fa48("625");
        return stryMutAct_9fa48("626") ? [] : (stryCov_9fa48("626"), [stryMutAct_9fa48("627") ? {} : (stryCov_9fa48("627"), {
          code: stryMutAct_9fa48("628") ? "" : (stryCov_9fa48("628"), 'seizure-date'),
          zh: stryMutAct_9fa48("629") ? "" : (stryCov_9fa48("629"), '扣押实施日期格式错误'),
          en: stryMutAct_9fa48("630") ? "" : (stryCov_9fa48("630"), 'seizure date is not YYYY-MM-DD')
        })]);
      }
    }
    const problems: Bilingual[] = stryMutAct_9fa48("631") ? ["Stryker was here"] : (stryCov_9fa48("631"), []);
    const sorted = stryMutAct_9fa48("632") ? [...input.testingPeriods] : (stryCov_9fa48("632"), (stryMutAct_9fa48("633") ? [] : (stryCov_9fa48("633"), [...input.testingPeriods])).sort(stryMutAct_9fa48("634") ? () => undefined : (stryCov_9fa48("634"), (a, b) => a.startDate.localeCompare(b.startDate))));
    sorted.forEach((p, i) => {
      if (stryMutAct_9fa48("635")) {
        {}
      } else {
        stryCov_9fa48("635");
        if (stryMutAct_9fa48("638") ? false : stryMutAct_9fa48("637") ? true : stryMutAct_9fa48("636") ? [p.startDate, p.notifiedEndDate, p.endDate ?? p.startDate].every(isIsoDate) : (stryCov_9fa48("636", "637", "638"), !(stryMutAct_9fa48("639") ? [p.startDate, p.notifiedEndDate, p.endDate ?? p.startDate].some(isIsoDate) : (stryCov_9fa48("639"), (stryMutAct_9fa48("640") ? [] : (stryCov_9fa48("640"), [p.startDate, p.notifiedEndDate, stryMutAct_9fa48("641") ? p.endDate && p.startDate : (stryCov_9fa48("641"), p.endDate ?? p.startDate)])).every(isIsoDate))))) {
          if (stryMutAct_9fa48("642")) {
            {}
          } else {
            stryCov_9fa48("642");
            problems.push(stryMutAct_9fa48("643") ? {} : (stryCov_9fa48("643"), {
              code: stryMutAct_9fa48("644") ? "" : (stryCov_9fa48("644"), 'testing-date'),
              zh: stryMutAct_9fa48("645") ? "" : (stryCov_9fa48("645"), '检测期间日期格式错误'),
              en: stryMutAct_9fa48("646") ? "" : (stryCov_9fa48("646"), 'testing period date is not YYYY-MM-DD')
            }));
            return;
          }
        }
        if (stryMutAct_9fa48("650") ? p.startDate >= input.seizureDate : stryMutAct_9fa48("649") ? p.startDate <= input.seizureDate : stryMutAct_9fa48("648") ? false : stryMutAct_9fa48("647") ? true : (stryCov_9fa48("647", "648", "649", "650"), p.startDate < input.seizureDate)) {
          if (stryMutAct_9fa48("651")) {
            {}
          } else {
            stryCov_9fa48("651");
            problems.push(stryMutAct_9fa48("652") ? {} : (stryCov_9fa48("652"), {
              code: stryMutAct_9fa48("653") ? "" : (stryCov_9fa48("653"), 'testing-before-seizure'),
              zh: stryMutAct_9fa48("654") ? "" : (stryCov_9fa48("654"), '检测期间早于扣押实施日期'),
              en: stryMutAct_9fa48("655") ? "" : (stryCov_9fa48("655"), 'testing period starts before the seizure')
            }));
          }
        }
        if (stryMutAct_9fa48("658") ? p.notifiedEndDate < p.startDate && p.endDate !== null && p.endDate < p.startDate : stryMutAct_9fa48("657") ? false : stryMutAct_9fa48("656") ? true : (stryCov_9fa48("656", "657", "658"), (stryMutAct_9fa48("661") ? p.notifiedEndDate >= p.startDate : stryMutAct_9fa48("660") ? p.notifiedEndDate <= p.startDate : stryMutAct_9fa48("659") ? false : (stryCov_9fa48("659", "660", "661"), p.notifiedEndDate < p.startDate)) || (stryMutAct_9fa48("663") ? p.endDate !== null || p.endDate < p.startDate : stryMutAct_9fa48("662") ? false : (stryCov_9fa48("662", "663"), (stryMutAct_9fa48("665") ? p.endDate === null : stryMutAct_9fa48("664") ? true : (stryCov_9fa48("664", "665"), p.endDate !== null)) && (stryMutAct_9fa48("668") ? p.endDate >= p.startDate : stryMutAct_9fa48("667") ? p.endDate <= p.startDate : stryMutAct_9fa48("666") ? true : (stryCov_9fa48("666", "667", "668"), p.endDate < p.startDate)))))) {
          if (stryMutAct_9fa48("669")) {
            {}
          } else {
            stryCov_9fa48("669");
            problems.push(stryMutAct_9fa48("670") ? {} : (stryCov_9fa48("670"), {
              code: stryMutAct_9fa48("671") ? "" : (stryCov_9fa48("671"), 'testing-reversed'),
              zh: stryMutAct_9fa48("672") ? "" : (stryCov_9fa48("672"), '检测期间结束日期早于开始日期'),
              en: stryMutAct_9fa48("673") ? "" : (stryCov_9fa48("673"), 'testing period ends before it starts')
            }));
          }
        }
        const next = sorted[stryMutAct_9fa48("674") ? i - 1 : (stryCov_9fa48("674"), i + 1)];
        if (stryMutAct_9fa48("677") ? next || p.endDate === null || next.startDate <= excludedUntil(p) : stryMutAct_9fa48("676") ? false : stryMutAct_9fa48("675") ? true : (stryCov_9fa48("675", "676", "677"), next && (stryMutAct_9fa48("679") ? p.endDate === null && next.startDate <= excludedUntil(p) : stryMutAct_9fa48("678") ? true : (stryCov_9fa48("678", "679"), (stryMutAct_9fa48("681") ? p.endDate !== null : stryMutAct_9fa48("680") ? false : (stryCov_9fa48("680", "681"), p.endDate === null)) || (stryMutAct_9fa48("684") ? next.startDate > excludedUntil(p) : stryMutAct_9fa48("683") ? next.startDate < excludedUntil(p) : stryMutAct_9fa48("682") ? false : (stryCov_9fa48("682", "683", "684"), next.startDate <= excludedUntil(p))))))) {
          if (stryMutAct_9fa48("685")) {
            {}
          } else {
            stryCov_9fa48("685");
            problems.push(stryMutAct_9fa48("686") ? {} : (stryCov_9fa48("686"), {
              code: stryMutAct_9fa48("687") ? "" : (stryCov_9fa48("687"), 'testing-overlap'),
              zh: stryMutAct_9fa48("688") ? "" : (stryCov_9fa48("688"), '检测期间相互重叠或前一期间未结束'),
              en: stryMutAct_9fa48("689") ? "" : (stryCov_9fa48("689"), 'testing periods overlap or an earlier one is still open')
            }));
          }
        }
      }
    });
    const ext = input.extension;
    if (stryMutAct_9fa48("691") ? false : stryMutAct_9fa48("690") ? true : (stryCov_9fa48("690", "691"), ext)) {
      if (stryMutAct_9fa48("692")) {
        {}
      } else {
        stryCov_9fa48("692");
        if (stryMutAct_9fa48("695") ? (!Number.isInteger(ext.days) || ext.days < 1) && ext.days > policy.maxExtensionDays : stryMutAct_9fa48("694") ? false : stryMutAct_9fa48("693") ? true : (stryCov_9fa48("693", "694", "695"), (stryMutAct_9fa48("697") ? !Number.isInteger(ext.days) && ext.days < 1 : stryMutAct_9fa48("696") ? false : (stryCov_9fa48("696", "697"), (stryMutAct_9fa48("698") ? Number.isInteger(ext.days) : (stryCov_9fa48("698"), !Number.isInteger(ext.days))) || (stryMutAct_9fa48("701") ? ext.days >= 1 : stryMutAct_9fa48("700") ? ext.days <= 1 : stryMutAct_9fa48("699") ? false : (stryCov_9fa48("699", "700", "701"), ext.days < 1)))) || (stryMutAct_9fa48("704") ? ext.days <= policy.maxExtensionDays : stryMutAct_9fa48("703") ? ext.days >= policy.maxExtensionDays : stryMutAct_9fa48("702") ? false : (stryCov_9fa48("702", "703", "704"), ext.days > policy.maxExtensionDays)))) {
          if (stryMutAct_9fa48("705")) {
            {}
          } else {
            stryCov_9fa48("705");
            problems.push(stryMutAct_9fa48("706") ? {} : (stryCov_9fa48("706"), {
              code: stryMutAct_9fa48("707") ? "" : (stryCov_9fa48("707"), 'extension-days'),
              zh: stryMutAct_9fa48("708") ? `` : (stryCov_9fa48("708"), `延长期限须为1至${policy.maxExtensionDays}日（行政强制法第二十五条第一款）`),
              en: stryMutAct_9fa48("709") ? `` : (stryCov_9fa48("709"), `an extension must be 1 to ${policy.maxExtensionDays} days (art.25(1))`)
            }));
          }
        }
        if (stryMutAct_9fa48("712") ? problems.length !== 0 : stryMutAct_9fa48("711") ? false : stryMutAct_9fa48("710") ? true : (stryCov_9fa48("710", "711", "712"), problems.length === 0)) {
          if (stryMutAct_9fa48("713")) {
            {}
          } else {
            stryCov_9fa48("713");
            const base = computeSeizureTerm(stryMutAct_9fa48("714") ? {} : (stryCov_9fa48("714"), {
              ...input,
              extension: undefined
            }), policy);
            if (stryMutAct_9fa48("718") ? ext.approvedOn <= base.baseEndDate : stryMutAct_9fa48("717") ? ext.approvedOn >= base.baseEndDate : stryMutAct_9fa48("716") ? false : stryMutAct_9fa48("715") ? true : (stryCov_9fa48("715", "716", "717", "718"), ext.approvedOn > base.baseEndDate)) {
              if (stryMutAct_9fa48("719")) {
                {}
              } else {
                stryCov_9fa48("719");
                problems.push(stryMutAct_9fa48("720") ? {} : (stryCov_9fa48("720"), {
                  code: stryMutAct_9fa48("721") ? "" : (stryCov_9fa48("721"), 'extension-late'),
                  zh: stryMutAct_9fa48("722") ? `` : (stryCov_9fa48("722"), `原期限已于${base.baseEndDate}届满，延长决定须在期限届满前作出`),
                  en: stryMutAct_9fa48("723") ? `` : (stryCov_9fa48("723"), `the term ended on ${base.baseEndDate}; an extension must be approved before it ends`)
                }));
              }
            }
          }
        }
      }
    }
    return problems;
  }
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
  if (stryMutAct_9fa48("724")) {
    {}
  } else {
    stryCov_9fa48("724");
    const firstDay = (stryMutAct_9fa48("727") ? policy.startDayRule !== 'next-day' : stryMutAct_9fa48("726") ? false : stryMutAct_9fa48("725") ? true : (stryCov_9fa48("725", "726", "727"), policy.startDayRule === (stryMutAct_9fa48("728") ? "" : (stryCov_9fa48("728"), 'next-day')))) ? addDays(input.seizureDate, 1) : input.seizureDate;
    const periods = input.testingPeriods.map(stryMutAct_9fa48("729") ? () => undefined : (stryCov_9fa48("729"), p => stryMutAct_9fa48("730") ? {} : (stryCov_9fa48("730"), {
      start: toEpochDay(p.startDate),
      end: toEpochDay(excludedUntil(p))
    })));
    const holidays = new Set(policy.statutoryHolidays);
    let excludedDays = 0;
    /** The day on which `days` more counted days are used up, starting the day after `from`. */
    const countFrom = (from: number, days: number): number => {
      if (stryMutAct_9fa48("731")) {
        {}
      } else {
        stryCov_9fa48("731");
        let day = from;
        for (let counted = 0; stryMutAct_9fa48("734") ? counted >= days : stryMutAct_9fa48("733") ? counted <= days : stryMutAct_9fa48("732") ? false : (stryCov_9fa48("732", "733", "734"), counted < days);) {
          if (stryMutAct_9fa48("735")) {
            {}
          } else {
            stryCov_9fa48("735");
            stryMutAct_9fa48("736") ? day-- : (stryCov_9fa48("736"), day++);
            if (stryMutAct_9fa48("739") ? periods.every(p => day >= p.start && day <= p.end) : stryMutAct_9fa48("738") ? false : stryMutAct_9fa48("737") ? true : (stryCov_9fa48("737", "738", "739"), periods.some(stryMutAct_9fa48("740") ? () => undefined : (stryCov_9fa48("740"), p => stryMutAct_9fa48("743") ? day >= p.start || day <= p.end : stryMutAct_9fa48("742") ? false : stryMutAct_9fa48("741") ? true : (stryCov_9fa48("741", "742", "743"), (stryMutAct_9fa48("746") ? day < p.start : stryMutAct_9fa48("745") ? day > p.start : stryMutAct_9fa48("744") ? true : (stryCov_9fa48("744", "745", "746"), day >= p.start)) && (stryMutAct_9fa48("749") ? day > p.end : stryMutAct_9fa48("748") ? day < p.end : stryMutAct_9fa48("747") ? true : (stryCov_9fa48("747", "748", "749"), day <= p.end))))))) stryMutAct_9fa48("750") ? excludedDays-- : (stryCov_9fa48("750"), excludedDays++);else stryMutAct_9fa48("751") ? counted-- : (stryCov_9fa48("751"), counted++);
          }
        }
        return day;
      }
    };
    const baseEnd = rollPastHolidays(countFrom(stryMutAct_9fa48("752") ? toEpochDay(firstDay) + 1 : (stryCov_9fa48("752"), toEpochDay(firstDay) - 1), policy.baseDays), holidays);
    const extensionDays = stryMutAct_9fa48("753") ? input.extension?.days && 0 : (stryCov_9fa48("753"), (stryMutAct_9fa48("754") ? input.extension.days : (stryCov_9fa48("754"), input.extension?.days)) ?? 0);
    const end = (stryMutAct_9fa48("758") ? extensionDays <= 0 : stryMutAct_9fa48("757") ? extensionDays >= 0 : stryMutAct_9fa48("756") ? false : stryMutAct_9fa48("755") ? true : (stryCov_9fa48("755", "756", "757", "758"), extensionDays > 0)) ? rollPastHolidays(countFrom(baseEnd, extensionDays), holidays) : baseEnd;
    return stryMutAct_9fa48("759") ? {} : (stryCov_9fa48("759"), {
      firstDay,
      baseEndDate: fromEpochDay(baseEnd),
      endDate: fromEpochDay(end),
      totalDays: stryMutAct_9fa48("760") ? policy.baseDays - extensionDays : (stryCov_9fa48("760"), policy.baseDays + extensionDays),
      excludedDays
    });
  }
}

/**
 * The statutory holidays that fall within a term, first day to end date inclusive, so an officer can see
 * why the end date moved.
 */
export function holidaysInTerm(input: SeizureTermInput, rules: TermRules): IsoDate[] {
  if (stryMutAct_9fa48("761")) {
    {}
  } else {
    stryCov_9fa48("761");
    const {
      firstDay,
      endDate
    } = computeSeizureTerm(input, rules);
    return stryMutAct_9fa48("762") ? rules.statutoryHolidays : (stryCov_9fa48("762"), rules.statutoryHolidays.filter(stryMutAct_9fa48("763") ? () => undefined : (stryCov_9fa48("763"), d => stryMutAct_9fa48("766") ? d >= firstDay || d <= endDate : stryMutAct_9fa48("765") ? false : stryMutAct_9fa48("764") ? true : (stryCov_9fa48("764", "765", "766"), (stryMutAct_9fa48("769") ? d < firstDay : stryMutAct_9fa48("768") ? d > firstDay : stryMutAct_9fa48("767") ? true : (stryCov_9fa48("767", "768", "769"), d >= firstDay)) && (stryMutAct_9fa48("772") ? d > endDate : stryMutAct_9fa48("771") ? d < endDate : stryMutAct_9fa48("770") ? true : (stryCov_9fa48("770", "771", "772"), d <= endDate))))));
  }
}

/** SAMR art.80: a period whose last day is a statutory holiday ends on the first day after the holiday. */
function rollPastHolidays(day: number, holidays: ReadonlySet<IsoDate>): number {
  if (stryMutAct_9fa48("773")) {
    {}
  } else {
    stryCov_9fa48("773");
    let d = day;
    while (stryMutAct_9fa48("774") ? false : (stryCov_9fa48("774"), holidays.has(fromEpochDay(d)))) stryMutAct_9fa48("775") ? d-- : (stryCov_9fa48("775"), d++);
    return d;
  }
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
  if (stryMutAct_9fa48("776")) {
    {}
  } else {
    stryCov_9fa48("776");
    return periods.find(stryMutAct_9fa48("777") ? () => undefined : (stryCov_9fa48("777"), p => stryMutAct_9fa48("780") ? p.endDate === null || p.notifiedEndDate < onDate : stryMutAct_9fa48("779") ? false : stryMutAct_9fa48("778") ? true : (stryCov_9fa48("778", "779", "780"), (stryMutAct_9fa48("782") ? p.endDate !== null : stryMutAct_9fa48("781") ? true : (stryCov_9fa48("781", "782"), p.endDate === null)) && (stryMutAct_9fa48("785") ? p.notifiedEndDate >= onDate : stryMutAct_9fa48("784") ? p.notifiedEndDate <= onDate : stryMutAct_9fa48("783") ? true : (stryCov_9fa48("783", "784", "785"), p.notifiedEndDate < onDate)))));
  }
}
export function termStatus(input: SeizureTermInput, onDate: IsoDate, policy: TermPolicy = DEFAULT_TERM_POLICY): TermStatus {
  if (stryMutAct_9fa48("786")) {
    {}
  } else {
    stryCov_9fa48("786");
    const term = computeSeizureTerm(input, policy);
    const left = daysBetween(onDate, term.endDate);
    const overdue = overdueTesting(input.testingPeriods, onDate);
    const testing = stryMutAct_9fa48("787") ? input.testingPeriods.every(p => p.endDate === null && p.startDate <= onDate && onDate <= p.notifiedEndDate) : (stryCov_9fa48("787"), input.testingPeriods.some(stryMutAct_9fa48("788") ? () => undefined : (stryCov_9fa48("788"), p => stryMutAct_9fa48("791") ? p.endDate === null && p.startDate <= onDate || onDate <= p.notifiedEndDate : stryMutAct_9fa48("790") ? false : stryMutAct_9fa48("789") ? true : (stryCov_9fa48("789", "790", "791"), (stryMutAct_9fa48("793") ? p.endDate === null || p.startDate <= onDate : stryMutAct_9fa48("792") ? true : (stryCov_9fa48("792", "793"), (stryMutAct_9fa48("795") ? p.endDate !== null : stryMutAct_9fa48("794") ? true : (stryCov_9fa48("794", "795"), p.endDate === null)) && (stryMutAct_9fa48("798") ? p.startDate > onDate : stryMutAct_9fa48("797") ? p.startDate < onDate : stryMutAct_9fa48("796") ? true : (stryCov_9fa48("796", "797", "798"), p.startDate <= onDate)))) && (stryMutAct_9fa48("801") ? onDate > p.notifiedEndDate : stryMutAct_9fa48("800") ? onDate < p.notifiedEndDate : stryMutAct_9fa48("799") ? true : (stryCov_9fa48("799", "800", "801"), onDate <= p.notifiedEndDate))))));
    let state: TermState;
    if (stryMutAct_9fa48("805") ? onDate >= term.firstDay : stryMutAct_9fa48("804") ? onDate <= term.firstDay : stryMutAct_9fa48("803") ? false : stryMutAct_9fa48("802") ? true : (stryCov_9fa48("802", "803", "804", "805"), onDate < term.firstDay)) state = stryMutAct_9fa48("806") ? "" : (stryCov_9fa48("806"), 'not-started');else if (stryMutAct_9fa48("810") ? left >= 0 : stryMutAct_9fa48("809") ? left <= 0 : stryMutAct_9fa48("808") ? false : stryMutAct_9fa48("807") ? true : (stryCov_9fa48("807", "808", "809", "810"), left < 0)) state = stryMutAct_9fa48("811") ? "" : (stryCov_9fa48("811"), 'expired');else if (stryMutAct_9fa48("814") ? left !== 0 : stryMutAct_9fa48("813") ? false : stryMutAct_9fa48("812") ? true : (stryCov_9fa48("812", "813", "814"), left === 0)) state = stryMutAct_9fa48("815") ? "" : (stryCov_9fa48("815"), 'last-day');else if (stryMutAct_9fa48("817") ? false : stryMutAct_9fa48("816") ? true : (stryCov_9fa48("816", "817"), overdue)) state = stryMutAct_9fa48("818") ? "" : (stryCov_9fa48("818"), 'testing-overdue');else if (stryMutAct_9fa48("820") ? false : stryMutAct_9fa48("819") ? true : (stryCov_9fa48("819", "820"), testing)) state = stryMutAct_9fa48("821") ? "" : (stryCov_9fa48("821"), 'paused');else if (stryMutAct_9fa48("825") ? left > policy.warnWithinDays : stryMutAct_9fa48("824") ? left < policy.warnWithinDays : stryMutAct_9fa48("823") ? false : stryMutAct_9fa48("822") ? true : (stryCov_9fa48("822", "823", "824", "825"), left <= policy.warnWithinDays)) state = stryMutAct_9fa48("826") ? "" : (stryCov_9fa48("826"), 'due-soon');else state = stryMutAct_9fa48("827") ? "" : (stryCov_9fa48("827"), 'running');
    const warnings: Bilingual[] = stryMutAct_9fa48("828") ? ["Stryker was here"] : (stryCov_9fa48("828"), []);
    if (stryMutAct_9fa48("830") ? false : stryMutAct_9fa48("829") ? true : (stryCov_9fa48("829", "830"), overdue)) {
      if (stryMutAct_9fa48("831")) {
        {}
      } else {
        stryCov_9fa48("831");
        warnings.push(stryMutAct_9fa48("832") ? {} : (stryCov_9fa48("832"), {
          code: stryMutAct_9fa48("833") ? "" : (stryCov_9fa48("833"), 'testing-overdue'),
          zh: stryMutAct_9fa48("834") ? `` : (stryCov_9fa48("834"), `检测期间已于${overdue.notifiedEndDate}届满（以书面告知的期间为准），尚未登记检测结果；此后的日数计入查封、扣押期限（行政强制法第二十五条第三款）`),
          en: stryMutAct_9fa48("835") ? `` : (stryCov_9fa48("835"), `the notified testing period ended on ${overdue.notifiedEndDate} without a result; the term runs again from the next day (art.25(3))`)
        }));
      }
    }
    if (stryMutAct_9fa48("838") ? state !== 'expired' : stryMutAct_9fa48("837") ? false : stryMutAct_9fa48("836") ? true : (stryCov_9fa48("836", "837", "838"), state === (stryMutAct_9fa48("839") ? "" : (stryCov_9fa48("839"), 'expired')))) {
      if (stryMutAct_9fa48("840")) {
        {}
      } else {
        stryCov_9fa48("840");
        warnings.push(stryMutAct_9fa48("841") ? {} : (stryCov_9fa48("841"), {
          code: stryMutAct_9fa48("842") ? "" : (stryCov_9fa48("842"), 'term-expired'),
          zh: stryMutAct_9fa48("843") ? `` : (stryCov_9fa48("843"), `查封、扣押期限已于${term.endDate}届满，应当及时解除（行政强制法第二十八条第一款第四项）`),
          en: stryMutAct_9fa48("844") ? `` : (stryCov_9fa48("844"), `the seizure term ended on ${term.endDate}; the measure must be released (art.28(4))`)
        }));
      }
    } else if (stryMutAct_9fa48("847") ? left >= 0 && left <= policy.warnWithinDays || state !== 'not-started' : stryMutAct_9fa48("846") ? false : stryMutAct_9fa48("845") ? true : (stryCov_9fa48("845", "846", "847"), (stryMutAct_9fa48("849") ? left >= 0 || left <= policy.warnWithinDays : stryMutAct_9fa48("848") ? true : (stryCov_9fa48("848", "849"), (stryMutAct_9fa48("852") ? left < 0 : stryMutAct_9fa48("851") ? left > 0 : stryMutAct_9fa48("850") ? true : (stryCov_9fa48("850", "851", "852"), left >= 0)) && (stryMutAct_9fa48("855") ? left > policy.warnWithinDays : stryMutAct_9fa48("854") ? left < policy.warnWithinDays : stryMutAct_9fa48("853") ? true : (stryCov_9fa48("853", "854", "855"), left <= policy.warnWithinDays)))) && (stryMutAct_9fa48("857") ? state === 'not-started' : stryMutAct_9fa48("856") ? true : (stryCov_9fa48("856", "857"), state !== (stryMutAct_9fa48("858") ? "" : (stryCov_9fa48("858"), 'not-started')))))) {
      if (stryMutAct_9fa48("859")) {
        {}
      } else {
        stryCov_9fa48("859");
        warnings.push(stryMutAct_9fa48("860") ? {} : (stryCov_9fa48("860"), {
          code: stryMutAct_9fa48("861") ? "" : (stryCov_9fa48("861"), 'term-due-soon'),
          zh: stryMutAct_9fa48("862") ? `` : (stryCov_9fa48("862"), `查封、扣押期限将于${term.endDate}届满，剩余${left}日，请在期限内作出处理决定（行政强制法第二十七条）`),
          en: stryMutAct_9fa48("863") ? `` : (stryCov_9fa48("863"), `the seizure term ends on ${term.endDate} (${left} days left); decide within the term (art.27)`)
        }));
        if (stryMutAct_9fa48("866") ? false : stryMutAct_9fa48("865") ? true : stryMutAct_9fa48("864") ? input.extension : (stryCov_9fa48("864", "865", "866"), !input.extension)) {
          if (stryMutAct_9fa48("867")) {
            {}
          } else {
            stryCov_9fa48("867");
            warnings.push(stryMutAct_9fa48("868") ? {} : (stryCov_9fa48("868"), {
              code: stryMutAct_9fa48("869") ? "" : (stryCov_9fa48("869"), 'extension-window'),
              zh: stryMutAct_9fa48("870") ? "" : (stryCov_9fa48("870"), '如情况复杂需延长，须在期限届满前经负责人批准并书面告知当事人（行政强制法第二十五条第一款、第二款）'),
              en: stryMutAct_9fa48("871") ? "" : (stryCov_9fa48("871"), 'an extension, if needed, must be approved and notified in writing before the term ends (art.25(1), (2))')
            }));
          }
        }
      }
    }
    return stryMutAct_9fa48("872") ? {} : (stryCov_9fa48("872"), {
      state,
      remainingDays: left,
      warnings
    });
  }
}