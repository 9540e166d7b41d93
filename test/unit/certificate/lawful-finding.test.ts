import { describe, expect, it } from 'vitest';
import { checkCertificate, chengdePolicy, lawfulFinding, shippedLimits, type CertificateResult } from '../../../src-shared/domain/certificate/index.ts';
import { NOW, exampleResults, replaceResult, report, result } from './fixtures.ts';

const ctx = { limits: shippedLimits, policy: chengdePolicy, now: NOW };
const failing = (adAdPct: number) => checkCertificate(report({ results: replaceResult(exampleResults, result('A', 'ad', adAdPct)) }), ctx);

describe('lawfulFinding: what a document prints', () => {
  it('states standard, grade, clause, item, converted value and limit for each limit not met', () => {
    const f = lawfulFinding(failing(15.808)); // Ad exactly 16.00 % against art.9 "< 16"
    expect(f.noReport).toBe(false);
    // Art.9 first (policy order); GB 34169 无烟1号 ash and, with more ash, V,daf fail too.
    expect(f.facts.map((x) => `${x.grade} ${x.item}`)).toEqual(['京津冀及周边地区散煤 灰分（A,d）', '无烟1号 灰分（A,d）', '无烟1号 挥发分（V,daf）']);
    expect(f.facts[0]).toEqual({
      standard: '《商品煤质量管理暂行办法（国家发展改革委等六部门令第16号）》', grade: '京津冀及周边地区散煤', clause: '第九条',
      item: '灰分（A,d）', value: '16.00', unit: '%', limit: '< 16.00', verified: true,
      text: '依据《商品煤质量管理暂行办法（国家发展改革委等六部门令第16号）》“京津冀及周边地区散煤”（第九条）规定，灰分（A,d）检测值折算为 16.00 %，标准要求 < 16.00 %，不符合。',
    });
    expect(f.text).toBe(f.facts.map((x) => x.text).join('\n'));
  });
  it('names a coded standard with its edition and title, and flags an unverified limit for the caller', () => {
    const f = lawfulFinding(failing(12.5));
    expect(f.facts.map((x) => [x.standard, x.grade, x.item, x.value, x.limit, x.verified])).toEqual([
      ['GB 34169-2017《商品煤质量 民用散煤》', '无烟1号', '灰分（A,d）', '12.65', '≤ 12.00', false],
    ]);
  });
  it('never prints the internal notes of the check', () => {
    const r = failing(17);
    expect(r.reasons.some((x) => x.zh.includes('限值待核对'))).toBe(true);
    const text = lawfulFinding(r).text;
    expect(text.split('\n')).toHaveLength(3);
    for (const note of ['限值待核对', '未载入', '抽样', '查扣', '人工核验', '疑点']) expect(text).not.toContain(note);
  });
  it('adds decimals until the value and the limit differ (full-value comparison)', () => {
    const r: CertificateResult = failing(15.808);
    const item = { ...r.items.find((i) => i.ok === false)!, value: 16.0004, display: '16.00', limit: 16, comparison: '<=' as const, limitDisplay: '≤ 16.00' };
    expect(lawfulFinding({ ...r, items: [item] }).facts[0]!.value).toBe('16.0004');
    expect(lawfulFinding({ ...r, items: [{ ...item, value: 16.5, display: '16.50' }] }).facts[0]!.value).toBe('16.50');
  });
  it('a value shown without decimals stays so when it already differs from the limit', () => {
    const r = failing(15.808);
    const item = { ...r.items.find((i) => i.ok === false)!, value: 17, display: '17', limit: 16, limitDisplay: '< 16' };
    expect(lawfulFinding({ ...r, items: [item] }).facts[0]!.value).toBe('17');
    expect(lawfulFinding({ ...r, items: [{ ...item, value: 16.2, display: '16' }] }).facts[0]!.value).toBe('16.2');
  });
  it('stops adding decimals at six', () => {
    const r = failing(15.808);
    const item = { ...r.items.find((i) => i.ok === false)!, value: 16 + 1e-9, display: '16.00', limit: 16 };
    expect(lawfulFinding({ ...r, items: [item] }).facts[0]!.value).toBe('16.000000');
  });
  it('a stored check without the title still names the standard', () => {
    const r = failing(15.808);
    const { title: _dropped, ...old } = r.items.find((i) => i.ok === false)!;
    expect(lawfulFinding({ ...r, items: [old] }).facts[0]!.standard).toBe('《商品煤质量管理暂行办法》');
    const coded = { ...old, standard: 'GB 34169', edition: '2017' };
    expect(lawfulFinding({ ...r, items: [coded] }).facts[0]!.standard).toBe('GB 34169-2017');
  });
  it('the truck without a report: the fact that none was presented', () => {
    const r = checkCertificate({ reportNumber: null, arrivedAt: '2026-11-28T09:15:00+08:00', coalForm: 'loose', use: 'civil', destinationInHebei: true }, ctx);
    expect(lawfulFinding(r)).toEqual({ facts: [], noReport: true, text: '当事人未能提供所运煤炭的检验检测报告（质检报告）。' });
  });
  it('nothing to state for a pass, and items not judged are not facts', () => {
    const pass = checkCertificate(report(), ctx);
    expect(pass.items.some((i) => i.ok === null)).toBe(true);
    expect(lawfulFinding(pass)).toEqual({ facts: [], noReport: false, text: '' });
  });
});
