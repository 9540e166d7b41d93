/**
 * The shipped data files, validated by the same schemas as an administrator's import. Importing
 * JSON is static data, so this module stays free of side effects.
 */
import limitsJson from '../../../data/standards/limits.json' with { type: 'json' };
import chengdeJson from '../../../data/policies/chengde-2020.json' with { type: 'json' };
import fupingJson from '../../../data/policies/fuping-2020.json' with { type: 'json' };
import { limitsTableSchema, policySchema, type LimitsTable, type Policy } from './schemas.ts';

export const shippedLimits: LimitsTable = limitsTableSchema.parse(limitsJson);
export const chengdePolicy: Policy = policySchema.parse(chengdeJson);
export const fupingPolicy: Policy = policySchema.parse(fupingJson);
/** The policy used when none is chosen (the Chengde 2020 plan). */
export const defaultPolicy: Policy = chengdePolicy;
export const shippedPolicies: readonly Policy[] = [chengdePolicy, fupingPolicy];
