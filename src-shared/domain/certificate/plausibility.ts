/** Figures no real coal report can contain; any of them makes the verdict `invalid`. */
import { ITEM_INFO } from './items.ts';
import type { Measurements } from './measurements.ts';
import type { ReportInput } from './report-input.ts';
import type { Bilingual } from './vocabulary.ts';

/** No coal exceeds this calorific value on any basis (anthracite peaks near 37 MJ/kg daf). */
const MAX_COAL_HEAT_MJ_PER_KG = 40;

export function impossibilities(report: ReportInput, m: Measurements): Bilingual[] {
  const found: Bilingual[] = [];
  for (const r of report.results) {
    const label = r.basis ? `${r.item},${r.basis}` : r.item;
    const value = m.reported.get(label)!;
    const info = ITEM_INFO[r.item];
    if (value < 0) found.push({ zh: `${label} 为负值（${r.value}）`, en: `${label} is negative (${r.value})` });
    else if (info.unit === '%' && value > 100) found.push({ zh: `${label} 超过100%（${r.value}）`, en: `${label} exceeds 100 % (${r.value})` });
    else if (info.kind === 'heat' && value > MAX_COAL_HEAT_MJ_PER_KG) {
      found.push({ zh: `${label} 超过煤可能的发热量（${value.toFixed(2)} MJ/kg）`, en: `${label} is above any coal's calorific value (${value.toFixed(2)} MJ/kg)` });
    }
    if (r.item === 'A' && r.basis === 'daf') found.push({ zh: '干燥无灰基不可能有灰分（A,daf）', en: 'Ash cannot be given on the dry ash-free basis (A,daf)' });
  }
  const { madPct, mtPct } = m.inputs;
  // Air-drying only removes water, so the air-dried sample cannot hold more moisture than the coal as received.
  if (madPct !== undefined && mtPct !== undefined && madPct > mtPct) {
    found.push({ zh: `空气干燥基水分 Mad（${madPct}）大于全水分 Mt（${mtPct}）`, en: `Air-dried moisture Mad (${madPct}) exceeds total moisture Mt (${mtPct})` });
  }
  const sumAd = ['M,ad', 'A,ad', 'V,ad'].map((l) => m.reported.get(l) ?? 0).reduce((a, b) => a + b, 0);
  if (sumAd > 100) found.push({ zh: `Mad + Aad + Vad = ${sumAd.toFixed(2)}%，超过100%`, en: `Mad + Aad + Vad = ${sumAd.toFixed(2)} %, more than 100 %` });
  if (madPct !== undefined && madPct >= 100) found.push({ zh: 'Mad 不可能达到100%', en: 'Mad cannot reach 100 %' });
  const { ashDryPct } = m.inputs;
  if (ashDryPct !== undefined && ashDryPct >= 100) found.push({ zh: `折算干燥基灰分 Ad = ${ashDryPct.toFixed(2)}%，不可能`, en: `Dry-basis ash works out at ${ashDryPct.toFixed(2)} %, which is impossible` });
  if (mtPct !== undefined && mtPct >= 100) found.push({ zh: 'Mt 不可能达到100%', en: 'Mt cannot reach 100 %' });
  if (report.sampledOn > report.reportedOn) {
    found.push({ zh: `报告日期（${report.reportedOn}）早于采样日期（${report.sampledOn}）`, en: `The report date (${report.reportedOn}) is before the sampling date (${report.sampledOn})` });
  }
  return found;
}
