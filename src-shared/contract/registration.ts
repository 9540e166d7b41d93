import { z } from 'zod';
import { cleanText, freeText, requiredText } from './clean-text.ts';
import { checkPlate } from '../domain/plate.ts';
import { checkIdNumber } from '../domain/id-number.ts';
import { isValidDate, localDate } from '../domain/local-time.ts';
import type { Outcome, Verdict } from '../domain/certificate/vocabulary.ts';
import { isTransit } from '../domain/transit.ts';

/** A gross weight above 200 t is not a truck on a weighbridge but a typing error. */
export const MAX_GROSS_KG = 200_000;

export const COAL_KINDS = ['anthracite-lump', 'bituminous', 'clean-briquette', 'semi-coke', 'washed-fine', 'other'] as const;
export const PLATE_COLORS = ['yellow', 'blue', 'green', 'yellow-green', 'white', 'black'] as const;
export const INTENDED_USES = ['civil', 'industrial'] as const;
export const WEIGHT_SOURCES = ['manual', 'scale'] as const;

/** Fields the kiosk must have; a missing one names itself (请填写牵引车号牌) rather than 数据类型错误. */
export const REQUIRED_FIELDS = [
  'plate', 'plateColor', 'driverName', 'driverIdNumber', 'driverPhone', 'origin', 'destination', 'destinationInHebei', 'coalKind',
  'intendedUse', 'declaredKg', 'hasContract', 'hasReport', 'viaDesignatedRoute', 'grossKg', 'tareKg', 'weightSource',
] as const;
type RequiredField = (typeof REQUIRED_FIELDS)[number];
const missingKey = (field: RequiredField) => `validation.requiredFields.${field}`;
/** Absent (or null) input gets the field's own message; any other wrong input gets `otherwise`. */
const named = (field: RequiredField, otherwise?: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? missingKey(field) : otherwise),
});

const text = freeText;
const required = (max: number, field: RequiredField) => cleanText(max, { base: z.string(named(field)), required: missingKey(field) });
const kg = (field: RequiredField) => z
  .int(named(field, 'validation.weightInteger'))
  .min(0, { message: 'validation.weightNegative' })
  .max(MAX_GROSS_KG, { message: 'validation.weightAbsurd' });

const plateOf = (field?: RequiredField) => z
  .string(field ? named(field) : undefined)
  .max(20, { message: 'validation.tooLong' })
  .transform((value, ctx) => {
    const check = checkPlate(value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: `validation.plate.${check.error}` });
      return z.NEVER;
    }
    return check.plate;
  });

const idNumber = z
  .string(named('driverIdNumber'))
  .max(30, { message: 'validation.tooLong' })
  .transform((value, ctx) => {
    const check = checkIdNumber(value, localDate(new Date()));
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: value.trim() === '' ? missingKey('driverIdNumber') : `validation.idNumber.${check.error}` });
      return z.NEVER;
    }
    return check.idNumber;
  });

// Mainland mobile numbers, or a landline with area code.
const phone = z
  .string(named('driverPhone'))
  .trim()
  .max(20, { message: 'validation.tooLong' })
  .min(1, { message: missingKey('driverPhone') })
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: 'validation.phone' });

const choice = <T extends readonly [string, ...string[]]>(values: T, field: RequiredField) => z.enum(values, named(field, 'validation.choice'));
const yesNo = (field: RequiredField) => z.boolean(named(field, 'validation.boolean'));

/** What the kiosk form submits. Strings are trimmed; plates and ID numbers come back normalised. */
export const RegistrationInput = z
  .object({
    plate: plateOf('plate'),
    trailerPlate: plateOf().optional(),
    plateColor: choice(PLATE_COLORS, 'plateColor'),
    driverName: required(40, 'driverName'),
    driverIdNumber: idNumber,
    driverPhone: phone,
    carrier: text(100).default(''),
    origin: required(100, 'origin'),
    consignee: text(100).default(''),
    destination: required(100, 'destination'),
    destinationInHebei: yesNo('destinationInHebei'),
    coalKind: choice(COAL_KINDS, 'coalKind'),
    coalKindOther: text(40).optional(),
    intendedUse: choice(INTENDED_USES, 'intendedUse'),
    declaredKg: kg('declaredKg'),
    hasContract: yesNo('hasContract'),
    hasReport: yesNo('hasReport'),
    reportNumber: text(60).optional(),
    viaDesignatedRoute: yesNo('viaDesignatedRoute'),
    /** 过境: destination beyond 承德市 (domain/transit.ts). Absent, it is derived from the destination. */
    transit: z.boolean({ message: 'validation.boolean' }).optional(),
    grossKg: kg('grossKg'),
    tareKg: kg('tareKg'),
    weightSource: choice(WEIGHT_SOURCES, 'weightSource'),
    manualReason: text(200).optional(),
    /** Capture evidence from the weighbridge, when weightSource is 'scale'. */
    weighingId: z.int().positive().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.tareKg > r.grossKg) ctx.addIssue({ code: 'custom', path: ['tareKg'], message: 'validation.tareAboveGross' });
    // A weighbridge weight is what the scale captured; an excuse beside it would mark a captured weight as typed in.
    if (r.weightSource === 'scale' && r.manualReason) {
      ctx.addIssue({ code: 'custom', path: ['manualReason'], message: 'validation.scaleNoManualReason' });
    }
    if (r.coalKind === 'other' && !r.coalKindOther) {
      ctx.addIssue({ code: 'custom', path: ['coalKindOther'], message: 'validation.required' });
    }
    if (r.trailerPlate !== undefined && !r.trailerPlate.endsWith('挂')) {
      ctx.addIssue({ code: 'custom', path: ['trailerPlate'], message: 'validation.plate.trailer' });
    }
    // A destination outside Hebei is beyond 承德市: such a truck is always in transit.
    if (r.transit === false && !r.destinationInHebei) {
      ctx.addIssue({ code: 'custom', path: ['transit'], message: 'validation.transitOutsideHebei' });
    }
  })
  .transform((r) => ({ ...r, transit: r.transit ?? isTransit(r.destination, r.destinationInHebei) }));
export type RegistrationInput = z.input<typeof RegistrationInput>;
export type RegistrationData = z.output<typeof RegistrationInput>;
/**
 * What is stored: the submitted data plus the training flag, which the server decides (training mode, or a
 * simulator's weighing) so that nobody can hide a real truck from the ledger and reports by saying so.
 */
export type StoredRegistrationData = RegistrationData & { training: boolean };

export const AmendInput = z
  .object({
    id: z.int().positive(),
    reason: requiredText(500),
    changes: RegistrationInput,
  })
  .strict();

const dateField = z.string().refine(isValidDate, { message: 'validation.date' });

export const SearchInput = z
  .object({
    query: text(60).default(''),
    from: dateField.optional(),
    to: dateField.optional(),
    page: z.int().min(1).max(100_000).default(1),
    pageSize: z.int().min(1).max(200).default(20),
    includeTraining: z.boolean().default(false),
  })
  .strict()
  .refine((s) => !s.from || !s.to || s.from <= s.to, { message: 'validation.dateRange', path: ['to'] });

/** A stored registration as every client sees it. */
export interface Registration extends Omit<RegistrationData, 'trailerPlate' | 'coalKindOther' | 'reportNumber' | 'manualReason' | 'weighingId'> {
  id: number;
  recordNumber: string;
  revision: number;
  trailerPlate: string | null;
  coalKindOther: string | null;
  reportNumber: string | null;
  manualReason: string | null;
  weighingId: number | null;
  netKg: number;
  stationCode: string;
  operatorId: number;
  operatorName: string;
  registeredAt: string;
  amendsId: number | null;
  amendmentReason: string | null;
  /** Set when a later revision supersedes this one. */
  amendedById: number | null;
  training: boolean;
  /** The record's latest report check (outcome after any override); null while it has none. */
  check: { verdict: Verdict; outcome: Outcome } | null;
}

export interface RegistrationPage {
  hasMore: boolean;
  page: number;
  pageSize: number;
  rows: Registration[];
}
