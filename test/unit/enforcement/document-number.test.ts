import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_NUMBER_PATTERNS,
  DOCUMENT_KINDS,
  formatDocumentNumber,
  nextSequence,
  parseDocumentNumber,
  parseNumberPattern,
} from '../../../src-shared/domain/document-number.ts';

describe('document numbers', () => {
  it('formats the Chengde pattern', () => {
    expect(formatDocumentNumber('冀承市监强〔{year}〕第{seq:4}号', 2026, 1)).toBe('冀承市监强〔2026〕第0001号');
    expect(formatDocumentNumber('冀承市监强〔{year}〕{seq}号', 2026, 12)).toBe('冀承市监强〔2026〕12号');
    expect(formatDocumentNumber('冀承市监强〔{year}〕第{seq:4}号', 2026, 12345)).toBe('冀承市监强〔2026〕第12345号');
  });

  it('every default pattern is valid', () => {
    for (const kind of DOCUMENT_KINDS) expect(parseNumberPattern(DEFAULT_NUMBER_PATTERNS[kind]).ok).toBe(true);
  });

  it.each([
    ['冀承市监强第{seq:4}号', '{year}'],
    ['冀承市监强〔{year}〕号', '{seq}'],
    ['冀承〔{year}〕{seq}{seq}', '{seq}'],
    ['冀承〔{year}〕第{num}号', '未知占位符'],
    ['冀承〔{year}{seq}', '分隔'],
    ['冀承〔{year}〕第{seq:4号', '花括号'],
  ])('rejects %s', (pattern, message) => {
    const r = parseNumberPattern(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toContain(message);
  });

  it('property: parse(format(year, seq)) = (year, seq)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(DEFAULT_NUMBER_PATTERNS)), fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_999 }), (pattern, year, seq) => {
        expect(parseDocumentNumber(pattern, formatDocumentNumber(pattern, year, seq))).toEqual({ year, seq });
      }),
    );
  });

  it('never reuses a number: voided numbers stay used, years restart', () => {
    const issued = [
      { year: 2026, seq: 1 },
      { year: 2026, seq: 2, voidReason: '打印错误' },
      { year: 2025, seq: 40 },
    ];
    expect(nextSequence(issued, 2026)).toBe(3);
    expect(nextSequence(issued, 2027)).toBe(1);
  });
});
