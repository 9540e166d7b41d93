/**
 * Blocks of text that several documents print identically: the party, the seized items, the legal
 * basis, the remedy notice and the signature lines of officers, party and witness.
 */
import type { OfficialDocument, SignatureLine } from './layout.ts';
import type { CaseDocumentData, LegalBasisRef, Party, SeizedItem } from './types.ts';
import { MEASUREMENT_ZH } from './format.ts';

const ROLE_ZH: Record<Party['role'], string> = { driver: '驾驶员', owner: '货主', other: '当事人' };

/** 当事人 name, ID / credit code, address, phone (行政强制法 art.24(一)). */
export function partyBlock(w: OfficialDocument, parties: readonly Party[]): void {
  for (const p of parties) {
    w.fieldRow([
      ['当事人', `${p.name}（${ROLE_ZH[p.role]}）`, 3],
      ['联系电话', p.phone ?? '', 2],
    ]);
    if (p.kind === 'company') {
      w.fieldRow([
        ['统一社会信用代码', p.creditCode ?? '', 3],
        ['负责人', p.representative ?? '', 2],
      ]);
    } else {
      w.field('身份证件号码', p.idNumber ?? '');
    }
    w.field('住所（地址）', p.address);
  }
}

export function partyNames(parties: readonly Party[]): string {
  return parties.map((p) => p.name).join('、');
}

export function legalBasisText(basis: readonly LegalBasisRef[]): string {
  return basis.map((b) => `《${b.law}》${b.article}`).join('、');
}

/**
 * The rule broken (prohibitions) apart from what the measure rests on (the power and its procedure): a
 * prohibition such as 大气污染防治法 art.36 states the fact, never the power to seize.
 */
export function basisParts(basis: readonly LegalBasisRef[]): { violated: string; powers: string } {
  return {
    violated: legalBasisText(basis.filter((b) => b.effect === 'prohibition')),
    powers: legalBasisText(basis.filter((b) => b.effect !== 'prohibition')),
  };
}

export function measureZh(data: Pick<CaseDocumentData, 'measure'>): string {
  return data.measure === 'seal-up' ? '查封' : '扣押';
}

/** Tick boxes as printed on the SAMR template: ■扣押 □查封. */
export function measureTicks(data: Pick<CaseDocumentData, 'measure'>): string {
  return data.measure === 'seal-up' ? '■查封 □扣押' : '□查封 ■扣押';
}

/** Tonnes with three decimals, the exact kilograms beneath. */
export function tonnesCell(quantityKg: number): string {
  return `${(quantityKg / 1000).toFixed(3)}\n${quantityKg}千克`;
}

function itemFeatures(item: SeizedItem): string {
  return [
    item.vehiclePlate ? `车牌${item.vehiclePlate}` : '',
    item.sealNumbers.length > 0 ? `封条${item.sealNumbers.join('、')}` : '',
    item.weighTicketNo ? `磅单${item.weighTicketNo}` : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** The inventory table (清单 columns from the template: 序号、名称、规格/特征、单位、数量、计量方式、存放地点、备注). */
export function itemsTable(w: OfficialDocument, data: Pick<CaseDocumentData, 'items' | 'custody'>): void {
  const rows = data.items.map((item, i) => [
    String(i + 1),
    item.coalKind,
    itemFeatures(item),
    '吨',
    tonnesCell(item.quantityKg),
    MEASUREMENT_ZH[item.measuredBy],
    data.custody.name,
    item.remarks ?? '',
  ]);
  const totalKg = data.items.reduce((s, i) => s + i.quantityKg, 0);
  rows.push(['', '合计', '', '吨', tonnesCell(totalKg), '', '', '']);
  w.table(
    [
      { header: '序号', weight: 0.75, align: 'center' },
      { header: '物品名称', weight: 1.3 },
      { header: '规格/特征', weight: 2.1 },
      { header: '单位', weight: 0.75, align: 'center' },
      { header: '数量', weight: 1.7, align: 'right' },
      { header: '计量方式', weight: 1.2, align: 'center' },
      { header: '存放地点', weight: 1.6 },
      { header: '备注', weight: 0.9 },
    ],
    rows,
  );
}

/**
 * 复议/诉讼 notice (行政强制法 art.24(四)). From 2024-01-01 the revised 行政复议法 (art.24) lets a
 * party seek review of a department's act only from the government at the same level.
 */
export function remedyText(data: Pick<CaseDocumentData, 'remedy' | 'decisionDate'>): string {
  const { reviewGovernment, reviewSuperiorDepartment, court } = data.remedy;
  const reviewBody =
    data.decisionDate < '2024-01-01' && reviewSuperiorDepartment ? `${reviewGovernment}或者${reviewSuperiorDepartment}` : reviewGovernment;
  return `如不服本决定，可以在收到本决定书之日起六十日内向${reviewBody}申请行政复议；也可以在收到本决定书之日起六个月内依法向${court}提起行政诉讼。`;
}


export function officerSignatures(data: Pick<CaseDocumentData, 'officers'>): SignatureLine[] {
  return data.officers.map((o) => ({ role: '执法人员', name: o.name, note: `执法证号：${o.credentialNo}` }));
}

/**
 * Party and witness lines. When the party is absent or refuses, the paper says so and the witness
 * signs (行政强制法 art.18(8)(9)).
 */
export function partyAndWitnessSignatures(
  data: Pick<CaseDocumentData, 'partyPresent' | 'partyRefusedToSign' | 'witness'>,
  receipt?: string,
): SignatureLine[] {
  const lines: SignatureLine[] = [];
  if (!data.partyPresent) lines.push({ role: '当事人', note: '（当事人不到场）' });
  else if (data.partyRefusedToSign) lines.push({ role: '当事人', note: '（当事人拒绝签名）' });
  else lines.push({ role: '当事人', ...(receipt ? { note: `${receipt}    年  月  日` } : {}) });
  if (data.witness) {
    const unit = data.witness.unit ? `单位：${data.witness.unit}` : '';
    lines.push({ role: '见证人', name: data.witness.name, note: unit });
  }
  return lines;
}
