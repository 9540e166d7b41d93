/**
 * Document numbers (文号) from a per-type pattern such as `冀承市监强〔{year}〕第{seq:4}号`.
 * Tokens: `{year}` (4 digits) and `{seq}` / `{seq:N}` (sequence, zero-padded to at least N digits).
 * Sequences restart each year, so a pattern must contain both tokens or numbers would repeat.
 * Allocation (max issued or voided seq + 1, never reused) is persisted by the caller; this module
 * is the pure part: format, parse back, validate, pick the next sequence.
 */

export const DOCUMENT_KINDS = [
  'seizure-decision',
  'inventory-list',
  'onsite-record',
  'testing-notice',
  'extension-decision',
  'release-decision',
  'service-receipt',
  'handover-form',
  // Papers of issue 11 (SAMR 范本 names): appended so stored kinds keep their meaning.
  'service-address',
  'sampling-record',
  'testing-commission',
  'testing-result-notice',
  'confiscation-list',
  'destruction-record',
  'testing-notice-receipt',
  'extension-receipt',
  'release-receipt',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Example patterns; each agency configures its own prefix (冀 + city + 市监 + type). */
export const DEFAULT_NUMBER_PATTERNS: Record<DocumentKind, string> = {
  'seizure-decision': '冀承市监强〔{year}〕第{seq:4}号',
  // The list carries the decision's number in practice, but a separate series keeps each printed
  // paper individually addressable.
  'inventory-list': '冀承市监强清〔{year}〕第{seq:4}号',
  'onsite-record': '冀承市监笔〔{year}〕第{seq:4}号',
  'testing-notice': '冀承市监检告〔{year}〕第{seq:4}号',
  'extension-decision': '冀承市监强延〔{year}〕第{seq:4}号',
  'release-decision': '冀承市监强解〔{year}〕第{seq:4}号',
  'service-receipt': '冀承市监送〔{year}〕第{seq:4}号',
  'handover-form': '冀承市监移〔{year}〕第{seq:4}号',
  'service-address': '冀承市监址〔{year}〕第{seq:4}号',
  'sampling-record': '冀承市监抽〔{year}〕第{seq:4}号',
  'testing-commission': '冀承市监检委〔{year}〕第{seq:4}号',
  'testing-result-notice': '冀承市监检果〔{year}〕第{seq:4}号',
  'confiscation-list': '冀承市监没清〔{year}〕第{seq:4}号',
  'destruction-record': '冀承市监销〔{year}〕第{seq:4}号',
  // Each 送达回证 series has its own prefix: two kinds sharing a pattern would print the same number twice.
  'testing-notice-receipt': '冀承市监送检〔{year}〕第{seq:4}号',
  'extension-receipt': '冀承市监送延〔{year}〕第{seq:4}号',
  'release-receipt': '冀承市监送解〔{year}〕第{seq:4}号',
};

type Token = { literal: string } | { year: true } | { seqWidth: number };

export type PatternResult = { ok: true; tokens: Token[] } | { ok: false; errors: string[] };

const TOKEN = /\{([^{}]*)\}/g;

export function parseNumberPattern(pattern: string): PatternResult {
  const errors: string[] = [];
  const tokens: Token[] = [];
  let last = 0;
  let years = 0;
  let seqs = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    if (m.index > last) tokens.push({ literal: pattern.slice(last, m.index) });
    last = m.index + m[0].length;
    const body = m[1] ?? '';
    if (body === 'year') {
      years++;
      tokens.push({ year: true });
      continue;
    }
    const seq = /^seq(?::(\d{1,2}))?$/.exec(body);
    if (seq) {
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (width < 1 || width > 12) errors.push(`序号位数须为1至12：{${body}}`);
      seqs++;
      tokens.push({ seqWidth: width });
      continue;
    }
    errors.push(`未知占位符 {${body}}（可用 {year}、{seq}、{seq:N}）`);
  }
  if (last < pattern.length) tokens.push({ literal: pattern.slice(last) });
  const literalText = tokens.map((t) => ('literal' in t ? t.literal : '')).join('');
  if (/[{}]/.test(literalText)) errors.push('花括号不成对');
  if (years !== 1) errors.push('文号格式须恰好包含一个 {year}');
  if (seqs !== 1) errors.push('文号格式须恰好包含一个 {seq} 或 {seq:N}');
  // Two adjacent numeric tokens could not be parsed back unambiguously.
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (next && !('literal' in t) && !('literal' in next)) errors.push('{year} 与 {seq} 之间须有分隔文字');
  });
  if (!literalText.trim()) errors.push('文号格式须包含机关代字等文字');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tokens };
}

function tokensOrThrow(pattern: string): Token[] {
  const parsed = parseNumberPattern(pattern);
  if (!parsed.ok) throw new Error(`invalid document number pattern "${pattern}": ${parsed.errors.join('; ')}`);
  return parsed.tokens;
}

export function formatDocumentNumber(pattern: string, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have 4 digits: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer: ${seq}`);
  return tokensOrThrow(pattern)
    .map((t) => ('literal' in t ? t.literal : 'year' in t ? String(year) : String(seq).padStart(t.seqWidth, '0')))
    .join('');
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads year and sequence back from a number printed with `pattern`; null when it does not match. */
export function parseDocumentNumber(pattern: string, text: string): { year: number; seq: number } | null {
  const source = tokensOrThrow(pattern)
    .map((t) => ('literal' in t ? escapeRegex(t.literal) : 'year' in t ? '(?<year>\\d{4})' : `(?<seq>\\d{${t.seqWidth},})`))
    .join('');
  const m = new RegExp(`^${source}$`).exec(text);
  if (!m?.groups) return null;
  return { year: Number(m.groups.year), seq: Number(m.groups.seq) };
}

export interface IssuedNumber {
  year: number;
  seq: number;
  /** Set when the number was voided; a voided number stays used. */
  voidReason?: string;
}

/** Next free sequence for a year: voided numbers count as used, so no number is ever issued twice. */
export function nextSequence(issued: readonly IssuedNumber[], year: number): number {
  let max = 0;
  for (const n of issued) if (n.year === year && n.seq > max) max = n.seq;
  return max + 1;
}

