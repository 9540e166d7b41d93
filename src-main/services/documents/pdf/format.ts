/** Chinese formatting of dates, times and quantities on printed documents (Asia/Shanghai). */
import { shanghaiDate } from '../../../../src-shared/domain/seizure-term.ts';
import type { IsoDate } from './types.ts';

/** 2026-03-05 → 2026年3月5日 */
export function dateZh(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * A time as printed: an ISO instant, or a Beijing wall time written without a zone. Never the machine's
 * zone: "2026-03-06 09:00" read as local time on a UTC machine printed 8 h late on the 副本 stamp.
 */
export function parseInstant(text: string): Date {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim());
  const t = new Date(zoned ? text : `${text.trim().replace(' ', 'T')}+08:00`);
  if (Number.isNaN(t.getTime())) throw new RangeError(`not a time: ${text}`);
  return t;
}

/** ISO instant → 2026年3月5日14时05分, in Shanghai time. */
export function dateTimeZh(instant: string): string {
  const t = parseInstant(instant);
  const shifted = new Date(t.getTime() + 8 * 3_600_000);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return `${dateZh(shanghaiDate(t))}${hh}时${mm}分`;
}

/** 12345 → "12.345吨（12345千克）": forms count coal in tonnes, the ledger in kilograms. */
export function quantityZh(quantityKg: number): string {
  return `${(quantityKg / 1000).toFixed(3)}吨（${quantityKg}千克）`;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Small integers as Chinese numerals (三十日, 第二十八条): 1–99. */
export function numberZh(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

export const MEASUREMENT_ZH = { weighbridge: '地磅称重', waybill: '运单记载', estimate: '估算' } as const;

/** ISO instant → its Shanghai date in Chinese, e.g. for a seal date. */
export function instantDateZh(instant: string): string {
  return dateZh(shanghaiDate(parseInstant(instant)));
}
