/** Limits tables: parsing, choosing the rows that apply, comparing a value, and previewing an import. */
import { itemLabel, type Basis, type Item } from './items.ts';
import { limitRowKey, limitsTableSchema, parseWith, type Comparison, type LimitRow, type LimitsTable, type Parsed, type StandardGrade } from './schemas.ts';

export function parseLimitsTable(json: unknown): Parsed<LimitsTable> {
  return parseWith(limitsTableSchema, json);
}

export function isEffectiveOn(row: LimitRow, date: string): boolean {
  return row.effectiveFrom <= date && (row.effectiveTo === null || date <= row.effectiveTo);
}

export interface SelectedLimits {
  rows: LimitRow[];
  /** Standard/grade pairs the policy asked for that have no row in force on the date. */
  unknown: StandardGrade[];
}

/** The rows of the requested standards and grades in force on `date` (YYYY-MM-DD). */
export function selectLimits(table: LimitsTable, wanted: readonly StandardGrade[], date: string): SelectedLimits {
  const rows: LimitRow[] = [];
  const unknown: StandardGrade[] = [];
  for (const sg of wanted) {
    const matching = table.rows.filter((r) => r.standard === sg.standard && r.grade === sg.grade && isEffectiveOn(r, date));
    if (matching.length === 0) unknown.push(sg);
    rows.push(...matching);
  }
  return { rows, unknown };
}

/** Ash and sulfur: a grade without a loaded limit for either cannot be judged at all (the checkpoint exists for them). */
export const CORE_ITEMS: readonly Item[] = ['A', 'St'];

/** A grade some of whose limits have no value yet: shown as 未核验（限值未载入）, never skipped. */
export interface NotLoaded extends StandardGrade {
  /** Core items (ash, sulfur) with no loaded limit in the grade: the grade cannot be judged. */
  core: Item[];
  /** Every row of the grade with no value, as "Qnet,ar". */
  items: string[];
}

type RowLike = Pick<LimitRow, 'standard' | 'grade' | 'item' | 'limit'> & { basis: Basis | null };

/** Which of `grades` lack values among `rows` (the rows in force for them, or the checks made with them). */
export function notLoaded(grades: readonly StandardGrade[], rows: readonly RowLike[]): NotLoaded[] {
  return grades.flatMap((sg) => {
    const own = rows.filter((r) => r.standard === sg.standard && r.grade === sg.grade);
    const core = CORE_ITEMS.filter((item) => !own.some((r) => r.item === item && r.limit !== null));
    const items = own.filter((r) => r.limit === null).map((r) => itemLabel(r.item, r.basis));
    return core.length > 0 || items.length > 0 ? [{ standard: sg.standard, grade: sg.grade, core, items }] : [];
  });
}

/**
 * Full-value comparison (全数值比较法, GB/T 8170): the unrounded value is compared with the limit, so
 * 16.004 is not "16.00" for a "< 16" limit. Only floating-point noise (a relative 1e-9, far below any
 * reported digit) is treated as equality, so that e.g. 15.808 × 100/98.8 counts as exactly 16.
 */
export function meetsLimit(value: number, comparison: Comparison, limit: number): boolean {
  const noise = 1e-9 * Math.max(1, Math.abs(limit));
  const equal = Math.abs(value - limit) <= noise;
  switch (comparison) {
    case '<=':
      return equal || value < limit;
    case '<':
      return !equal && value < limit;
    case '>=':
      return equal || value > limit;
    case '>':
      return !equal && value > limit;
  }
}

/** "≤ 16.00" for display, with the row's decimals. */
export function formatLimit(row: LimitRow): string {
  const symbol = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' }[row.comparison];
  return row.limit === null ? `${symbol} ?` : `${symbol} ${row.limit.toFixed(row.decimals)}`;
}

export interface LimitsDiff {
  added: LimitRow[];
  removed: LimitRow[];
  changed: { key: string; before: LimitRow; after: LimitRow; fields: (keyof LimitRow)[] }[];
}

/** What an import would change: rows matched by standard, edition, grade, item, basis and start date. */
export function diffLimits(oldTable: LimitsTable, newTable: LimitsTable): LimitsDiff {
  const before = new Map(oldTable.rows.map((r) => [limitRowKey(r), r]));
  const after = new Map(newTable.rows.map((r) => [limitRowKey(r), r]));
  const diff: LimitsDiff = { added: [], removed: [], changed: [] };
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) {
      diff.added.push(row);
      continue;
    }
    const names = new Set([...Object.keys(old), ...Object.keys(row)]) as Set<keyof LimitRow>;
    const fields = [...names].filter((f) => old[f] !== row[f]);
    if (fields.length > 0) diff.changed.push({ key, before: old, after: row, fields });
  }
  for (const [key, row] of before) if (!after.has(key)) diff.removed.push(row);
  return diff;
}
