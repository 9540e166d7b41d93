/**
 * Free text as the contract accepts it: trimmed, NFC-normalised (so 'é' typed two ways is one name in search and
 * on paper), and refused when it carries what a person cannot see or that rewrites how the rest is shown —
 * control characters (NUL, ANSI ESC), bidi overrides and isolates, lone surrogates (stored as invalid UTF-8),
 * or nothing visible at all (a zero-width-only name). Each refusal is its own i18n key, reported on the field.
 */
import { z } from 'zod';

export type TextProblem = 'control' | 'bidi' | 'surrogate' | 'invisible';

// Line feed and tab are allowed only in multi-line fields (statements, facts, reasons typed in a text area).
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINES = /(?![\n\t])\p{Cc}/u;
/** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI: they reorder what follows (Trojan Source). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
/** A visible character: anything but separators, spaces, format characters (zero-width, BOM), controls and marks alone. */
const VISIBLE = /[^\p{Z}\s\p{Cf}\p{Cc}\p{M}\u115F\u1160\u3164\uFFA0]/u;

/** The first problem of a text, or null when it is clean. Empty text is clean: requiredness is the schema's. */
export function textProblem(value: string, multiline = false): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  if ((multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(value)) return 'control';
  if (BIDI.test(value)) return 'bidi';
  if (value !== '' && !VISIBLE.test(value)) return 'invisible';
  return null;
}

export interface CleanTextOptions {
  /** When set, empty text is refused with this key (e.g. 'validation.required'). */
  required?: string;
  multiline?: boolean;
  /** The string schema to start from, when a missing value needs its own message (the kiosk's required fields). */
  base?: z.ZodString;
}

/**
 * The one schema for a free-text field. Stays a ZodString (zod 4 checks keep the type), so callers may still
 * chain `.min()`, `.regex()`, `.optional()`, `.default()`.
 */
export function cleanText(max: number, options: CleanTextOptions = {}) {
  const base = (options.base ?? z.string()).trim().normalize('NFC').max(max, { message: 'validation.tooLong' });
  const checked = base.superRefine((value, ctx) => {
    const problem = textProblem(value, options.multiline ?? false);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.text.${problem}`, input: value });
  });
  return options.required ? checked.min(1, { message: options.required }) : checked;
}

/** Fields of 500 characters or more are paragraphs typed in a text area: they may hold line breaks and tabs. */
const PARAGRAPH_CHARS = 500;

/** An optional free-text field of at most `max` characters. */
export const freeText = (max: number) => cleanText(max, { multiline: max >= PARAGRAPH_CHARS });
/** A free-text field that must hold something visible. */
export const requiredText = (max: number, key = 'validation.required') => cleanText(max, { multiline: max >= PARAGRAPH_CHARS, required: key });
