/**
 * Input of every printed enforcement document. One shape for the whole case, so the seizure set is
 * rendered from one object; sections only some documents need are optional and checked by the
 * document that needs them (`requireSection`).
 */
import type { Officer, Party, SeizedItem, Witness, MeasureKind } from '../../../../src-shared/domain/case-state.ts';
import type { DocumentKind } from '../../../../src-shared/domain/document-number.ts';
import type { IsoDate } from '../../../../src-shared/domain/seizure-term.ts';
import type { LegalEffect } from '../../../../src-shared/domain/legal-basis.ts';

export type { DocumentKind } from '../../../../src-shared/domain/document-number.ts';

export interface AgencyInfo {
  /** Full name, printed as the issuing authority and in the seal area. */
  name: string;
  address?: string;
  phone?: string;
}

/** 复议 and 诉讼 bodies (行政复议法 2017 art.12 / 2023 art.24; 行政诉讼法 art.18). */
export interface RemedyBodies {
  /** 本级人民政府, e.g. 承德市人民政府. */
  reviewGovernment: string;
  /** 上一级主管部门: printed only for decisions dated before 2024-01-01 (2023 revision art.24). */
  reviewSuperiorDepartment?: string;
  court: string;
}

export interface LegalBasisRef {
  law: string;
  /** e.g. 第三十六条 / 第二十五条第一款. */
  article: string;
  /** What the article does (data/legal-basis.json): a prohibition is printed as the rule broken, not as the power. */
  effect?: LegalEffect;
  text?: string;
}

/** Printing a second time stamps 副本 with who printed it and when. */
export type PrintCopy = { kind: 'original' } | { kind: 'reprint'; printedBy: string; printedAt: string };

export interface TestingInfo {
  startDate: IsoDate;
  endDate: IsoDate;
  institution: string;
  /** What is tested, e.g. 灰分、全硫. */
  items: string;
  sampleNo?: string;
  /** The day the notice is given: the day of a change; the start when absent. */
  notifiedOn?: IsoDate;
  /** A changed period (art.25(3)): the notice this one replaces, the end it stated and why it changed. */
  change?: { previousNoticeNumber: string; previousEndDate: IsoDate; reason: string };
}

export interface ExtensionInfo {
  days: number;
  originalEndDate: IsoDate;
  newEndDate: IsoDate;
  reason: string;
  approverName: string;
  approvedOn: IsoDate;
}

/** 行政强制法 art.28 grounds (1)–(5). */
export type ReleaseGround = 1 | 2 | 3 | 4 | 5;

export interface ReleaseInfo {
  date: IsoDate;
  ground: ReleaseGround;
  explanation: string;
}

export interface ServiceInfo {
  /** The document being served, e.g. 实施行政强制措施决定书 + its number. */
  documents: { title: string; number: string }[];
  recipient: string;
  place: string;
  method: ServiceMethod;
  /** ISO instant; absent for a paper served later, whose time is written in by hand on service. */
  servedAt?: string;
  /** Who saw a 留置送达 (SAMR rule art.82(2)): the receipt names them and they sign it. */
  witness?: Witness;
  /** Relation of a 代收人 to the party, when not the party in person. */
  proxyRelation?: string;
  refusalReason?: string;
}

export const SERVICE_METHODS = ['直接送达', '留置送达', '邮寄送达', '电子送达', '委托送达', '公告送达'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** 抽样记录 (SAMR rule art.31): the sample taken, sealed and listed in the party's presence. */
export interface SamplingInfo {
  sampleNo: string;
  /** ISO instant. */
  sampledAt: string;
  place: string;
  /** 抽样基数: the lot the sample stands for. */
  lotKg: number;
  /** e.g. 2千克 (2 份，一份检测、一份备份). */
  sampleQuantity: string;
  /** e.g. GB/T 475-2008《商品煤样人工采取方法》. */
  method: string;
  sealNumbers: string[];
}

/** 检测结果告知书 (SAMR rule art.32): the result is told to the party. */
export interface TestingResultInfo {
  reportNo: string;
  /** Day the report was received. */
  receivedOn: IsoDate;
  /** Lawful finding: standard, grade, item, converted value, limit; or that the coal conforms. */
  conclusion: string;
  conforms: boolean;
}

/** 没收物品清单: what a penalty decision confiscated (行政强制法 art.27; 大气污染防治法 art.103). */
export interface ConfiscationInfo {
  penaltyDecisionNumber: string;
  penaltyDecisionDate: IsoDate;
  /** Day the confiscation was carried out. */
  date: IsoDate;
}

/** 销毁记录 (行政强制法 art.27: 法律、行政法规规定应当销毁的，依法销毁). */
export interface DestructionInfo {
  /** ISO instant. */
  destroyedAt: string;
  place: string;
  method: string;
  reason: string;
  approverName: string;
  witnesses: Witness[];
  recordingRef?: string;
}

/** 送达地址确认书 (SAMR rule arts 82(3), 83). */
export interface ServiceAddressInfo {
  recipient: string;
  address: string;
  postalCode?: string;
  phone?: string;
  /** Electronic service only with the party's consent: the channel and account (SMS/e-mail/…). */
  electronic?: { channel: string; account: string };
  /** ISO instant. */
  confirmedAt: string;
}

export interface HandoverInfo {
  receivingUnit: string;
  receiverName: string;
  handedOverAt: string;
  place: string;
  legalStatus: 'seized' | 'confiscated' | 'early-disposal';
  /** Approval reference when the coal was disposed of early (先行处置). */
  approvalRef?: string;
  labReportNo?: string;
  failingItems?: string;
  /** `CCHO1:` text from signHandover; null when too large for a QR (a signed file goes along). */
  signedQrText: string | null;
  signedFileName?: string;
  /** Every case on the handover when it gathers more than one; the form then lists them all. */
  cases?: HandoverCaseLine[];
}

export interface HandoverCaseLine {
  caseNumber: string;
  decisionNumber: string;
  legalStatus: HandoverInfo['legalStatus'];
  items: { coalKind: string; quantityKg: number }[];
}

export interface CaseDocumentData {
  caseId: string;
  caseNumber: string;
  /** Number of the document being printed (this paper's own 文号). */
  documentNumber: string;
  /** Number of the seizure decision, referenced by every later document. */
  decisionNumber: string;
  /** The inventory list's own number, which the decision cites. */
  inventoryNumber?: string;
  agency: AgencyInfo;
  remedy: RemedyBodies;
  parties: Party[];
  vehiclePlates: string[];
  reason: string;
  legalBasis: LegalBasisRef[];
  measure: MeasureKind;
  items: SeizedItem[];
  custody: { name: string; address: string };
  approval: { approverName: string; approvedAt: string; emergency: boolean };
  officers: Officer[];
  place: string;
  /** ISO instants. */
  seizedAt: string;
  onsiteEndedAt?: string;
  decisionDate: IsoDate;
  term: { startDate: IsoDate; endDate: IsoDate };
  partyPresent: boolean;
  partyRefusedToSign: boolean;
  witness: Witness | null;
  partyStatement: string;
  /** Free text of what happened on site (现场情况), for the on-site record. */
  onsiteFacts?: string;
  /** Audio/video recording reference (SAMR art.44). */
  recordingRef?: string;
  testing?: TestingInfo;
  extension?: ExtensionInfo;
  release?: ReleaseInfo;
  service?: ServiceInfo;
  handover?: HandoverInfo;
  sampling?: SamplingInfo;
  testingResult?: TestingResultInfo;
  confiscation?: ConfiscationInfo;
  destruction?: DestructionInfo;
  serviceAddress?: ServiceAddressInfo;
  print: PrintCopy;
}

export type { Officer, Party, SeizedItem, Witness, MeasureKind, IsoDate };

export class MissingDocumentDataError extends Error {
  constructor(kind: DocumentKind, section: string) {
    super(`${kind}: the data has no '${section}' section`);
  }
}

export function requireSection<K extends keyof CaseDocumentData>(
  kind: DocumentKind,
  data: CaseDocumentData,
  key: K,
): NonNullable<CaseDocumentData[K]> {
  const value = data[key];
  if (value === undefined || value === null) throw new MissingDocumentDataError(kind, String(key));
  return value as NonNullable<CaseDocumentData[K]>;
}
