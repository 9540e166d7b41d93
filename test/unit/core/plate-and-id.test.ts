import { describe, expect, it } from 'vitest';
import { checkPlate, normalizePlate, formatPlate } from '../../../src-shared/domain/plate.ts';
import { checkIdNumber, maskIdNumber } from '../../../src-shared/domain/id-number.ts';

describe('plates (GA 36)', () => {
  it.each([
    ['冀A12345', 'ordinary'], ['冀A1234挂', 'trailer'], ['陕K8H2J7', 'ordinary'], ['京AD12345', 'new-energy'],
    ['粤B12345F', 'new-energy'], ['冀A1234学', 'ordinary'],
  ])('accepts %s as %s', (plate, kind) => {
    const r = checkPlate(plate);
    expect(r.ok && r.kind).toBe(kind);
  });

  it.each([
    ['', 'empty'], ['A12345', 'province'], ['秦A12345', 'province'], ['冀I12345', 'format'], ['冀A1234O', 'format'],
    ['冀A123456', 'format'], ['冀A1234', 'format'], ['冀AX12345', 'format'], ['冀A12 34 5 6', 'format'],
  ])('rejects %s (%s)', (plate, error) => {
    const r = checkPlate(plate);
    expect(r.ok ? 'ok' : r.error).toBe(error);
  });

  it('warns rather than rejects the newer A–K new-energy segments', () => {
    expect(checkPlate('京AA12345')).toMatchObject({ ok: true, warning: 'new-energy-extended-segment' });
  });

  it('normalises full-width characters, case and separators', () => {
    expect(normalizePlate(' 冀ａ·１２３４５ ')).toBe('冀A12345');
    expect(normalizePlate('冀A-1234挂')).toBe('冀A1234挂');
    expect(formatPlate('冀A12345')).toBe('冀A·12345');
  });
});

describe('ID numbers (GB 11643)', () => {
  const today = '2026-11-28';
  it.each(['11010519491231002X', '34052419800101001X', '11010519491231002x'])('accepts %s', (id) => {
    expect(checkIdNumber(id, today).ok).toBe(true);
  });
  it.each([
    ['340524198001010013', 'checksum'], ['440524188001010014', 'birth-date'], ['130102199003071234', 'checksum'], ['1101051949123100', 'format'],
    ['110105194902301234', 'birth-date'], ['110105203001010011', 'birth-date'], ['11010519491231002Y', 'format'],
  ])('rejects %s (%s)', (id, error) => {
    const r = checkIdNumber(id, today);
    expect(r.ok ? 'ok' : r.error).toBe(error);
  });
  it('reads sex from the sequence code and masks for display', () => {
    expect(checkIdNumber('11010519491231002X', today)).toMatchObject({ sex: 'female', birthDate: '1949-12-31' });
    expect(maskIdNumber('130102199003071233')).toBe('1301**********1233');
  });
});
