/**
 * Enforcement case (查封、扣押案件): the case record, its forward-only life cycle and the check of
 * legal completeness before the decision is issued (行政强制法 arts 18, 19, 24; SAMR rule arts 36, 43).
 *
 * Life cycle (phase only moves forward; testing is tracked as periods beside the phase, because
 * "in testing" pauses the term without being a step in the case's progress):
 *
 *   draft ──decide──▶ seized ──extend──▶ extended
 *                       │                   │
 *                       ├──release──────────┼──▶ released        (art.28; coal returned)
 *                       ├──confiscate───────┼──▶ confiscated ──hand-over──▶ handed-over
 *                       └──destroy──────────┴──▶ destroyed       (also from confiscated)
 *
 *   start-testing / change-testing / end-testing: allowed in seized and extended; release,
 *   confiscation, destruction and extension need testing closed, so the term they are judged against
 *   is known.
 *
 * The term runs from the day the coal was taken (seizedAt); the decision is dated when it was made, and a
 * decision or service on a later day than the seizure is an exception that needs a recorded reason.
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
import { computeSeizureTerm, DEFAULT_TERM_POLICY, shanghaiDate, validateTermInput, type Bilingual, type IsoDate, type TermRules, type TestingPeriod } from './seizure-term.ts';
export type { Bilingual } from './seizure-term.ts';
export type PartyKind = 'person' | 'company';
export interface Party {
  kind: PartyKind;
  /** 'driver' or 'owner': a seizure of a truck's coal usually names both. */
  role: 'driver' | 'owner' | 'other';
  name: string;
  /** Resident ID number for a person, unified social credit code for a company. */
  idNumber?: string;
  creditCode?: string;
  address: string;
  phone?: string;
  /** Legal representative or person in charge, for a company. */
  representative?: string;
}
export type MeasurementMethod = 'weighbridge' | 'waybill' | 'estimate';
export interface SeizedItem {
  coalKind: string;
  quantityKg: number;
  measuredBy: MeasurementMethod;
  /** Weighbridge ticket number when weighed. */
  weighTicketNo?: string;
  sealNumbers: string[];
  vehiclePlate?: string;
  remarks?: string;
}
export interface Officer {
  name: string;
  credentialNo: string;
}
export interface Approval {
  approverName: string;
  /** ISO instant. */
  approvedAt: string;
  /** Emergency seizure on the spot (art.19): approval is obtained afterwards, within 24 hours. */
  emergency: boolean;
}
export interface Witness {
  name: string;
  idNumber?: string;
  /** Unit or basic-level organisation of the witness. */
  unit?: string;
}
export type MeasureKind = 'seal-up' | 'detain';
export interface CaseRecord {
  caseId: string;
  parties: Party[];
  reason: string;
  /** Ids into data/legal-basis.json. */
  legalBasisIds: string[];
  measure: MeasureKind;
  items: SeizedItem[];
  custody: {
    disposalPointId: string;
    name: string;
    address: string;
  } | null;
  approval: Approval | null;
  officers: Officer[];
  /** ISO instant the measure was carried out. */
  seizedAt: string;
  place: string;
  credentialsShown: boolean;
  rightsNotified: boolean;
  partyPresent: boolean;
  partyRefusedToSign: boolean;
  witness: Witness | null;
  /** 陈述、申辩; the text "放弃陈述申辩" is a valid statement. */
  partyStatement: string;
}
const HOURS_24_MS = stryMutAct_9fa48("0") ? 24 / 3_600_000 : (stryCov_9fa48("0"), 24 * 3_600_000);
function missing(code: string, zh: string, en: string): Bilingual {
  if (stryMutAct_9fa48("1")) {
    {}
  } else {
    stryCov_9fa48("1");
    return stryMutAct_9fa48("2") ? {} : (stryCov_9fa48("2"), {
      code,
      zh,
      en
    });
  }
}

/** Every legally required element the case lacks before the decision may be issued; empty when complete. */
export function validateCaseCompleteness(c: CaseRecord): Bilingual[] {
  if (stryMutAct_9fa48("3")) {
    {}
  } else {
    stryCov_9fa48("3");
    const out: Bilingual[] = stryMutAct_9fa48("4") ? ["Stryker was here"] : (stryCov_9fa48("4"), []);
    if (stryMutAct_9fa48("7") ? c.parties.length !== 0 : stryMutAct_9fa48("6") ? false : stryMutAct_9fa48("5") ? true : (stryCov_9fa48("5", "6", "7"), c.parties.length === 0)) out.push(missing(stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), 'party'), stryMutAct_9fa48("9") ? "" : (stryCov_9fa48("9"), '缺少当事人'), stryMutAct_9fa48("10") ? "" : (stryCov_9fa48("10"), 'no party')));
    c.parties.forEach((p, i) => {
      if (stryMutAct_9fa48("11")) {
        {}
      } else {
        stryCov_9fa48("11");
        const who = stryMutAct_9fa48("12") ? `` : (stryCov_9fa48("12"), `当事人${stryMutAct_9fa48("13") ? i - 1 : (stryCov_9fa48("13"), i + 1)}`);
        if (stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : stryMutAct_9fa48("14") ? p.name.trim() : (stryCov_9fa48("14", "15", "16"), !(stryMutAct_9fa48("17") ? p.name : (stryCov_9fa48("17"), p.name.trim())))) out.push(missing(stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), 'party-name'), stryMutAct_9fa48("19") ? `` : (stryCov_9fa48("19"), `${who}缺少姓名或名称`), stryMutAct_9fa48("20") ? `` : (stryCov_9fa48("20"), `party ${stryMutAct_9fa48("21") ? i - 1 : (stryCov_9fa48("21"), i + 1)}: name missing`)));
        if (stryMutAct_9fa48("24") ? false : stryMutAct_9fa48("23") ? true : stryMutAct_9fa48("22") ? p.address.trim() : (stryCov_9fa48("22", "23", "24"), !(stryMutAct_9fa48("25") ? p.address : (stryCov_9fa48("25"), p.address.trim())))) out.push(missing(stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), 'party-address'), stryMutAct_9fa48("27") ? `` : (stryCov_9fa48("27"), `${who}缺少地址`), stryMutAct_9fa48("28") ? `` : (stryCov_9fa48("28"), `party ${stryMutAct_9fa48("29") ? i - 1 : (stryCov_9fa48("29"), i + 1)}: address missing`)));
        if (stryMutAct_9fa48("32") ? p.kind === 'person' || !p.idNumber?.trim() : stryMutAct_9fa48("31") ? false : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31", "32"), (stryMutAct_9fa48("34") ? p.kind !== 'person' : stryMutAct_9fa48("33") ? true : (stryCov_9fa48("33", "34"), p.kind === (stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), 'person')))) && (stryMutAct_9fa48("36") ? p.idNumber?.trim() : (stryCov_9fa48("36"), !(stryMutAct_9fa48("38") ? p.idNumber.trim() : stryMutAct_9fa48("37") ? p.idNumber : (stryCov_9fa48("37", "38"), p.idNumber?.trim())))))) {
          if (stryMutAct_9fa48("39")) {
            {}
          } else {
            stryCov_9fa48("39");
            out.push(missing(stryMutAct_9fa48("40") ? "" : (stryCov_9fa48("40"), 'party-id'), stryMutAct_9fa48("41") ? `` : (stryCov_9fa48("41"), `${who}缺少身份证件号码`), stryMutAct_9fa48("42") ? `` : (stryCov_9fa48("42"), `party ${stryMutAct_9fa48("43") ? i - 1 : (stryCov_9fa48("43"), i + 1)}: ID number missing`)));
          }
        }
        if (stryMutAct_9fa48("46") ? p.kind === 'company' || !p.creditCode?.trim() : stryMutAct_9fa48("45") ? false : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45", "46"), (stryMutAct_9fa48("48") ? p.kind !== 'company' : stryMutAct_9fa48("47") ? true : (stryCov_9fa48("47", "48"), p.kind === (stryMutAct_9fa48("49") ? "" : (stryCov_9fa48("49"), 'company')))) && (stryMutAct_9fa48("50") ? p.creditCode?.trim() : (stryCov_9fa48("50"), !(stryMutAct_9fa48("52") ? p.creditCode.trim() : stryMutAct_9fa48("51") ? p.creditCode : (stryCov_9fa48("51", "52"), p.creditCode?.trim())))))) {
          if (stryMutAct_9fa48("53")) {
            {}
          } else {
            stryCov_9fa48("53");
            out.push(missing(stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'party-credit-code'), stryMutAct_9fa48("55") ? `` : (stryCov_9fa48("55"), `${who}缺少统一社会信用代码`), stryMutAct_9fa48("56") ? `` : (stryCov_9fa48("56"), `party ${stryMutAct_9fa48("57") ? i - 1 : (stryCov_9fa48("57"), i + 1)}: unified social credit code missing`)));
          }
        }
      }
    });
    if (stryMutAct_9fa48("60") ? false : stryMutAct_9fa48("59") ? true : stryMutAct_9fa48("58") ? c.reason.trim() : (stryCov_9fa48("58", "59", "60"), !(stryMutAct_9fa48("61") ? c.reason : (stryCov_9fa48("61"), c.reason.trim())))) out.push(missing(stryMutAct_9fa48("62") ? "" : (stryCov_9fa48("62"), 'reason'), stryMutAct_9fa48("63") ? "" : (stryCov_9fa48("63"), '缺少查封、扣押理由'), stryMutAct_9fa48("64") ? "" : (stryCov_9fa48("64"), 'no reason')));
    if (stryMutAct_9fa48("67") ? c.legalBasisIds.length !== 0 : stryMutAct_9fa48("66") ? false : stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65", "66", "67"), c.legalBasisIds.length === 0)) out.push(missing(stryMutAct_9fa48("68") ? "" : (stryCov_9fa48("68"), 'legal-basis'), stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), '缺少法律依据'), stryMutAct_9fa48("70") ? "" : (stryCov_9fa48("70"), 'no legal basis')));
    if (stryMutAct_9fa48("73") ? c.items.length !== 0 : stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72", "73"), c.items.length === 0)) out.push(missing(stryMutAct_9fa48("74") ? "" : (stryCov_9fa48("74"), 'items'), stryMutAct_9fa48("75") ? "" : (stryCov_9fa48("75"), '缺少查封、扣押财物'), stryMutAct_9fa48("76") ? "" : (stryCov_9fa48("76"), 'no seized items')));
    c.items.forEach((item, i) => {
      if (stryMutAct_9fa48("77")) {
        {}
      } else {
        stryCov_9fa48("77");
        const what = stryMutAct_9fa48("78") ? `` : (stryCov_9fa48("78"), `财物${stryMutAct_9fa48("79") ? i - 1 : (stryCov_9fa48("79"), i + 1)}`);
        if (stryMutAct_9fa48("82") ? false : stryMutAct_9fa48("81") ? true : stryMutAct_9fa48("80") ? item.coalKind.trim() : (stryCov_9fa48("80", "81", "82"), !(stryMutAct_9fa48("83") ? item.coalKind : (stryCov_9fa48("83"), item.coalKind.trim())))) out.push(missing(stryMutAct_9fa48("84") ? "" : (stryCov_9fa48("84"), 'item-name'), stryMutAct_9fa48("85") ? `` : (stryCov_9fa48("85"), `${what}缺少名称`), stryMutAct_9fa48("86") ? `` : (stryCov_9fa48("86"), `item ${stryMutAct_9fa48("87") ? i - 1 : (stryCov_9fa48("87"), i + 1)}: coal kind missing`)));
        if (stryMutAct_9fa48("90") ? !Number.isInteger(item.quantityKg) && item.quantityKg <= 0 : stryMutAct_9fa48("89") ? false : stryMutAct_9fa48("88") ? true : (stryCov_9fa48("88", "89", "90"), (stryMutAct_9fa48("91") ? Number.isInteger(item.quantityKg) : (stryCov_9fa48("91"), !Number.isInteger(item.quantityKg))) || (stryMutAct_9fa48("94") ? item.quantityKg > 0 : stryMutAct_9fa48("93") ? item.quantityKg < 0 : stryMutAct_9fa48("92") ? false : (stryCov_9fa48("92", "93", "94"), item.quantityKg <= 0)))) {
          if (stryMutAct_9fa48("95")) {
            {}
          } else {
            stryCov_9fa48("95");
            out.push(missing(stryMutAct_9fa48("96") ? "" : (stryCov_9fa48("96"), 'item-quantity'), stryMutAct_9fa48("97") ? `` : (stryCov_9fa48("97"), `${what}数量须为正整数千克`), stryMutAct_9fa48("98") ? `` : (stryCov_9fa48("98"), `item ${stryMutAct_9fa48("99") ? i - 1 : (stryCov_9fa48("99"), i + 1)}: quantity must be a positive whole number of kg`)));
          }
        }
        if (stryMutAct_9fa48("102") ? item.measuredBy === 'weighbridge' || !item.weighTicketNo?.trim() : stryMutAct_9fa48("101") ? false : stryMutAct_9fa48("100") ? true : (stryCov_9fa48("100", "101", "102"), (stryMutAct_9fa48("104") ? item.measuredBy !== 'weighbridge' : stryMutAct_9fa48("103") ? true : (stryCov_9fa48("103", "104"), item.measuredBy === (stryMutAct_9fa48("105") ? "" : (stryCov_9fa48("105"), 'weighbridge')))) && (stryMutAct_9fa48("106") ? item.weighTicketNo?.trim() : (stryCov_9fa48("106"), !(stryMutAct_9fa48("108") ? item.weighTicketNo.trim() : stryMutAct_9fa48("107") ? item.weighTicketNo : (stryCov_9fa48("107", "108"), item.weighTicketNo?.trim())))))) {
          if (stryMutAct_9fa48("109")) {
            {}
          } else {
            stryCov_9fa48("109");
            out.push(missing(stryMutAct_9fa48("110") ? "" : (stryCov_9fa48("110"), 'item-weigh-ticket'), stryMutAct_9fa48("111") ? `` : (stryCov_9fa48("111"), `${what}缺少过磅单号`), stryMutAct_9fa48("112") ? `` : (stryCov_9fa48("112"), `item ${stryMutAct_9fa48("113") ? i - 1 : (stryCov_9fa48("113"), i + 1)}: weighbridge ticket number missing`)));
          }
        }
        // SAMR art.41: sealed property carries the agency's seals.
        if (stryMutAct_9fa48("116") ? c.measure === 'seal-up' || item.sealNumbers.length === 0 : stryMutAct_9fa48("115") ? false : stryMutAct_9fa48("114") ? true : (stryCov_9fa48("114", "115", "116"), (stryMutAct_9fa48("118") ? c.measure !== 'seal-up' : stryMutAct_9fa48("117") ? true : (stryCov_9fa48("117", "118"), c.measure === (stryMutAct_9fa48("119") ? "" : (stryCov_9fa48("119"), 'seal-up')))) && (stryMutAct_9fa48("121") ? item.sealNumbers.length !== 0 : stryMutAct_9fa48("120") ? true : (stryCov_9fa48("120", "121"), item.sealNumbers.length === 0)))) {
          if (stryMutAct_9fa48("122")) {
            {}
          } else {
            stryCov_9fa48("122");
            out.push(missing(stryMutAct_9fa48("123") ? "" : (stryCov_9fa48("123"), 'item-seal'), stryMutAct_9fa48("124") ? `` : (stryCov_9fa48("124"), `${what}缺少封条编号`), stryMutAct_9fa48("125") ? `` : (stryCov_9fa48("125"), `item ${stryMutAct_9fa48("126") ? i - 1 : (stryCov_9fa48("126"), i + 1)}: seal numbers missing`)));
          }
        }
      }
    });
    if (stryMutAct_9fa48("129") ? false : stryMutAct_9fa48("128") ? true : stryMutAct_9fa48("127") ? c.custody : (stryCov_9fa48("127", "128", "129"), !c.custody)) out.push(missing(stryMutAct_9fa48("130") ? "" : (stryCov_9fa48("130"), 'custody'), stryMutAct_9fa48("131") ? "" : (stryCov_9fa48("131"), '缺少保管场所（处置点）'), stryMutAct_9fa48("132") ? "" : (stryCov_9fa48("132"), 'no place of custody')));
    if (stryMutAct_9fa48("135") ? false : stryMutAct_9fa48("134") ? true : stryMutAct_9fa48("133") ? c.approval : (stryCov_9fa48("133", "134", "135"), !c.approval)) {
      if (stryMutAct_9fa48("136")) {
        {}
      } else {
        stryCov_9fa48("136");
        out.push(missing(stryMutAct_9fa48("137") ? "" : (stryCov_9fa48("137"), 'approval'), stryMutAct_9fa48("138") ? "" : (stryCov_9fa48("138"), '缺少行政机关负责人批准（行政强制法第十八条第一项）'), stryMutAct_9fa48("139") ? "" : (stryCov_9fa48("139"), "no approval by the agency head (art.18(1))")));
      }
    } else {
      if (stryMutAct_9fa48("140")) {
        {}
      } else {
        stryCov_9fa48("140");
        if (stryMutAct_9fa48("143") ? false : stryMutAct_9fa48("142") ? true : stryMutAct_9fa48("141") ? c.approval.approverName.trim() : (stryCov_9fa48("141", "142", "143"), !(stryMutAct_9fa48("144") ? c.approval.approverName : (stryCov_9fa48("144"), c.approval.approverName.trim())))) out.push(missing(stryMutAct_9fa48("145") ? "" : (stryCov_9fa48("145"), 'approver'), stryMutAct_9fa48("146") ? "" : (stryCov_9fa48("146"), '缺少批准人'), stryMutAct_9fa48("147") ? "" : (stryCov_9fa48("147"), 'approver name missing')));
        const lag = stryMutAct_9fa48("148") ? Date.parse(c.approval.approvedAt) + Date.parse(c.seizedAt) : (stryCov_9fa48("148"), Date.parse(c.approval.approvedAt) - Date.parse(c.seizedAt));
        if (stryMutAct_9fa48("150") ? false : stryMutAct_9fa48("149") ? true : (stryCov_9fa48("149", "150"), Number.isNaN(lag))) {
          if (stryMutAct_9fa48("151")) {
            {}
          } else {
            stryCov_9fa48("151");
            out.push(missing(stryMutAct_9fa48("152") ? "" : (stryCov_9fa48("152"), 'approval-time'), stryMutAct_9fa48("153") ? "" : (stryCov_9fa48("153"), '批准时间或实施时间无效'), stryMutAct_9fa48("154") ? "" : (stryCov_9fa48("154"), 'approval or seizure time invalid')));
          }
        } else if (stryMutAct_9fa48("157") ? c.approval.emergency || lag >= HOURS_24_MS : stryMutAct_9fa48("156") ? false : stryMutAct_9fa48("155") ? true : (stryCov_9fa48("155", "156", "157"), c.approval.emergency && (stryMutAct_9fa48("160") ? lag < HOURS_24_MS : stryMutAct_9fa48("159") ? lag > HOURS_24_MS : stryMutAct_9fa48("158") ? true : (stryCov_9fa48("158", "159", "160"), lag >= HOURS_24_MS)))) {
          if (stryMutAct_9fa48("161")) {
            {}
          } else {
            stryCov_9fa48("161");
            // "二十四小时内": an approval at the 24th hour or later is out of time.
            out.push(missing(stryMutAct_9fa48("162") ? "" : (stryCov_9fa48("162"), 'approval-late'), stryMutAct_9fa48("163") ? "" : (stryCov_9fa48("163"), '紧急实施后未在二十四小时内补办批准手续（行政强制法第十九条）'), stryMutAct_9fa48("164") ? "" : (stryCov_9fa48("164"), 'emergency seizure not approved within 24 hours (art.19)')));
          }
        } else if (stryMutAct_9fa48("167") ? !c.approval.emergency || lag > 0 : stryMutAct_9fa48("166") ? false : stryMutAct_9fa48("165") ? true : (stryCov_9fa48("165", "166", "167"), (stryMutAct_9fa48("168") ? c.approval.emergency : (stryCov_9fa48("168"), !c.approval.emergency)) && (stryMutAct_9fa48("171") ? lag <= 0 : stryMutAct_9fa48("170") ? lag >= 0 : stryMutAct_9fa48("169") ? true : (stryCov_9fa48("169", "170", "171"), lag > 0)))) {
          if (stryMutAct_9fa48("172")) {
            {}
          } else {
            stryCov_9fa48("172");
            out.push(missing(stryMutAct_9fa48("173") ? "" : (stryCov_9fa48("173"), 'approval-after'), stryMutAct_9fa48("174") ? "" : (stryCov_9fa48("174"), '非紧急情况须在实施前批准'), stryMutAct_9fa48("175") ? "" : (stryCov_9fa48("175"), 'a non-emergency seizure must be approved before it is carried out')));
          }
        }
      }
    }
    const credentialed = stryMutAct_9fa48("176") ? c.officers : (stryCov_9fa48("176"), c.officers.filter(stryMutAct_9fa48("177") ? () => undefined : (stryCov_9fa48("177"), o => stryMutAct_9fa48("180") ? o.name.trim() || o.credentialNo.trim() : stryMutAct_9fa48("179") ? false : stryMutAct_9fa48("178") ? true : (stryCov_9fa48("178", "179", "180"), (stryMutAct_9fa48("181") ? o.name : (stryCov_9fa48("181"), o.name.trim())) && (stryMutAct_9fa48("182") ? o.credentialNo : (stryCov_9fa48("182"), o.credentialNo.trim()))))));
    const distinct = new Set(credentialed.map(stryMutAct_9fa48("183") ? () => undefined : (stryCov_9fa48("183"), o => stryMutAct_9fa48("184") ? o.credentialNo : (stryCov_9fa48("184"), o.credentialNo.trim()))));
    if (stryMutAct_9fa48("188") ? distinct.size >= 2 : stryMutAct_9fa48("187") ? distinct.size <= 2 : stryMutAct_9fa48("186") ? false : stryMutAct_9fa48("185") ? true : (stryCov_9fa48("185", "186", "187", "188"), distinct.size < 2)) {
      if (stryMutAct_9fa48("189")) {
        {}
      } else {
        stryCov_9fa48("189");
        out.push(missing(stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), 'officers'), stryMutAct_9fa48("191") ? "" : (stryCov_9fa48("191"), '须由两名以上持有执法证件的行政执法人员实施（行政强制法第十八条第二项）'), stryMutAct_9fa48("192") ? "" : (stryCov_9fa48("192"), 'at least two officers with distinct credential numbers (art.18(2))')));
      }
    }
    if (stryMutAct_9fa48("195") ? false : stryMutAct_9fa48("194") ? true : stryMutAct_9fa48("193") ? c.credentialsShown : (stryCov_9fa48("193", "194", "195"), !c.credentialsShown)) out.push(missing(stryMutAct_9fa48("196") ? "" : (stryCov_9fa48("196"), 'credentials-shown'), stryMutAct_9fa48("197") ? "" : (stryCov_9fa48("197"), '未记录出示执法身份证件'), stryMutAct_9fa48("198") ? "" : (stryCov_9fa48("198"), 'showing of credentials not recorded (art.18(3))')));
    if (stryMutAct_9fa48("201") ? false : stryMutAct_9fa48("200") ? true : stryMutAct_9fa48("199") ? c.rightsNotified : (stryCov_9fa48("199", "200", "201"), !c.rightsNotified)) out.push(missing(stryMutAct_9fa48("202") ? "" : (stryCov_9fa48("202"), 'rights-notified'), stryMutAct_9fa48("203") ? "" : (stryCov_9fa48("203"), '未记录告知理由、依据、权利和救济途径'), stryMutAct_9fa48("204") ? "" : (stryCov_9fa48("204"), 'notice of reasons, basis, rights and remedies not recorded (art.18(5))')));
    if (stryMutAct_9fa48("207") ? false : stryMutAct_9fa48("206") ? true : stryMutAct_9fa48("205") ? c.place.trim() : (stryCov_9fa48("205", "206", "207"), !(stryMutAct_9fa48("208") ? c.place : (stryCov_9fa48("208"), c.place.trim())))) out.push(missing(stryMutAct_9fa48("209") ? "" : (stryCov_9fa48("209"), 'place'), stryMutAct_9fa48("210") ? "" : (stryCov_9fa48("210"), '缺少实施地点'), stryMutAct_9fa48("211") ? "" : (stryCov_9fa48("211"), 'no place')));
    if (stryMutAct_9fa48("213") ? false : stryMutAct_9fa48("212") ? true : (stryCov_9fa48("212", "213"), Number.isNaN(Date.parse(c.seizedAt)))) out.push(missing(stryMutAct_9fa48("214") ? "" : (stryCov_9fa48("214"), 'seized-at'), stryMutAct_9fa48("215") ? "" : (stryCov_9fa48("215"), '缺少实施时间'), stryMutAct_9fa48("216") ? "" : (stryCov_9fa48("216"), 'no time of seizure')));

    // 行政强制法 art.18(9) makes a witness mandatory when the party is absent; the issue extends it
    // to refusal to sign (SAMR art.43 "必要时"), the stricter reading.
    if (stryMutAct_9fa48("219") ? !c.partyPresent || !c.witness?.name.trim() : stryMutAct_9fa48("218") ? false : stryMutAct_9fa48("217") ? true : (stryCov_9fa48("217", "218", "219"), (stryMutAct_9fa48("220") ? c.partyPresent : (stryCov_9fa48("220"), !c.partyPresent)) && (stryMutAct_9fa48("221") ? c.witness?.name.trim() : (stryCov_9fa48("221"), !(stryMutAct_9fa48("223") ? c.witness.name.trim() : stryMutAct_9fa48("222") ? c.witness?.name : (stryCov_9fa48("222", "223"), c.witness?.name.trim())))))) {
      if (stryMutAct_9fa48("224")) {
        {}
      } else {
        stryCov_9fa48("224");
        out.push(missing(stryMutAct_9fa48("225") ? "" : (stryCov_9fa48("225"), 'witness-absent'), stryMutAct_9fa48("226") ? "" : (stryCov_9fa48("226"), '当事人不到场的，须邀请见证人到场（行政强制法第十八条第九项）'), stryMutAct_9fa48("227") ? "" : (stryCov_9fa48("227"), 'party absent: a witness is required (art.18(9))')));
      }
    }
    if (stryMutAct_9fa48("230") ? c.partyPresent && c.partyRefusedToSign || !c.witness?.name.trim() : stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229", "230"), (stryMutAct_9fa48("232") ? c.partyPresent || c.partyRefusedToSign : stryMutAct_9fa48("231") ? true : (stryCov_9fa48("231", "232"), c.partyPresent && c.partyRefusedToSign)) && (stryMutAct_9fa48("233") ? c.witness?.name.trim() : (stryCov_9fa48("233"), !(stryMutAct_9fa48("235") ? c.witness.name.trim() : stryMutAct_9fa48("234") ? c.witness?.name : (stryCov_9fa48("234", "235"), c.witness?.name.trim())))))) {
      if (stryMutAct_9fa48("236")) {
        {}
      } else {
        stryCov_9fa48("236");
        out.push(missing(stryMutAct_9fa48("237") ? "" : (stryCov_9fa48("237"), 'witness-refusal'), stryMutAct_9fa48("238") ? "" : (stryCov_9fa48("238"), '当事人拒绝签名的，须注明并由见证人签名'), stryMutAct_9fa48("239") ? "" : (stryCov_9fa48("239"), 'party refused to sign: a witness is required')));
      }
    }
    if (stryMutAct_9fa48("242") ? c.partyPresent || !c.partyStatement.trim() : stryMutAct_9fa48("241") ? false : stryMutAct_9fa48("240") ? true : (stryCov_9fa48("240", "241", "242"), c.partyPresent && (stryMutAct_9fa48("243") ? c.partyStatement.trim() : (stryCov_9fa48("243"), !(stryMutAct_9fa48("244") ? c.partyStatement : (stryCov_9fa48("244"), c.partyStatement.trim())))))) {
      if (stryMutAct_9fa48("245")) {
        {}
      } else {
        stryCov_9fa48("245");
        out.push(missing(stryMutAct_9fa48("246") ? "" : (stryCov_9fa48("246"), 'statement'), stryMutAct_9fa48("247") ? "" : (stryCov_9fa48("247"), '缺少当事人陈述、申辩（或放弃陈述申辩的记录）'), stryMutAct_9fa48("248") ? "" : (stryCov_9fa48("248"), "no record of the party's statement or its waiver (art.18(6))")));
      }
    }
    return out;
  }
}
const dayOf = stryMutAct_9fa48("249") ? () => undefined : (stryCov_9fa48("249"), (() => {
  const dayOf = (instant: string) => shanghaiDate(new Date(instant));
  return dayOf;
})());

/**
 * The order of the dates of a decision (行政强制法 art.24: made and handed over on the spot): the coal is
 * taken, the decision made, then served, none of it in the future. A decision or service on a later day
 * than the seizure needs a reason on the record. Empty when the dates are possible.
 */
export function validateDecisionTimes(seizedAt: string, t: DecisionTimes): Bilingual[] {
  if (stryMutAct_9fa48("250")) {
    {}
  } else {
    stryCov_9fa48("250");
    const at = stryMutAct_9fa48("251") ? {} : (stryCov_9fa48("251"), {
      seized: Date.parse(seizedAt),
      decided: Date.parse(t.decidedAt),
      served: Date.parse(t.servedAt),
      now: Date.parse(t.now)
    });
    if (stryMutAct_9fa48("254") ? Object.values(at).every(Number.isNaN) : stryMutAct_9fa48("253") ? false : stryMutAct_9fa48("252") ? true : (stryCov_9fa48("252", "253", "254"), Object.values(at).some(Number.isNaN))) return stryMutAct_9fa48("255") ? [] : (stryCov_9fa48("255"), [missing(stryMutAct_9fa48("256") ? "" : (stryCov_9fa48("256"), 'times-invalid'), stryMutAct_9fa48("257") ? "" : (stryCov_9fa48("257"), '实施、决定或送达时间无效'), stryMutAct_9fa48("258") ? "" : (stryCov_9fa48("258"), 'seizure, decision or service time invalid'))]);
    const out: Bilingual[] = stryMutAct_9fa48("259") ? ["Stryker was here"] : (stryCov_9fa48("259"), []);
    if (stryMutAct_9fa48("263") ? at.seized <= at.now : stryMutAct_9fa48("262") ? at.seized >= at.now : stryMutAct_9fa48("261") ? false : stryMutAct_9fa48("260") ? true : (stryCov_9fa48("260", "261", "262", "263"), at.seized > at.now)) out.push(missing(stryMutAct_9fa48("264") ? "" : (stryCov_9fa48("264"), 'seized-future'), stryMutAct_9fa48("265") ? "" : (stryCov_9fa48("265"), '扣押实施时间晚于当前时间'), stryMutAct_9fa48("266") ? "" : (stryCov_9fa48("266"), 'the seizure time is in the future')));
    if (stryMutAct_9fa48("270") ? at.decided <= at.now : stryMutAct_9fa48("269") ? at.decided >= at.now : stryMutAct_9fa48("268") ? false : stryMutAct_9fa48("267") ? true : (stryCov_9fa48("267", "268", "269", "270"), at.decided > at.now)) out.push(missing(stryMutAct_9fa48("271") ? "" : (stryCov_9fa48("271"), 'decided-future'), stryMutAct_9fa48("272") ? "" : (stryCov_9fa48("272"), '决定时间晚于当前时间'), stryMutAct_9fa48("273") ? "" : (stryCov_9fa48("273"), 'the decision time is in the future')));
    if (stryMutAct_9fa48("277") ? at.served <= at.now : stryMutAct_9fa48("276") ? at.served >= at.now : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276", "277"), at.served > at.now)) out.push(missing(stryMutAct_9fa48("278") ? "" : (stryCov_9fa48("278"), 'served-future'), stryMutAct_9fa48("279") ? "" : (stryCov_9fa48("279"), '送达时间晚于当前时间'), stryMutAct_9fa48("280") ? "" : (stryCov_9fa48("280"), 'the service time is in the future')));
    const [seizedDay, decidedDay, servedDay] = stryMutAct_9fa48("281") ? [] : (stryCov_9fa48("281"), [dayOf(seizedAt), dayOf(t.decidedAt), dayOf(t.servedAt)]);
    if (stryMutAct_9fa48("285") ? decidedDay >= seizedDay : stryMutAct_9fa48("284") ? decidedDay <= seizedDay : stryMutAct_9fa48("283") ? false : stryMutAct_9fa48("282") ? true : (stryCov_9fa48("282", "283", "284", "285"), decidedDay < seizedDay)) {
      if (stryMutAct_9fa48("286")) {
        {}
      } else {
        stryCov_9fa48("286");
        out.push(missing(stryMutAct_9fa48("287") ? "" : (stryCov_9fa48("287"), 'decided-before-seizure'), stryMutAct_9fa48("288") ? `` : (stryCov_9fa48("288"), `决定日期（${decidedDay}）早于扣押实施日期（${seizedDay}）`), stryMutAct_9fa48("289") ? `` : (stryCov_9fa48("289"), `decided on ${decidedDay}, before the seizure on ${seizedDay}`)));
      }
    }
    if (stryMutAct_9fa48("293") ? at.served >= at.decided : stryMutAct_9fa48("292") ? at.served <= at.decided : stryMutAct_9fa48("291") ? false : stryMutAct_9fa48("290") ? true : (stryCov_9fa48("290", "291", "292", "293"), at.served < at.decided)) {
      if (stryMutAct_9fa48("294")) {
        {}
      } else {
        stryCov_9fa48("294");
        out.push(missing(stryMutAct_9fa48("295") ? "" : (stryCov_9fa48("295"), 'served-before-decided'), stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), '送达时间早于决定时间：决定书须先作出，后送达'), stryMutAct_9fa48("297") ? "" : (stryCov_9fa48("297"), 'served before the decision was made')));
      }
    }
    if (stryMutAct_9fa48("300") ? out.length === 0 && (decidedDay > seizedDay || servedDay > decidedDay) || !t.lateReason.trim() : stryMutAct_9fa48("299") ? false : stryMutAct_9fa48("298") ? true : (stryCov_9fa48("298", "299", "300"), (stryMutAct_9fa48("302") ? out.length === 0 || decidedDay > seizedDay || servedDay > decidedDay : stryMutAct_9fa48("301") ? true : (stryCov_9fa48("301", "302"), (stryMutAct_9fa48("304") ? out.length !== 0 : stryMutAct_9fa48("303") ? true : (stryCov_9fa48("303", "304"), out.length === 0)) && (stryMutAct_9fa48("306") ? decidedDay > seizedDay && servedDay > decidedDay : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306"), (stryMutAct_9fa48("309") ? decidedDay <= seizedDay : stryMutAct_9fa48("308") ? decidedDay >= seizedDay : stryMutAct_9fa48("307") ? false : (stryCov_9fa48("307", "308", "309"), decidedDay > seizedDay)) || (stryMutAct_9fa48("312") ? servedDay <= decidedDay : stryMutAct_9fa48("311") ? servedDay >= decidedDay : stryMutAct_9fa48("310") ? false : (stryCov_9fa48("310", "311", "312"), servedDay > decidedDay)))))) && (stryMutAct_9fa48("313") ? t.lateReason.trim() : (stryCov_9fa48("313"), !(stryMutAct_9fa48("314") ? t.lateReason : (stryCov_9fa48("314"), t.lateReason.trim())))))) {
      if (stryMutAct_9fa48("315")) {
        {}
      } else {
        stryCov_9fa48("315");
        out.push(missing(stryMutAct_9fa48("316") ? "" : (stryCov_9fa48("316"), 'decision-late'), stryMutAct_9fa48("317") ? `` : (stryCov_9fa48("317"), `扣押于${seizedDay}实施，决定书于${decidedDay}作出、${servedDay}送达，未当场制作并交付（行政强制法第二十四条），须记录理由`), stryMutAct_9fa48("318") ? `` : (stryCov_9fa48("318"), `seized on ${seizedDay}, decided on ${decidedDay} and served on ${servedDay}, not on the spot (art.24): a reason is required`)));
      }
    }
    return out;
  }
}
export type CasePhase = 'draft' | 'seized' | 'extended' | 'released' | 'confiscated' | 'destroyed' | 'handed-over';
export interface CaseProgress {
  phase: CasePhase;
  /** The day the coal was taken (Asia/Shanghai); the term counts from it. */
  seizureDate: IsoDate | null;
  decisionDate: IsoDate | null;
  testingPeriods: TestingPeriod[];
  extension: {
    days: number;
    approvedOn: IsoDate;
    reason: string;
  } | null;
  outcomeDate: IsoDate | null;
}
export const NEW_CASE: CaseProgress = stryMutAct_9fa48("319") ? {} : (stryCov_9fa48("319"), {
  phase: stryMutAct_9fa48("320") ? "" : (stryCov_9fa48("320"), 'draft'),
  seizureDate: null,
  decisionDate: null,
  testingPeriods: stryMutAct_9fa48("321") ? ["Stryker was here"] : (stryCov_9fa48("321"), []),
  extension: null,
  outcomeDate: null
});

/** When the decision was made and handed over, and when the app was told (all ISO instants). */
export interface DecisionTimes {
  decidedAt: string;
  servedAt: string;
  now: string;
  /** Why the decision or its service was not on the day of the seizure; empty when it was. */
  lateReason: string;
}
export type CaseEvent = {
  type: 'decide';
  date: IsoDate;
  record: CaseRecord;
  times: DecisionTimes;
} | {
  type: 'start-testing';
  date: IsoDate;
  notifiedEndDate: IsoDate;
} | {
  type: 'change-testing';
  date: IsoDate;
  notifiedEndDate: IsoDate;
} | {
  type: 'end-testing';
  date: IsoDate;
} | {
  type: 'extend';
  date: IsoDate;
  days: number;
  reason: string;
} | {
  type: 'release';
  date: IsoDate;
} | {
  type: 'confiscate';
  date: IsoDate;
} | {
  type: 'destroy';
  date: IsoDate;
} | {
  type: 'hand-over';
  date: IsoDate;
};
export type TransitionResult = {
  ok: true;
  progress: CaseProgress;
} | {
  ok: false;
  problems: Bilingual[];
};
const ALLOWED_FROM: Record<CaseEvent['type'], readonly CasePhase[]> = stryMutAct_9fa48("322") ? {} : (stryCov_9fa48("322"), {
  decide: stryMutAct_9fa48("323") ? [] : (stryCov_9fa48("323"), [stryMutAct_9fa48("324") ? "" : (stryCov_9fa48("324"), 'draft')]),
  'start-testing': stryMutAct_9fa48("325") ? [] : (stryCov_9fa48("325"), [stryMutAct_9fa48("326") ? "" : (stryCov_9fa48("326"), 'seized'), stryMutAct_9fa48("327") ? "" : (stryCov_9fa48("327"), 'extended')]),
  'change-testing': stryMutAct_9fa48("328") ? [] : (stryCov_9fa48("328"), [stryMutAct_9fa48("329") ? "" : (stryCov_9fa48("329"), 'seized'), stryMutAct_9fa48("330") ? "" : (stryCov_9fa48("330"), 'extended')]),
  'end-testing': stryMutAct_9fa48("331") ? [] : (stryCov_9fa48("331"), [stryMutAct_9fa48("332") ? "" : (stryCov_9fa48("332"), 'seized'), stryMutAct_9fa48("333") ? "" : (stryCov_9fa48("333"), 'extended')]),
  extend: stryMutAct_9fa48("334") ? [] : (stryCov_9fa48("334"), [stryMutAct_9fa48("335") ? "" : (stryCov_9fa48("335"), 'seized')]),
  release: stryMutAct_9fa48("336") ? [] : (stryCov_9fa48("336"), [stryMutAct_9fa48("337") ? "" : (stryCov_9fa48("337"), 'seized'), stryMutAct_9fa48("338") ? "" : (stryCov_9fa48("338"), 'extended')]),
  confiscate: stryMutAct_9fa48("339") ? [] : (stryCov_9fa48("339"), [stryMutAct_9fa48("340") ? "" : (stryCov_9fa48("340"), 'seized'), stryMutAct_9fa48("341") ? "" : (stryCov_9fa48("341"), 'extended')]),
  destroy: stryMutAct_9fa48("342") ? [] : (stryCov_9fa48("342"), [stryMutAct_9fa48("343") ? "" : (stryCov_9fa48("343"), 'seized'), stryMutAct_9fa48("344") ? "" : (stryCov_9fa48("344"), 'extended'), stryMutAct_9fa48("345") ? "" : (stryCov_9fa48("345"), 'confiscated')]),
  'hand-over': stryMutAct_9fa48("346") ? [] : (stryCov_9fa48("346"), [stryMutAct_9fa48("347") ? "" : (stryCov_9fa48("347"), 'confiscated')])
});
const PHASE_AFTER: Partial<Record<CaseEvent['type'], CasePhase>> = stryMutAct_9fa48("348") ? {} : (stryCov_9fa48("348"), {
  decide: stryMutAct_9fa48("349") ? "" : (stryCov_9fa48("349"), 'seized'),
  extend: stryMutAct_9fa48("350") ? "" : (stryCov_9fa48("350"), 'extended'),
  release: stryMutAct_9fa48("351") ? "" : (stryCov_9fa48("351"), 'released'),
  confiscate: stryMutAct_9fa48("352") ? "" : (stryCov_9fa48("352"), 'confiscated'),
  destroy: stryMutAct_9fa48("353") ? "" : (stryCov_9fa48("353"), 'destroyed'),
  'hand-over': stryMutAct_9fa48("354") ? "" : (stryCov_9fa48("354"), 'handed-over')
});
const PHASE_ZH: Record<CasePhase, string> = stryMutAct_9fa48("355") ? {} : (stryCov_9fa48("355"), {
  draft: stryMutAct_9fa48("356") ? "" : (stryCov_9fa48("356"), '草稿'),
  seized: stryMutAct_9fa48("357") ? "" : (stryCov_9fa48("357"), '已查封扣押'),
  extended: stryMutAct_9fa48("358") ? "" : (stryCov_9fa48("358"), '已延长期限'),
  released: stryMutAct_9fa48("359") ? "" : (stryCov_9fa48("359"), '已解除'),
  confiscated: stryMutAct_9fa48("360") ? "" : (stryCov_9fa48("360"), '已没收'),
  destroyed: stryMutAct_9fa48("361") ? "" : (stryCov_9fa48("361"), '已销毁'),
  'handed-over': stryMutAct_9fa48("362") ? "" : (stryCov_9fa48("362"), '已移交')
});
function refuse(code: string, zh: string, en: string): TransitionResult {
  if (stryMutAct_9fa48("363")) {
    {}
  } else {
    stryCov_9fa48("363");
    return stryMutAct_9fa48("364") ? {} : (stryCov_9fa48("364"), {
      ok: stryMutAct_9fa48("365") ? true : (stryCov_9fa48("365"), false),
      problems: stryMutAct_9fa48("366") ? [] : (stryCov_9fa48("366"), [stryMutAct_9fa48("367") ? {} : (stryCov_9fa48("367"), {
        code,
        zh,
        en
      })])
    });
  }
}
export function phaseLabelZh(phase: CasePhase): string {
  if (stryMutAct_9fa48("368")) {
    {}
  } else {
    stryCov_9fa48("368");
    return PHASE_ZH[phase];
  }
}

/** Applies one event; the phase never moves backwards, and each refusal says why. */
export function applyCaseEvent(progress: CaseProgress, event: CaseEvent, policy: TermRules = DEFAULT_TERM_POLICY): TransitionResult {
  if (stryMutAct_9fa48("369")) {
    {}
  } else {
    stryCov_9fa48("369");
    if (stryMutAct_9fa48("372") ? false : stryMutAct_9fa48("371") ? true : stryMutAct_9fa48("370") ? ALLOWED_FROM[event.type].includes(progress.phase) : (stryCov_9fa48("370", "371", "372"), !ALLOWED_FROM[event.type].includes(progress.phase))) {
      if (stryMutAct_9fa48("373")) {
        {}
      } else {
        stryCov_9fa48("373");
        return refuse(stryMutAct_9fa48("374") ? "" : (stryCov_9fa48("374"), 'transition'), stryMutAct_9fa48("375") ? `` : (stryCov_9fa48("375"), `案件处于“${PHASE_ZH[progress.phase]}”状态，不能执行该操作`), stryMutAct_9fa48("376") ? `` : (stryCov_9fa48("376"), `event '${event.type}' is not allowed in phase '${progress.phase}'`));
      }
    }
    if (stryMutAct_9fa48("379") ? event.type !== 'decide' : stryMutAct_9fa48("378") ? false : stryMutAct_9fa48("377") ? true : (stryCov_9fa48("377", "378", "379"), event.type === (stryMutAct_9fa48("380") ? "" : (stryCov_9fa48("380"), 'decide')))) {
      if (stryMutAct_9fa48("381")) {
        {}
      } else {
        stryCov_9fa48("381");
        const problems = stryMutAct_9fa48("382") ? [] : (stryCov_9fa48("382"), [...validateCaseCompleteness(event.record), ...validateDecisionTimes(event.record.seizedAt, event.times)]);
        if (stryMutAct_9fa48("386") ? problems.length <= 0 : stryMutAct_9fa48("385") ? problems.length >= 0 : stryMutAct_9fa48("384") ? false : stryMutAct_9fa48("383") ? true : (stryCov_9fa48("383", "384", "385", "386"), problems.length > 0)) return stryMutAct_9fa48("387") ? {} : (stryCov_9fa48("387"), {
          ok: stryMutAct_9fa48("388") ? true : (stryCov_9fa48("388"), false),
          problems
        });
        return stryMutAct_9fa48("389") ? {} : (stryCov_9fa48("389"), {
          ok: stryMutAct_9fa48("390") ? false : (stryCov_9fa48("390"), true),
          progress: stryMutAct_9fa48("391") ? {} : (stryCov_9fa48("391"), {
            ...progress,
            phase: stryMutAct_9fa48("392") ? "" : (stryCov_9fa48("392"), 'seized'),
            seizureDate: dayOf(event.record.seizedAt),
            decisionDate: event.date
          })
        });
      }
    }
    if (stryMutAct_9fa48("395") ? progress.decisionDate !== null || event.date < progress.decisionDate : stryMutAct_9fa48("394") ? false : stryMutAct_9fa48("393") ? true : (stryCov_9fa48("393", "394", "395"), (stryMutAct_9fa48("397") ? progress.decisionDate === null : stryMutAct_9fa48("396") ? true : (stryCov_9fa48("396", "397"), progress.decisionDate !== null)) && (stryMutAct_9fa48("400") ? event.date >= progress.decisionDate : stryMutAct_9fa48("399") ? event.date <= progress.decisionDate : stryMutAct_9fa48("398") ? true : (stryCov_9fa48("398", "399", "400"), event.date < progress.decisionDate)))) {
      if (stryMutAct_9fa48("401")) {
        {}
      } else {
        stryCov_9fa48("401");
        return refuse(stryMutAct_9fa48("402") ? "" : (stryCov_9fa48("402"), 'date-before-decision'), stryMutAct_9fa48("403") ? `` : (stryCov_9fa48("403"), `日期早于强制措施决定日期（${progress.decisionDate}）`), stryMutAct_9fa48("404") ? "" : (stryCov_9fa48("404"), 'date precedes the decision date'));
      }
    }
    const open = progress.testingPeriods.find(stryMutAct_9fa48("405") ? () => undefined : (stryCov_9fa48("405"), p => stryMutAct_9fa48("408") ? p.endDate !== null : stryMutAct_9fa48("407") ? false : stryMutAct_9fa48("406") ? true : (stryCov_9fa48("406", "407", "408"), p.endDate === null)));
    const termInput = stryMutAct_9fa48("409") ? {} : (stryCov_9fa48("409"), {
      seizureDate: stryMutAct_9fa48("410") ? progress.seizureDate && event.date : (stryCov_9fa48("410"), progress.seizureDate ?? event.date),
      testingPeriods: progress.testingPeriods,
      extension: stryMutAct_9fa48("411") ? progress.extension && undefined : (stryCov_9fa48("411"), progress.extension ?? undefined)
    });
    const endDate = computeSeizureTerm(termInput, policy).endDate;
    switch (event.type) {
      case stryMutAct_9fa48("413") ? "" : (stryCov_9fa48("413"), 'start-testing'):
        if (stryMutAct_9fa48("412")) {} else {
          stryCov_9fa48("412");
          {
            if (stryMutAct_9fa48("414")) {
              {}
            } else {
              stryCov_9fa48("414");
              if (stryMutAct_9fa48("416") ? false : stryMutAct_9fa48("415") ? true : (stryCov_9fa48("415", "416"), open)) return refuse(stryMutAct_9fa48("417") ? "" : (stryCov_9fa48("417"), 'testing-open'), stryMutAct_9fa48("418") ? "" : (stryCov_9fa48("418"), '已有未结束的检测期间'), stryMutAct_9fa48("419") ? "" : (stryCov_9fa48("419"), 'a testing period is already open'));
              const last = progress.testingPeriods.at(stryMutAct_9fa48("420") ? +1 : (stryCov_9fa48("420"), -1));
              if (stryMutAct_9fa48("423") ? last || event.date <= (last.endDate ?? last.notifiedEndDate) : stryMutAct_9fa48("422") ? false : stryMutAct_9fa48("421") ? true : (stryCov_9fa48("421", "422", "423"), last && (stryMutAct_9fa48("426") ? event.date > (last.endDate ?? last.notifiedEndDate) : stryMutAct_9fa48("425") ? event.date < (last.endDate ?? last.notifiedEndDate) : stryMutAct_9fa48("424") ? true : (stryCov_9fa48("424", "425", "426"), event.date <= (stryMutAct_9fa48("427") ? last.endDate && last.notifiedEndDate : (stryCov_9fa48("427"), last.endDate ?? last.notifiedEndDate)))))) {
                if (stryMutAct_9fa48("428")) {
                  {}
                } else {
                  stryCov_9fa48("428");
                  return refuse(stryMutAct_9fa48("429") ? "" : (stryCov_9fa48("429"), 'testing-overlap'), stryMutAct_9fa48("430") ? "" : (stryCov_9fa48("430"), '检测期间不得与前一期间重叠'), stryMutAct_9fa48("431") ? "" : (stryCov_9fa48("431"), 'testing periods may not overlap'));
                }
              }
              if (stryMutAct_9fa48("435") ? event.date <= endDate : stryMutAct_9fa48("434") ? event.date >= endDate : stryMutAct_9fa48("433") ? false : stryMutAct_9fa48("432") ? true : (stryCov_9fa48("432", "433", "434", "435"), event.date > endDate)) {
                if (stryMutAct_9fa48("436")) {
                  {}
                } else {
                  stryCov_9fa48("436");
                  return refuse(stryMutAct_9fa48("437") ? "" : (stryCov_9fa48("437"), 'term-expired'), stryMutAct_9fa48("438") ? `` : (stryCov_9fa48("438"), `查封、扣押期限已于${endDate}届满，不能再开始检测期间`), stryMutAct_9fa48("439") ? `` : (stryCov_9fa48("439"), `the term ended on ${endDate}; testing cannot start`));
                }
              }
              const notified = notifiedEndProblem(event.date, event.notifiedEndDate);
              if (stryMutAct_9fa48("441") ? false : stryMutAct_9fa48("440") ? true : (stryCov_9fa48("440", "441"), notified)) return notified;
              return stryMutAct_9fa48("442") ? {} : (stryCov_9fa48("442"), {
                ok: stryMutAct_9fa48("443") ? false : (stryCov_9fa48("443"), true),
                progress: stryMutAct_9fa48("444") ? {} : (stryCov_9fa48("444"), {
                  ...progress,
                  testingPeriods: stryMutAct_9fa48("445") ? [] : (stryCov_9fa48("445"), [...progress.testingPeriods, stryMutAct_9fa48("446") ? {} : (stryCov_9fa48("446"), {
                    startDate: event.date,
                    notifiedEndDate: event.notifiedEndDate,
                    endDate: null
                  })])
                })
              });
            }
          }
        }
      case stryMutAct_9fa48("448") ? "" : (stryCov_9fa48("448"), 'change-testing'):
        if (stryMutAct_9fa48("447")) {} else {
          stryCov_9fa48("447");
          {
            if (stryMutAct_9fa48("449")) {
              {}
            } else {
              stryCov_9fa48("449");
              if (stryMutAct_9fa48("452") ? false : stryMutAct_9fa48("451") ? true : stryMutAct_9fa48("450") ? open : (stryCov_9fa48("450", "451", "452"), !open)) return refuse(stryMutAct_9fa48("453") ? "" : (stryCov_9fa48("453"), 'testing-not-open'), stryMutAct_9fa48("454") ? "" : (stryCov_9fa48("454"), '没有未结束的检测期间'), stryMutAct_9fa48("455") ? "" : (stryCov_9fa48("455"), 'no testing period is open'));
              // Art.25(3): only a period notified in writing is excluded, so a change cannot reach back past the old end.
              if (stryMutAct_9fa48("459") ? event.date <= open.notifiedEndDate : stryMutAct_9fa48("458") ? event.date >= open.notifiedEndDate : stryMutAct_9fa48("457") ? false : stryMutAct_9fa48("456") ? true : (stryCov_9fa48("456", "457", "458", "459"), event.date > open.notifiedEndDate)) {
                if (stryMutAct_9fa48("460")) {
                  {}
                } else {
                  stryCov_9fa48("460");
                  return refuse(stryMutAct_9fa48("461") ? "" : (stryCov_9fa48("461"), 'testing-change-late'), stryMutAct_9fa48("462") ? `` : (stryCov_9fa48("462"), `原告知的检测期间已于${open.notifiedEndDate}届满，不能追溯变更；请登记检测结果`), stryMutAct_9fa48("463") ? `` : (stryCov_9fa48("463"), `the notified testing period ended on ${open.notifiedEndDate}; it cannot be changed afterwards`));
                }
              }
              if (stryMutAct_9fa48("466") ? event.notifiedEndDate !== open.notifiedEndDate : stryMutAct_9fa48("465") ? false : stryMutAct_9fa48("464") ? true : (stryCov_9fa48("464", "465", "466"), event.notifiedEndDate === open.notifiedEndDate)) return refuse(stryMutAct_9fa48("467") ? "" : (stryCov_9fa48("467"), 'testing-unchanged'), stryMutAct_9fa48("468") ? "" : (stryCov_9fa48("468"), '检测期间届满日期未改变'), stryMutAct_9fa48("469") ? "" : (stryCov_9fa48("469"), 'the notified end is unchanged'));
              const notified = notifiedEndProblem(event.date, event.notifiedEndDate);
              if (stryMutAct_9fa48("471") ? false : stryMutAct_9fa48("470") ? true : (stryCov_9fa48("470", "471"), notified)) return notified;
              const testingPeriods = progress.testingPeriods.map(stryMutAct_9fa48("472") ? () => undefined : (stryCov_9fa48("472"), p => (stryMutAct_9fa48("475") ? p !== open : stryMutAct_9fa48("474") ? false : stryMutAct_9fa48("473") ? true : (stryCov_9fa48("473", "474", "475"), p === open)) ? stryMutAct_9fa48("476") ? {} : (stryCov_9fa48("476"), {
                ...p,
                notifiedEndDate: event.notifiedEndDate
              }) : p));
              return stryMutAct_9fa48("477") ? {} : (stryCov_9fa48("477"), {
                ok: stryMutAct_9fa48("478") ? false : (stryCov_9fa48("478"), true),
                progress: stryMutAct_9fa48("479") ? {} : (stryCov_9fa48("479"), {
                  ...progress,
                  testingPeriods
                })
              });
            }
          }
        }
      case stryMutAct_9fa48("481") ? "" : (stryCov_9fa48("481"), 'end-testing'):
        if (stryMutAct_9fa48("480")) {} else {
          stryCov_9fa48("480");
          {
            if (stryMutAct_9fa48("482")) {
              {}
            } else {
              stryCov_9fa48("482");
              if (stryMutAct_9fa48("485") ? false : stryMutAct_9fa48("484") ? true : stryMutAct_9fa48("483") ? open : (stryCov_9fa48("483", "484", "485"), !open)) return refuse(stryMutAct_9fa48("486") ? "" : (stryCov_9fa48("486"), 'testing-not-open'), stryMutAct_9fa48("487") ? "" : (stryCov_9fa48("487"), '没有未结束的检测期间'), stryMutAct_9fa48("488") ? "" : (stryCov_9fa48("488"), 'no testing period is open'));
              if (stryMutAct_9fa48("492") ? event.date >= open.startDate : stryMutAct_9fa48("491") ? event.date <= open.startDate : stryMutAct_9fa48("490") ? false : stryMutAct_9fa48("489") ? true : (stryCov_9fa48("489", "490", "491", "492"), event.date < open.startDate)) return refuse(stryMutAct_9fa48("493") ? "" : (stryCov_9fa48("493"), 'testing-reversed'), stryMutAct_9fa48("494") ? "" : (stryCov_9fa48("494"), '检测结束日期早于开始日期'), stryMutAct_9fa48("495") ? "" : (stryCov_9fa48("495"), 'testing ends before it starts'));
              const testingPeriods = progress.testingPeriods.map(stryMutAct_9fa48("496") ? () => undefined : (stryCov_9fa48("496"), p => (stryMutAct_9fa48("499") ? p !== open : stryMutAct_9fa48("498") ? false : stryMutAct_9fa48("497") ? true : (stryCov_9fa48("497", "498", "499"), p === open)) ? stryMutAct_9fa48("500") ? {} : (stryCov_9fa48("500"), {
                ...p,
                endDate: event.date
              }) : p));
              return stryMutAct_9fa48("501") ? {} : (stryCov_9fa48("501"), {
                ok: stryMutAct_9fa48("502") ? false : (stryCov_9fa48("502"), true),
                progress: stryMutAct_9fa48("503") ? {} : (stryCov_9fa48("503"), {
                  ...progress,
                  testingPeriods
                })
              });
            }
          }
        }
      default:
        if (stryMutAct_9fa48("504")) {} else {
          stryCov_9fa48("504");
          break;
        }
    }
    if (stryMutAct_9fa48("506") ? false : stryMutAct_9fa48("505") ? true : (stryCov_9fa48("505", "506"), open)) return refuse(stryMutAct_9fa48("507") ? "" : (stryCov_9fa48("507"), 'testing-open'), stryMutAct_9fa48("508") ? "" : (stryCov_9fa48("508"), '检测期间尚未结束，请先登记检测结果'), stryMutAct_9fa48("509") ? "" : (stryCov_9fa48("509"), 'close the open testing period first'));
    if (stryMutAct_9fa48("512") ? event.type !== 'extend' : stryMutAct_9fa48("511") ? false : stryMutAct_9fa48("510") ? true : (stryCov_9fa48("510", "511", "512"), event.type === (stryMutAct_9fa48("513") ? "" : (stryCov_9fa48("513"), 'extend')))) {
      if (stryMutAct_9fa48("514")) {
        {}
      } else {
        stryCov_9fa48("514");
        if (stryMutAct_9fa48("517") ? false : stryMutAct_9fa48("516") ? true : stryMutAct_9fa48("515") ? event.reason.trim() : (stryCov_9fa48("515", "516", "517"), !(stryMutAct_9fa48("518") ? event.reason : (stryCov_9fa48("518"), event.reason.trim())))) return refuse(stryMutAct_9fa48("519") ? "" : (stryCov_9fa48("519"), 'extension-reason'), stryMutAct_9fa48("520") ? "" : (stryCov_9fa48("520"), '延长期限须说明理由（行政强制法第二十五条第二款）'), stryMutAct_9fa48("521") ? "" : (stryCov_9fa48("521"), 'an extension needs a reason (art.25(2))'));
        const extension = stryMutAct_9fa48("522") ? {} : (stryCov_9fa48("522"), {
          days: event.days,
          approvedOn: event.date,
          reason: event.reason
        });
        const problems = validateTermInput(stryMutAct_9fa48("523") ? {} : (stryCov_9fa48("523"), {
          ...termInput,
          extension
        }), policy);
        if (stryMutAct_9fa48("527") ? problems.length <= 0 : stryMutAct_9fa48("526") ? problems.length >= 0 : stryMutAct_9fa48("525") ? false : stryMutAct_9fa48("524") ? true : (stryCov_9fa48("524", "525", "526", "527"), problems.length > 0)) return stryMutAct_9fa48("528") ? {} : (stryCov_9fa48("528"), {
          ok: stryMutAct_9fa48("529") ? true : (stryCov_9fa48("529"), false),
          problems
        });
        return stryMutAct_9fa48("530") ? {} : (stryCov_9fa48("530"), {
          ok: stryMutAct_9fa48("531") ? false : (stryCov_9fa48("531"), true),
          progress: stryMutAct_9fa48("532") ? {} : (stryCov_9fa48("532"), {
            ...progress,
            phase: stryMutAct_9fa48("533") ? "" : (stryCov_9fa48("533"), 'extended'),
            extension
          })
        });
      }
    }
    // Art.27: confiscation and destruction must be decided within the term; release is always lawful
    // (and obligatory once the term has run out, art.28(4)).
    if (stryMutAct_9fa48("536") ? event.type === 'confiscate' || event.type === 'destroy' && progress.phase !== 'confiscated' || event.date > endDate : stryMutAct_9fa48("535") ? false : stryMutAct_9fa48("534") ? true : (stryCov_9fa48("534", "535", "536"), (stryMutAct_9fa48("538") ? event.type === 'confiscate' && event.type === 'destroy' && progress.phase !== 'confiscated' : stryMutAct_9fa48("537") ? true : (stryCov_9fa48("537", "538"), (stryMutAct_9fa48("540") ? event.type !== 'confiscate' : stryMutAct_9fa48("539") ? false : (stryCov_9fa48("539", "540"), event.type === (stryMutAct_9fa48("541") ? "" : (stryCov_9fa48("541"), 'confiscate')))) || (stryMutAct_9fa48("543") ? event.type === 'destroy' || progress.phase !== 'confiscated' : stryMutAct_9fa48("542") ? false : (stryCov_9fa48("542", "543"), (stryMutAct_9fa48("545") ? event.type !== 'destroy' : stryMutAct_9fa48("544") ? true : (stryCov_9fa48("544", "545"), event.type === (stryMutAct_9fa48("546") ? "" : (stryCov_9fa48("546"), 'destroy')))) && (stryMutAct_9fa48("548") ? progress.phase === 'confiscated' : stryMutAct_9fa48("547") ? true : (stryCov_9fa48("547", "548"), progress.phase !== (stryMutAct_9fa48("549") ? "" : (stryCov_9fa48("549"), 'confiscated')))))))) && (stryMutAct_9fa48("552") ? event.date <= endDate : stryMutAct_9fa48("551") ? event.date >= endDate : stryMutAct_9fa48("550") ? true : (stryCov_9fa48("550", "551", "552"), event.date > endDate)))) {
      if (stryMutAct_9fa48("553")) {
        {}
      } else {
        stryCov_9fa48("553");
        return refuse(stryMutAct_9fa48("554") ? "" : (stryCov_9fa48("554"), 'term-expired'), stryMutAct_9fa48("555") ? `` : (stryCov_9fa48("555"), `期限已于${endDate}届满，只能作出解除决定`), stryMutAct_9fa48("556") ? `` : (stryCov_9fa48("556"), `the term ended on ${endDate}; only release is possible`));
      }
    }
    // ALLOWED_FROM only lists earlier phases, so the phase moves forward.
    const next = PHASE_AFTER[event.type] as CasePhase;
    const outcomeDate = (stryMutAct_9fa48("559") ? event.type !== 'hand-over' : stryMutAct_9fa48("558") ? false : stryMutAct_9fa48("557") ? true : (stryCov_9fa48("557", "558", "559"), event.type === (stryMutAct_9fa48("560") ? "" : (stryCov_9fa48("560"), 'hand-over')))) ? progress.outcomeDate : event.date;
    return stryMutAct_9fa48("561") ? {} : (stryCov_9fa48("561"), {
      ok: stryMutAct_9fa48("562") ? false : (stryCov_9fa48("562"), true),
      progress: stryMutAct_9fa48("563") ? {} : (stryCov_9fa48("563"), {
        ...progress,
        phase: next,
        outcomeDate
      })
    });
  }
}

/** Art.25(3): the testing period must be definite — an end on or after the day it is notified. */
function notifiedEndProblem(date: IsoDate, notifiedEndDate: IsoDate): TransitionResult | null {
  if (stryMutAct_9fa48("564")) {
    {}
  } else {
    stryCov_9fa48("564");
    return (stryMutAct_9fa48("568") ? notifiedEndDate >= date : stryMutAct_9fa48("567") ? notifiedEndDate <= date : stryMutAct_9fa48("566") ? false : stryMutAct_9fa48("565") ? true : (stryCov_9fa48("565", "566", "567", "568"), notifiedEndDate < date)) ? refuse(stryMutAct_9fa48("569") ? "" : (stryCov_9fa48("569"), 'testing-notified-end'), stryMutAct_9fa48("570") ? "" : (stryCov_9fa48("570"), '检测期间届满日期不得早于告知日期（行政强制法第二十五条第三款：期间应当明确）'), stryMutAct_9fa48("571") ? "" : (stryCov_9fa48("571"), 'the notified end of testing may not precede the notice (art.25(3))')) : null;
  }
}