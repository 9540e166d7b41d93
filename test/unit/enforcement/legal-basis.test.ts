import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LegalBasisListSchema, seizureBasisProblems, type LegalBasisList } from '../../../src-shared/domain/legal-basis.ts';
import { serviceMethodProblems } from '../../../src-shared/domain/service-method.ts';

const raw = JSON.parse(readFileSync(new URL('../../../data/legal-basis.json', import.meta.url), 'utf8')) as LegalBasisList;
const list = LegalBasisListSchema.parse(raw);
const effectOf = (id: string) => list.entries.find((e) => e.id === id)?.effect;
const codes = (ids: string[]) => seizureBasisProblems(ids, list).map((p) => p.code);

describe('data/legal-basis.json', () => {
  it('validates: every entry says what it does, with its source and verified flag', () => {
    for (const e of list.entries) {
      expect(e.source.length).toBeGreaterThan(1);
      expect(typeof e.verified).toBe('boolean');
    }
  });

  it.each([
    ['a duplicate id', (l: LegalBasisList) => ({ ...l, entries: [...l.entries, l.entries[0]!] })],
    ['an unknown effect', (l: LegalBasisList) => ({ ...l, entries: [{ ...l.entries[0]!, effect: 'power' }] })],
    ['a power with no holder', (l: LegalBasisList) => ({ ...l, entries: [{ ...l.entries.find((e) => e.effect === 'seize')!, holder: undefined }] })],
    ['a procedure with a holder', (l: LegalBasisList) => ({ ...l, entries: [{ ...l.entries.find((e) => e.effect === 'procedure')!, holder: '市场监督管理部门' }] })],
    ['an article not written 第…条', (l: LegalBasisList) => ({ ...l, entries: [{ ...l.entries[0]!, article: 'art. 18' }] })],
    ['no verified flag', (l: LegalBasisList) => ({ ...l, entries: [{ ...l.entries[0]!, verified: undefined }] })],
  ])('refuses a list with %s', (_label, mutate) => {
    expect(LegalBasisListSchema.safeParse(mutate(raw)).success).toBe(false);
  });

  // Reference Part G, "which article does what".
  it.each([
    ['cpzl-18', 'seize', '产品质量法 art.18(1)(4) grants 市场监管 the power to seize'],
    ['dqwr-30', 'seize', '大气污染防治法 art.30: power to seize in emission cases'],
    ['dqwr-35', 'prohibition', '大气污染防治法 art.35 prohibits; it is the fact found'],
    ['dqwr-36', 'prohibition', '大气污染防治法 art.36 is addressed to local government and sellers; not a power'],
    ['dqwr-103', 'confiscate', '大气污染防治法 art.103: confiscation as a penalty'],
    ['xzqz-18', 'procedure', '行政强制法 art.18: procedure'],
    ['xzqz-22', 'procedure', '行政强制法 art.22 limits who may seize; grants nothing'],
    ['xzqz-24', 'procedure', '行政强制法 art.24: decision and list on the spot'],
    ['xzqz-25', 'procedure', '行政强制法 art.25: term'],
    ['samr-36', 'procedure', 'a departmental rule cannot set a coercive measure (行政强制法 art.10)'],
  ])('%s is %s (%s)', (id, effect) => {
    expect(effectOf(id)).toBe(effect);
  });
});

describe('a seizure decision needs a power and its procedure (行政强制法 arts 10, 18, 24)', () => {
  it.each([
    [['cpzl-18', 'xzqz-24'], []],
    [['cpzl-18', 'xzqz-18'], []],
    [['cpzl-18', 'xzqz-24', 'dqwr-36'], []],
    [['dqwr-30', 'xzqz-18', 'xzqz-24'], []],
    // The faults the review found: procedure only, a prohibition as the power, the demo's old basis.
    [['xzqz-24'], ['legal-basis-power']],
    [['dqwr-36', 'xzqz-24'], ['legal-basis-power']],
    [['dqwr-103', 'xzqz-24'], ['legal-basis-power']],
    [['samr-36', 'samr-37'], ['legal-basis-power', 'legal-basis-procedure']],
    [['cpzl-18'], ['legal-basis-procedure']],
    [['cpzl-18', 'xzqz-25'], ['legal-basis-procedure']],
    [[], ['legal-basis-power', 'legal-basis-procedure']],
    [['cpzl-18', 'xzqz-24', 'gone-1'], ['legal-basis-unknown']],
  ])('%j → %j', (ids, expected) => {
    expect(codes(ids)).toEqual(expected);
  });

  it('explains the refusal in Chinese, naming the article that would do', () => {
    const [power, procedure] = seizureBasisProblems(['dqwr-36'], list);
    expect(power?.zh).toContain('授予查封、扣押权');
    expect(power?.zh).toContain('《中华人民共和国产品质量法》第十八条第一款第（四）项');
    expect(procedure?.zh).toContain('《中华人民共和国行政强制法》第十八条或第二十四条');
  });
});

describe('the on-the-spot service method is the officer\'s choice (SAMR rule art.82)', () => {
  it.each([
    [undefined, null, 0],
    ['直接送达', null, 0],
    ['留置送达', { name: '孙三' }, 0],
    ['留置送达', null, 1],
    ['留置送达', { name: '  ' }, 1],
  ] as const)('%s with witness %j → %i problems (art.82(2): 留置送达 needs a witness)', (serviceMethod, witness, n) => {
    expect(serviceMethodProblems({ ...(serviceMethod ? { serviceMethod } : {}), witness })).toHaveLength(n);
  });
});
