/**
 * What the report archive says about one report number over all the trucks that presented it: the
 * certificate check's own reuse signals (tonnage beyond what the report covers, different origins), the
 * same number coming from different labs (which only the archive, seeing every check, can tell), and the
 * signals the checks raised, each once.
 */
import { usageSignals, type ReportUse, type Signal } from './certificate/signals.ts';
import type { SignalCode } from './certificate/vocabulary.ts';

export type ArchiveSignalCode = SignalCode | 'lab-mismatch';

export interface ArchiveSignal {
  code: ArchiveSignalCode;
  zh: string;
  en: string;
}

/** Signals the archive recomputes over every use, so a check's partial view of them is not repeated. */
const RECOMPUTED: readonly ArchiveSignalCode[] = ['tonnage-exceeded', 'origin-mismatch'];

/** Distinct values in first-seen order, blanks dropped. */
export function distinct<T>(values: readonly (T | null | undefined)[]): T[] {
  const seen: T[] = [];
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    if (!seen.includes(v)) seen.push(v);
  }
  return seen;
}

export function labSignal(labs: readonly string[]): ArchiveSignal | null {
  const names = distinct(labs.map((l) => l.trim()));
  if (names.length < 2) return null;
  const list = names.join('、');
  return { code: 'lab-mismatch', zh: `同一报告编号出自不同检测机构（${list}）`, en: `The same report number was given with different labs (${list})` };
}

export interface ArchiveSignalInput {
  uses: readonly ReportUse[];
  tonnageCoveredKg: number | null;
  labs: readonly string[];
  /** The signals stored with each check, in check order. */
  checkSignals: readonly (readonly Signal[])[];
}

export function archiveSignals(input: ArchiveSignalInput): ArchiveSignal[] {
  const found: ArchiveSignal[] = [...usageSignals(input.uses, input.tonnageCoveredKg ?? undefined)];
  const lab = labSignal(input.labs);
  if (lab) found.push(lab);
  for (const signals of input.checkSignals) {
    for (const s of signals) {
      if (RECOMPUTED.includes(s.code) || found.some((f) => f.zh === s.zh)) continue;
      found.push({ code: s.code, zh: s.zh, en: s.en });
    }
  }
  return found;
}
