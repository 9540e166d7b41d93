/**
 * Zod schemas of the data files (limits table, policies). An administrator's corrected import is
 * validated by the same schemas as the shipped files, so a file that loads is a file the check can use.
 */
import { z } from 'zod';
import { isValidDate } from '../local-time.ts';
import { BASES, ITEMS, ITEM_INFO } from './items.ts';
import { COAL_FORMS, COAL_RANKS, OUTCOMES, SIGNAL_CODES, USES, VERDICTS } from './vocabulary.ts';

export const isoDateSchema = z.string().refine(isValidDate, { message: 'must be a date YYYY-MM-DD' });
export const bilingualSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export const comparisonSchema = z.enum(['<=', '<', '>=', '>']);
export type Comparison = z.infer<typeof comparisonSchema>;

export const limitRowSchema = z
  .object({
    standard: z.string().min(1),
    edition: z.string().min(1),
    title: z.string().min(1),
    grade: z.string().min(1),
    item: z.enum(ITEMS),
    /** null only for items without a basis (briquette strength). */
    basis: z.enum(BASES).nullable(),
    unit: z.string(),
    comparison: comparisonSchema,
    /** null: the value has not been transcribed from the published text yet; the row is shown, not judged. */
    limit: z.number().finite().nullable(),
    decimals: z.number().int().min(0).max(4),
    clause: z.string().min(1),
    source: z.string().min(1),
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable(),
    verified: z.boolean(),
    note: z.string().optional(),
  })
  .superRefine((row, ctx) => {
    const info = ITEM_INFO[row.item];
    if (row.unit !== info.unit) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `unit of ${row.item} must be "${info.unit}"` });
    }
    const basisOk = info.fixedBasis === undefined ? row.basis !== null : row.basis === info.fixedBasis;
    if (!basisOk) {
      ctx.addIssue({ code: 'custom', path: ['basis'], message: `basis ${String(row.basis)} is not possible for ${row.item}` });
    }
    if (row.verified && row.limit === null) {
      ctx.addIssue({ code: 'custom', path: ['limit'], message: 'a verified row needs a limit value' });
    }
    if (row.effectiveTo !== null && row.effectiveTo < row.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo is before effectiveFrom' });
    }
  });
export type LimitRow = z.infer<typeof limitRowSchema>;

/** Identity of a row across table versions: what diffLimits matches on and what must be unique. */
export function limitRowKey(row: LimitRow): string {
  return [row.standard, row.edition, row.grade, row.item, row.basis ?? '-', row.effectiveFrom].join('|');
}

export const limitsTableSchema = z
  .object({
    version: z.string().min(1),
    note: z.string().optional(),
    rows: z.array(limitRowSchema),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.rows.forEach((row, i) => {
      const key = limitRowKey(row);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `duplicate row ${key}` });
      seen.add(key);
    });
  });
export type LimitsTable = z.infer<typeof limitsTableSchema>;

export const standardGradeSchema = z.object({ standard: z.string().min(1), grade: z.string().min(1) });
export type StandardGrade = z.infer<typeof standardGradeSchema>;

/** Which trucks a rule applies to; every given condition must hold, an absent one always holds. */
export const truckConditionSchema = z.strictObject({
  coalForm: z.array(z.enum(COAL_FORMS)).min(1).optional(),
  use: z.array(z.enum(USES)).min(1).optional(),
  coalRank: z.array(z.enum(COAL_RANKS)).min(1).optional(),
  destinationInHebei: z.boolean().optional(),
  /** Holds only when the distance is known and greater than this (暂行办法 art.7: "运距超过600公里"). */
  distanceKmOver: z.number().nonnegative().optional(),
});
export type TruckCondition = z.infer<typeof truckConditionSchema>;

export const applicabilityRuleSchema = z.object({
  when: truckConditionSchema,
  check: z.array(standardGradeSchema).min(1),
  basis: z.string().min(1),
});

/** When an outcome rule fires; `hasContract: false` also matches a truck that did not say. */
export const outcomeConditionSchema = z.strictObject({
  noReport: z.boolean().optional(),
  verdict: z.array(z.enum(VERDICTS)).min(1).optional(),
  anySignal: z.array(z.enum(SIGNAL_CODES)).min(1).optional(),
  hasContract: z.boolean().optional(),
  destinationInHebei: z.boolean().optional(),
  coalForm: z.array(z.enum(COAL_FORMS)).min(1).optional(),
  use: z.array(z.enum(USES)).min(1).optional(),
  /** An applicable grade has no loaded ash or sulfur limit (its table is not transcribed yet). */
  standardNotLoaded: z.boolean().optional(),
  /** Every limit the report fails is one not yet verified against the published text. */
  onlyUnverifiedFailures: z.boolean().optional(),
});
export type OutcomeCondition = z.infer<typeof outcomeConditionSchema>;

export const outcomeRuleSchema = z
  .object({
    when: outcomeConditionSchema,
    outcome: z.enum(OUTCOMES),
    reason: bilingualSchema,
    basis: z.string().min(1),
    /** The decision names the truck's route (destination and use of the designated route) in its reasons. */
    recordRoute: z.boolean().optional(),
  })
  .refine((r) => !(r.when.standardNotLoaded === true && r.outcome === 'release'), {
    message: 'a truck checked against a standard that is not loaded is never released',
    path: ['outcome'],
  });
export type OutcomeRule = z.infer<typeof outcomeRuleSchema>;

export const policySchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  title: bilingualSchema,
  source: z.string().min(1),
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.nullable(),
  /** A report older than this on arrival raises `report-too-old` (a policy value, not law). */
  maxReportAgeDays: z.number().int().positive(),
  /** A CMA certificate number that does not match raises `no-cma`. */
  cmaNumberPattern: z.string().refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression'),
  /** `when-list-given`: a lab not on the checkpoint's recognised-lab list raises `lab-not-recognised`. */
  recognisedLabs: z.enum(['when-list-given', 'ignore']),
  applicability: z.array(applicabilityRuleSchema).min(1),
  /** Items judged when the report gives them but whose absence does not make the report incomplete. */
  checkedOnlyWhenReported: z.object({ items: z.array(z.enum(ITEMS)), basis: z.string().min(1) }),
  /** Tried in order; the first rule whose condition holds decides the outcome. */
  outcomeRules: z.array(outcomeRuleSchema),
  defaultOutcome: z.object({ outcome: z.enum(OUTCOMES), reason: bilingualSchema }),
});
export type Policy = z.infer<typeof policySchema>;

export const recognisedLabSchema = z.object({
  name: z.string().min(1),
  cmaNumber: z.string().min(1).optional(),
  /** Last day the CMA certificate is valid (certificates run 6 years). */
  validUntil: isoDateSchema.optional(),
});
export const recognisedLabsSchema = z.array(recognisedLabSchema);
export type RecognisedLab = z.infer<typeof recognisedLabSchema>;

/** "rows.3.limit: expected number" lines, for CLI and import messages. */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates data against a schema without throwing; the message lists each bad field by path. */
export function parseWith<S extends z.ZodType>(schema: S, json: unknown): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: formatZodIssues(parsed.error) };
}
