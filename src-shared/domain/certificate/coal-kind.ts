/**
 * The kiosk records a coal kind (无烟块煤, 洁净型煤, …); the check needs the coal's form and rank.
 * This maps one onto the other; a report may still state another rank, which then wins.
 */
import type { CoalForm, CoalRank } from './vocabulary.ts';

export type RegisteredCoalKind = 'anthracite-lump' | 'bituminous' | 'clean-briquette' | 'semi-coke' | 'washed-fine' | 'other';

const KINDS: Record<RegisteredCoalKind, { form: CoalForm; rank: CoalRank }> = {
  'anthracite-lump': { form: 'loose', rank: 'anthracite' },
  bituminous: { form: 'loose', rank: 'bituminous' },
  // Clean briquettes in Hebei are made from anthracite fines.
  'clean-briquette': { form: 'briquette', rank: 'anthracite' },
  // 兰炭 is made from bituminous (long-flame) coal.
  'semi-coke': { form: 'semi-coke', rank: 'bituminous' },
  'washed-fine': { form: 'washed', rank: 'bituminous' },
  other: { form: 'loose', rank: 'bituminous' },
};

export function coalFormOf(kind: RegisteredCoalKind): CoalForm {
  return KINDS[kind].form;
}

/** The rank to preselect when the report does not say. */
export function usualRankOf(kind: RegisteredCoalKind): CoalRank {
  return KINDS[kind].rank;
}
