/**
 * What an export says, independent of the file format: a header (who, where, which period) and
 * sections of figures. The xlsx, csv and pdf writers only decide how it looks, so the three formats
 * always carry the same numbers.
 */
import type { Station } from '../../../src-shared/contract/accounts.ts';
import { toLocalIso } from '../../../src-shared/domain/local-time.ts';

export type Figure =
  | { kind: 'count'; value: number }
  | { kind: 'kg'; value: number }
  | { kind: 'share'; part: number; whole: number }
  | { kind: 'text'; value: string };

export const count = (value: number): Figure => ({ kind: 'count', value });
export const kg = (value: number): Figure => ({ kind: 'kg', value });
export const share = (part: number, whole: number): Figure => ({ kind: 'share', part, whole });
export const text = (value: string): Figure => ({ kind: 'text', value });

export interface Section {
  title: string;
  columns: string[];
  rows: Figure[][];
}

export interface ExportHeader {
  title: string;
  station: Station;
  /** e.g. 2026-W48（2026-11-23 至 2026-11-29） */
  periodLabel: string;
  exportedBy: string;
  exportedAt: Date;
  /** Only for exports listing people: whether ID and phone numbers are masked. */
  masked?: boolean;
}

/** Tonnes with three decimals, from integer kg (no float sums: kg are summed first). */
export const tonnesText = (kgValue: number): string => (kgValue / 1000).toFixed(3);

export function shareText(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

export function figureText(f: Figure): string {
  switch (f.kind) {
    case 'count': return String(f.value);
    case 'kg': return tonnesText(f.value);
    case 'share': return shareText(f.part, f.whole);
    case 'text': return f.value;
  }
}

/** Local 'YYYY-MM-DD HH:mm'. */
export const localMinute = (instant: Date): string => toLocalIso(instant).slice(0, 16).replace('T', ' ');

/** The lines every export opens with. */
export function headerLines(h: ExportHeader): [string, string][] {
  const lines: [string, string][] = [
    ['检查站', `${h.station.name}（${h.station.code}）`],
    ['统计期间', h.periodLabel],
    ['导出人', h.exportedBy],
    ['导出时间', localMinute(h.exportedAt)],
  ];
  if (h.masked !== undefined) lines.push(['身份证号及电话', h.masked ? '已脱敏' : '未脱敏（本次导出已记入审计日志）']);
  return lines;
}
