/**
 * GB 11643-1999 公民身份号码 against generated inputs. The expected check character is computed here by an
 * independent route (W[i] = 2^(17−i) mod 11, check = (12 − S mod 11) mod 11, 10 → X), not by the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, EARLIEST_BIRTH_YEAR, idCheckChar, isProvinceCode, maskIdNumber, normalizeIdNumber } from '../../../src-shared/domain/id-number.ts';
import zhCN from '../../../src-shared/contract/i18n/zh-CN.ts';

const TODAY = '2026-11-29';

function referenceCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (s % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** GB/T 2260 province-level codes, written out (not ranges) so a wrong range bound shows. */
const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
];
const PERMITS = [81, 82, 83];
const NOT_PROVINCES = Array.from({ length: 100 }, (_, i) => i).filter((i) => !PROVINCES.includes(i) && !PERMITS.includes(i));

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const withCheck = (first17: string) => first17 + referenceCheckChar(first17);
const build = (province: number, county: number, date: string, seq: number) => withCheck(`${pad(province, 2)}${pad(county, 4)}${date}${pad(seq, 3)}`);

const dayMs = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const firstDayMs = Date.UTC(EARLIEST_BIRTH_YEAR, 0, 1);
const todayMs = Date.parse(`${TODAY}T00:00:00Z`);

const provinceArb = fc.constantFrom(...PROVINCES, ...PERMITS);
const pastDateArb = fc.integer({ min: 0, max: (todayMs - firstDayMs) / dayMs }).map((d) => isoOf(firstDayMs + d * dayMs));
const validArb = fc.record({ province: provinceArb, county: fc.integer({ min: 0, max: 9999 }), date: pastDateArb, seq: fc.integer({ min: 0, max: 999 }) });

describe('GB 11643-1999 §4–§8: valid numbers are accepted and read correctly', () => {
  it('reference vectors (§8 check character, ISO 7064 MOD 11-2)', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', group: 'mainland' });
    expect(checkIdNumber('34052419800101001X', TODAY)).toMatchObject({ ok: true, sex: 'male' });
    expect(checkIdNumber('340524198001010013', TODAY)).toMatchObject({ ok: false, error: 'checksum' });
    expect(checkIdNumber('130102199003071234', TODAY)).toMatchObject({ ok: false, error: 'checksum' });
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('13010219900307123')).toBe('3');
  });

  it('every generated number with a province, a real past date and its check character', () => {
    fc.assert(
      fc.property(validArb, ({ province, county, date, seq }) => {
        const id = build(province, county, date.replaceAll('-', ''), seq);
        expect(checkIdNumber(id, TODAY)).toEqual({
          ok: true,
          idNumber: id,
          birthDate: date,
          sex: seq % 2 === 1 ? 'male' : 'female',
          group: province >= 81 ? 'hk-mo-tw-residence' : 'mainland',
        });
      }),
      { numRuns: 500 },
    );
  });

  it('the check character of every 17-digit body matches the independent computation', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
      expect(idCheckChar(body)).toBe(referenceCheckChar(body));
    }), { numRuns: 500 });
  });

  it('normalises a lower-case x, full-width characters and spaces', () => {
    expect(checkIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(checkIdNumber(' 110105 19491231 002ｘ ', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
    expect(normalizeIdNumber('１ｘ\t2')).toBe('1X2');
  });
});

describe('GB 11643-1999 §8: a wrong check character is refused', () => {
  it('every other character in the last place', () => {
    fc.assert(
      fc.property(validArb, fc.constantFrom(...'0123456789X'), ({ province, county, date, seq }, other) => {
        const id = build(province, county, date.replaceAll('-', ''), seq);
        fc.pre(other !== id[17]);
        expect(checkIdNumber(id.slice(0, 17) + other, TODAY)).toEqual({ ok: false, idNumber: id.slice(0, 17) + other, error: 'checksum' });
      }),
      { numRuns: 300 },
    );
  });
});

describe('GB 11643-1999 §6: the birth date is a real date, not in the future, not before 1900', () => {
  const withDate = (yyyymmdd: string) => build(13, 102, yyyymmdd, 123);

  it.each([
    ['18490229', '29 Feb 1849: no such day, and before 1900'],
    ['19000229', '1900 is not a leap year'],
    ['20230229', '2023 is not a leap year'],
    ['19901301', 'month 13'],
    ['19900001', 'month 0'],
    ['19900100', 'day 0'],
    ['19900132', '32 January'],
    ['19900431', '31 April'],
    ['19900631', '31 June'],
    ['19900931', '31 September'],
    ['19901131', '31 November'],
    ['18991231', 'the day before 1900'],
    ['20261130', 'the day after today'],
    ['99991231', 'far future'],
  ])('%s is refused (%s)', (date) => {
    expect(checkIdNumber(withDate(date), TODAY)).toMatchObject({ ok: false, error: 'birth-date' });
  });

  it.each(['19000101', '20000229', '19960229', '19901231', '20261129'])('%s is accepted', (date) => {
    expect(checkIdNumber(withDate(date), TODAY).ok).toBe(true);
  });

  it('any month from 13 to 99 and any day beyond the month are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2025 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(checkIdNumber(withDate(`${y}${pad(m, 2)}${pad(d, 2)}`), TODAY)).toMatchObject({ error: 'birth-date' });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const ok = checkIdNumber(withDate(`${y}${pad(m, 2)}${pad(d, 2)}`), TODAY).ok;
        expect(ok).toBe(d >= 1 && d <= daysInMonth);
      }),
      { numRuns: 500 },
    );
  });

  it('any date after the injected today is refused, and the clock decides', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), (days) => {
        const date = isoOf(todayMs + days * dayMs);
        expect(checkIdNumber(withDate(date.replaceAll('-', '')), TODAY)).toMatchObject({ error: 'birth-date' });
        expect(checkIdNumber(withDate(date.replaceAll('-', '')), '9999-12-31').ok).toBe(true);
      }),
    );
  });

  it('any date before 1900 is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), (days) => {
        const date = isoOf(firstDayMs - days * dayMs);
        fc.pre(date.length === 10 && !date.startsWith('-'));
        expect(checkIdNumber(withDate(date.replaceAll('-', '')), TODAY)).toMatchObject({ error: 'birth-date' });
      }),
    );
  });
});

describe('GB 11643-1999 §5 / GB/T 2260: the first two digits are a province', () => {
  it.each(NOT_PROVINCES.map((p) => [pad(p, 2)]))('prefix %s is refused', (prefix) => {
    const id = withCheck(`${prefix}0102199003071`.padEnd(17, '2'));
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, idNumber: id, error: 'province' });
    expect(isProvinceCode(Number(prefix))).toBe(false);
  });

  it.each([...PROVINCES, ...PERMITS].map((p) => [pad(p, 2)]))('prefix %s is accepted', (prefix) => {
    expect(checkIdNumber(build(Number(prefix), 102, '19900307', 123), TODAY).ok).toBe(true);
  });

  it('81, 82 and 83 are the Hong Kong, Macao and Taiwan residence permits (card type J)', () => {
    for (const p of PERMITS) expect(checkIdNumber(build(p, 0, '19900307', 1), TODAY)).toMatchObject({ group: 'hk-mo-tw-residence' });
    expect(checkIdNumber(build(65, 0, '19900307', 1), TODAY)).toMatchObject({ group: 'mainland' });
  });
});

describe('shape', () => {
  it.each([
    ['1101051949123100', '16 characters'],
    ['11010519491231002', '17 characters'],
    ['11010519491231002X1', '19 characters'],
    ['11010519491231002Y', 'Y as check character'],
    ['1101051949123100X2', 'X inside'],
    ['11010519491A31002X', 'a letter inside'],
    ['', 'empty'],
    ['A11010519491231002X', 'a letter before 18 good characters'],
    ['111010519491231002X', '19 characters ending in 18 good ones'],
    ['11010519491231002XA', 'a letter after 18 good characters'],
  ])('%s is refused as format (%s)', (id) => {
    expect(checkIdNumber(id, TODAY)).toMatchObject({ ok: false, error: 'format' });
  });

  it('each refusal has a Chinese message', () => {
    for (const key of ['format', 'province', 'birth-date', 'checksum'] as const) {
      expect(zhCN.validation.idNumber[key]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('130102199003071233')).toBe('1301**********1233');
    expect(maskIdNumber('12345678')).toBe('12345678');
    expect(maskIdNumber('123456789')).toBe('1234*6789');
    expect(maskIdNumber('1234')).toBe('1234');
    expect(maskIdNumber('')).toBe('');
  });
});
