/**
 * How the decision and the list are served on the spot (SAMR rule art.82). The officer chooses: 直接送达
 * by default; 留置送达 only when chosen, and then with a witness who signs the receipt (art.82(2)). A
 * party's refusal to sign the on-site record does not by itself make the service 留置送达.
 */
import type { Bilingual } from './seizure-term.ts';

export type OnSpotServiceMethod = '直接送达' | '留置送达';

export function serviceMethodProblems(c: { serviceMethod?: OnSpotServiceMethod; witness: { name: string } | null }): Bilingual[] {
  if (c.serviceMethod === '留置送达' && !c.witness?.name.trim()) {
    return [{
      code: 'service-witness',
      zh: '留置送达须邀请见证人到场，并在送达回证上载明拒收事由和日期（《市场监督管理行政处罚程序规定》第八十二条第二项）',
      en: 'service by leaving the papers needs a witness who signs the receipt (SAMR rule art.82(2))',
    }];
  }
  return [];
}
