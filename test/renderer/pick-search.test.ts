import { describe, expect, it } from 'vitest';
import { looksLikePinyin, searchPicks } from '../../src-renderer/components/pick-search.ts';

const entries = [
  { value: '陕西府谷', uses: 40 }, { value: '山西大同', uses: 12 }, { value: '内蒙古鄂尔多斯', uses: 30 },
  { value: '山西朔州', uses: 5 }, { value: '河北承德双桥区', uses: 50 }, { value: '大同市煤运公司', uses: 1 },
];
const values = (typed: string) => searchPicks(entries, typed).map((e) => e.value);

describe('pick lists searched without a Chinese input method', () => {
  it.each([
    ['sxdt', ['山西大同']],
    ['SXDT', ['山西大同']],
    ['shanxi', ['陕西府谷', '山西大同', '山西朔州']], // 陕西 and 山西 are both shanxi without tones
    ['sx', ['陕西府谷', '山西大同', '山西朔州']],
    ['dt', ['大同市煤运公司', '山西大同']],
    ['cdsq', ['河北承德双桥区']],
    ['eeds', ['内蒙古鄂尔多斯']],
    ['山西', ['山西大同', '山西朔州']],
    ['大同', ['大同市煤运公司', '山西大同']],
    ['xyz', []],
  ])('%s → %j', (typed, expected) => {
    expect(values(typed)).toEqual(expected);
  });

  it('offers the most used first when nothing is typed, and stops at the limit', () => {
    expect(searchPicks(entries, '  ', 3).map((e) => e.value)).toEqual(['陕西府谷', '山西大同', '内蒙古鄂尔多斯']);
  });

  it('does not offer the value already in the field', () => {
    expect(values('山西大同')).toEqual([]);
  });

  it('tells pinyin from a typed name', () => {
    expect(looksLikePinyin('sxdt')).toBe(true);
    expect(looksLikePinyin('山西')).toBe(false);
    expect(looksLikePinyin('A12')).toBe(false);
  });
});
