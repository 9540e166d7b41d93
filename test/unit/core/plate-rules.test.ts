/**
 * GA 36-2018 plates against generated inputs: what people type (full-width letters, lower case, middle dots)
 * is cleaned; look-alike characters that Unicode case mapping would turn into Latin letters are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlate, formatPlate, normalizePlate, PLATE_PROVINCES } from '../../../src-shared/domain/plate.ts';
import zhCN from '../../../src-shared/contract/i18n/zh-CN.ts';

const MIDDLE_DOTS = ['·', '•', '・', '⋅', '∙', '‧', '･'];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const SERIAL = `${LETTERS}0123456789`;

const ordinaryArb = fc
  .tuple(fc.constantFrom(...PLATE_PROVINCES), fc.constantFrom(...LETTERS), fc.array(fc.constantFrom(...SERIAL), { minLength: 5, maxLength: 5 }))
  .map(([p, l, s]) => `${p}${l}${s.join('')}`);

/** Every UTF-16 code unit whose upper or lower case has another length (ß → SS, ﬀ → FF, İ → i̇ …). */
const lengthChanging: string[] = [];
for (let c = 0x80; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  if (ch.toUpperCase().length !== 1 || ch.toLowerCase().length !== 1) lengthChanging.push(ch);
}

/** Non-ASCII characters whose case mapping lands on an ASCII letter (ſ → S, K (Kelvin) → k, ı → I …). */
const caseLookAlikes: string[] = [];
for (let c = 0x80; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z]/.test(ch.toUpperCase()) || /[A-Za-z]/.test(ch.toLowerCase())) caseLookAlikes.push(ch);
}

describe('GA 36-2018 plate clean-up', () => {
  it('the examples from the review are refused with a Chinese message', () => {
    for (const typed of ['甘Nß123', '沪G1234ſ', '京Aﬀ123', '冀А12345' /* Cyrillic А */, '冀Α12345' /* Greek Α */]) {
      expect(checkPlate(typed)).toMatchObject({ ok: false, error: 'character' });
    }
    expect(zhCN.validation.plate.character).toMatch(/[\u4e00-\u9fff]/);
  });

  it('finds the length-changing and case look-alike characters to test', () => {
    expect(lengthChanging).toContain('ß');
    expect(lengthChanging).toContain('ﬀ');
    expect(caseLookAlikes).toEqual(expect.arrayContaining(['ſ', '\u212A', 'ı', 'İ']));
  });

  it('any character that changes length on case mapping is refused, wherever it stands', () => {
    fc.assert(
      fc.property(ordinaryArb, fc.constantFrom(...lengthChanging), fc.nat(), (plate, ch, at) => {
        const i = 1 + (at % plate.length);
        const typed = plate.slice(0, i) + ch + plate.slice(i);
        expect(checkPlate(typed)).toMatchObject({ ok: false, error: 'character' });
        expect(checkPlate(typed.toLowerCase()).ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('any non-ASCII character that case-maps to a Latin letter is refused in place of a serial character', () => {
    fc.assert(
      fc.property(ordinaryArb, fc.constantFrom(...caseLookAlikes), fc.integer({ min: 2, max: 6 }), (plate, ch, i) => {
        expect(checkPlate(plate.slice(0, i) + ch + plate.slice(i + 1))).toMatchObject({ ok: false, error: 'character' });
      }),
      { numRuns: 400 },
    );
  });

  it('every middle dot is removed, wherever it stands, and the plate is kept', () => {
    for (const dot of MIDDLE_DOTS) {
      fc.assert(
        fc.property(ordinaryArb, fc.nat(), (plate, at) => {
          const i = at % (plate.length + 1);
          expect(checkPlate(plate.slice(0, i) + dot + plate.slice(i))).toEqual({ ok: true, plate, kind: 'ordinary' });
        }),
        { numRuns: 50 },
      );
    }
  });

  it('full-width letters and digits, lower case, spaces, dots and hyphens are cleaned', () => {
    const fullWidth = (s: string) => [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    fc.assert(
      fc.property(ordinaryArb, fc.boolean(), fc.boolean(), (plate, wide, lower) => {
        let typed = lower ? plate.toLowerCase() : plate;
        if (wide) typed = fullWidth(typed);
        expect(normalizePlate(typed)).toBe(plate);
        expect(checkPlate(`${typed.slice(0, 2)} · ${typed.slice(2)}`)).toMatchObject({ ok: true, plate });
      }),
      { numRuns: 300 },
    );
    expect(normalizePlate('冀A.12-3\u30004\uff0e5\uff0d')).toBe('冀A12345');
    expect(normalizePlate('\t冀a12345\n')).toBe('冀A12345');
  });

  it('full-width punctuation other than separators is not mapped into ASCII', () => {
    expect(normalizePlate('冀Ａ１２３４＃')).toBe('冀A1234＃');
    expect(checkPlate('冀Ａ１２３４＃')).toMatchObject({ ok: false, error: 'character' });
    expect(checkPlate('冀A1234@')).toMatchObject({ ok: false, error: 'character' });
  });

  it('new-energy plates: D/F segments plainly, the newer A–K segments with a warning', () => {
    expect(checkPlate('京AD12345')).toEqual({ ok: true, plate: '京AD12345', kind: 'new-energy' });
    expect(checkPlate('粤B12345F')).toEqual({ ok: true, plate: '粤B12345F', kind: 'new-energy' });
    expect(checkPlate('京AA12345')).toEqual({ ok: true, plate: '京AA12345', kind: 'new-energy', warning: 'new-energy-extended-segment' });
    expect(checkPlate('京A12345K')).toEqual({ ok: true, plate: '京A12345K', kind: 'new-energy', warning: 'new-energy-extended-segment' });
    expect(checkPlate('京AL12345')).toMatchObject({ ok: false, error: 'format' });
    expect(checkPlate('冀A1234挂')).toEqual({ ok: true, plate: '冀A1234挂', kind: 'trailer' });
    expect(checkPlate('冀A12345')).toEqual({ ok: true, plate: '冀A12345', kind: 'ordinary' });
  });

  it('formats with the separator after the issuing-authority letter, and leaves a stub alone', () => {
    expect(formatPlate('冀A12345')).toBe('冀A·12345');
    expect(formatPlate('冀AD12345')).toBe('冀A·D12345');
    expect(formatPlate('冀A')).toBe('冀A');
    expect(formatPlate('冀A1')).toBe('冀A·1');
  });

  it('Chinese characters are not a character error: they are judged as province or format', () => {
    expect(checkPlate('秦A12345')).toMatchObject({ error: 'province' });
    expect(checkPlate('冀A1234中')).toMatchObject({ error: 'format' });
    expect(checkPlate('·')).toMatchObject({ ok: false, error: 'empty' });
  });
});
