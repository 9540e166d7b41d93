/**
 * The JSON a lab or the CLI submits for one truck (documented in docs/certificate-json.md).
 * Unknown fields are rejected so that a misspelt field is reported instead of silently ignored.
 */
import { z } from 'zod';
import { BASES, ITEMS, ITEM_INFO, acceptedUnits, itemLabel } from './items.ts';
import { isoDateSchema, parseWith, type Parsed } from './schemas.ts';
import { COAL_FORMS, COAL_RANKS, USES } from './vocabulary.ts';

export const reportResultSchema = z
  .strictObject({
    item: z.enum(ITEMS, { error: `item must be one of ${ITEMS.join(', ')}` }),
    /** Omitted only for briquette strength, which has no basis. */
    basis: z.enum(BASES, { error: `basis must be one of ${BASES.join(', ')}` }).optional(),
    value: z.number({ error: 'value must be a number' }).finite(),
    unit: z.string({ error: 'unit must be a string such as "%" or "MJ/kg"' }),
  })
  .superRefine((r, ctx) => {
    const units = acceptedUnits(r.item);
    if (!units.includes(r.unit)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `unit of ${r.item} must be one of ${units.join(', ')}` });
    }
    const { fixedBasis } = ITEM_INFO[r.item];
    if (fixedBasis === null && r.basis !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['basis'], message: `${r.item} has no basis; leave basis out` });
    } else if (fixedBasis !== null && r.basis === undefined) {
      ctx.addIssue({ code: 'custom', path: ['basis'], message: `basis of ${r.item} is required` });
    } else if (fixedBasis && r.basis !== fixedBasis) {
      ctx.addIssue({ code: 'custom', path: ['basis'], message: `${r.item} is reported on the ${fixedBasis} basis only` });
    }
  });
export type ReportResult = z.infer<typeof reportResultSchema>;

const truckFields = {
  arrivedAt: z.iso.datetime({ offset: true, error: 'arrivedAt must be an ISO date-time with offset, e.g. 2026-11-28T09:15:00+08:00' }),
  coalForm: z.enum(COAL_FORMS, { error: `coalForm must be one of ${COAL_FORMS.join(', ')}` }),
  coalRank: z.enum(COAL_RANKS, { error: `coalRank must be one of ${COAL_RANKS.join(', ')}` }),
  use: z.enum(USES, { error: `use must be one of ${USES.join(', ')}` }),
  destinationInHebei: z.boolean({ error: 'destinationInHebei must be true or false' }),
  /** null or absent: not known, so distance-dependent limits (暂行办法 art.7) are not applied. */
  distanceKm: z.number().nonnegative().nullable().optional(),
  truckNetKg: z.number().positive().optional(),
  /** 煤炭购销合同 presented; absent counts as not presented. */
  hasContract: z.boolean().optional(),
  /** 产地 declared for the load. */
  origin: z.string().min(1).optional(),
  /** 目的地 as registered; named beside a decision that records the route (transit out of Hebei). */
  destination: z.string().min(1).optional(),
  /** The truck kept to the designated coal route (运煤专用通道). */
  viaDesignatedRoute: z.boolean().optional(),
};

export const noReportInputSchema = z.strictObject({
  reportNumber: z.null(),
  ...truckFields,
  coalRank: truckFields.coalRank.optional(),
});
export type NoReportInput = z.infer<typeof noReportInputSchema>;

export const reportInputSchema = z
  .strictObject({
    reportNumber: z.string({ error: 'reportNumber must be a string, or null when the truck has no report' }).min(1),
    lab: z.string({ error: 'lab must be the lab name' }).min(1),
    /** 资质认定证书编号; absent or empty raises the `no-cma` signal rather than rejecting the input. */
    cmaNumber: z.string().nullable().optional(),
    /** 来样方式: client = 送样 (the client brought the sample), lab = 抽样 (the lab sampled the load). */
    sampleOrigin: z.enum(['client', 'lab'], { error: 'sampleOrigin must be "client" (送样) or "lab" (抽样)' }),
    sampledOn: isoDateSchema,
    reportedOn: isoDateSchema,
    ...truckFields,
    tonnageCoveredKg: z.number().positive().optional(),
    /** Earlier presentations of the same report number, as found in the register. */
    previousUses: z.array(z.strictObject({ truckNetKg: z.number().positive(), origin: z.string().min(1).optional() })).optional(),
    results: z.array(reportResultSchema),
  })
  .superRefine((report, ctx) => {
    const seen = new Set<string>();
    report.results.forEach((r, i) => {
      const label = itemLabel(r.item, r.basis ?? null);
      if (seen.has(label)) ctx.addIssue({ code: 'custom', path: ['results', i], message: `${label} is given twice` });
      seen.add(label);
    });
  });
export type ReportInput = z.infer<typeof reportInputSchema>;

export type CertificateInput = ReportInput | NoReportInput;

export function isNoReport(input: CertificateInput): input is NoReportInput {
  return input.reportNumber === null;
}

/** Validates submitted JSON; the message names each bad field by its path (e.g. `results.2.unit`). */
export function parseCertificateInput(json: unknown): Parsed<CertificateInput> {
  const isNull = typeof json === 'object' && json !== null && (json as Record<string, unknown>).reportNumber === null;
  return isNull ? parseWith(noReportInputSchema, json) : parseWith(reportInputSchema, json);
}
