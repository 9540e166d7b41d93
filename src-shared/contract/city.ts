/**
 * The city's views on the hub (issue 17 item 4): the day and the week across every installation, the 周通报
 * ranking, a read-only drill-down into one checkpoint, the installations' sync state, and the vehicle register
 * across checkpoints. Served by the hub, not by a checkpoint: these methods are not in the checkpoint's
 * `contract`; the hub's dispatcher checks session, role and input exactly as the checkpoint's does.
 */
import { z } from 'zod';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { isValidDate } from '../domain/local-time.ts';
import { periodDays, type LocalPeriod } from '../domain/report-period.ts';
import type { InstallationKind } from './hub.ts';
import { IsoWeek, MAX_REPORT_DAYS, type ExportedFile } from './reports.ts';

export const CITY_PAGE_SIZE_MAX = 200;
/** An installation that has not pushed for this long is shown as late. */
export const CITY_STALE_MS = 24 * 3600_000;

const LocalDate = z.string().refine(isValidDate, { message: 'validation.date' });
const InstallationId = z.string().min(1).max(40);

function checkRange(r: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!isValidDate(r.from) || !isValidDate(r.to)) return;
  if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.dateRange' });
  else if (periodDays(r) > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.reportRange' });
}

/** A Beijing date (default: today in Beijing by the hub's clock). */
export const CityDayInput = z.object({ date: LocalDate.optional() }).strict();
/** An ISO week, Monday–Sunday in Beijing (default: this week). */
export const CityWeekInput = z.object({ week: IsoWeek.optional() }).strict();
export const CityRangeInput = z.object({ from: LocalDate, to: LocalDate }).strict().superRefine(checkRange);
export const CityDrillInput = z
  .object({
    installationId: InstallationId,
    list: z.enum(['registrations', 'cases'], { message: 'validation.choice' }),
    from: LocalDate,
    to: LocalDate,
    page: z.int().min(1).default(1),
    pageSize: z.int().min(1).max(CITY_PAGE_SIZE_MAX).default(50),
  })
  .strict()
  .superRefine(checkRange);
export const CityRevokeInput = z.object({ installationId: InstallationId, reason: z.string().trim().min(2, { message: 'validation.required' }).max(200) }).strict();

/** Which trucks the route share is counted over: transit trucks where the checkpoint records them, else all. */
export type RouteBase = 'transit' | 'all';

/** Certificate outcomes of the trucks checked (latest check of each truck, overrides and reviews applied). */
export interface CityOutcomes {
  release: number;
  sample: number;
  seize: number;
  turnBack: number;
  review: number;
  /** Trucks whose latest report failed a limit. */
  failing: number;
}

export interface CityTally {
  trucks: number;
  netKg: number;
  /** Trucks the route share is counted over, and how many of them came by the designated routes. */
  routeBaseTrucks: number;
  viaRouteTrucks: number;
  /** viaRouteTrucks / routeBaseTrucks, null when no truck. */
  routeShare: number | null;
  outcomes: CityOutcomes;
  seizures: { cases: number; netKg: number };
  handovers: { handovers: number; totalKg: number };
  /** Coal held at disposal points at the end of the period (their ledgers' balances). */
  disposalStockKg: number;
  /** Beijing hours with trucks registered but none weighed on the weighbridge (a device gap). */
  deviceGapHours: number;
  /** Cases whose seizure term is running now (seized or extended), whatever the period. */
  openTerms: number;
}

export interface InstallationFigures extends CityTally {
  installationId: string;
  name: string;
  kind: InstallationKind;
  county: string | null;
  routeBase: RouteBase;
  lastSyncAt: string | null;
  revoked: boolean;
}

export interface CityFigures {
  /** Beijing dates, inclusive; `fromIso`/`toIso` the UTC half-open range they cover. */
  period: LocalPeriod;
  fromIso: string;
  toIso: string;
  label: string;
  routeTarget: number;
  /** 'mixed' when some checkpoints record transit trucks and others do not yet. */
  routeBase: RouteBase | 'mixed';
  totals: CityTally;
  installations: InstallationFigures[];
  /** Trucks and tonnage per Beijing day across all checkpoints (one entry per day of the period). */
  days: { date: string; trucks: number; netKg: number }[];
}

/** One line of the 周通报 table. */
export interface RankingRow {
  rank: number;
  installationId: string;
  name: string;
  county: string | null;
  trucks: number;
  netKg: number;
  routeBase: RouteBase;
  routeShare: number | null;
  /** Below the 90 % target (null: no truck to judge). */
  routeMet: boolean | null;
  failing: number;
  seizures: number;
  seizedKg: number;
  handovers: number;
  deviceGapHours: number;
  openTerms: number;
  /** The week before, for the circular's 环比. */
  previousTrucks: number;
  previousRouteShare: number | null;
  lastSyncAt: string | null;
  /** No push for a day or more: the week's figures may be incomplete. */
  stale: boolean;
}

export interface CityRanking {
  week: string;
  period: LocalPeriod;
  routeTarget: number;
  rows: RankingRow[];
}

export interface DrillRegistration {
  recordNumber: string;
  revision: number;
  passedAt: string;
  plate: string;
  origin: string;
  destination: string;
  coalKind: string;
  netKg: number;
  weightSource: string;
  viaDesignatedRoute: boolean;
  transit: boolean | null;
  outcome: string | null;
}

export interface DrillCase {
  caseNumber: string;
  phase: string;
  plate: string | null;
  netKg: number;
  seizedAt: string | null;
  decisionDate: string | null;
}

export type CityDrillPage =
  | { list: 'registrations'; total: number; page: number; pageSize: number; rows: DrillRegistration[] }
  | { list: 'cases'; total: number; page: number; pageSize: number; rows: DrillCase[] };

export type ChainState = 'never' | 'ok' | 'late' | 'revoked' | 'broken';

export interface CityInstallation {
  id: string;
  kind: InstallationKind;
  name: string;
  county: string | null;
  registeredAt: string;
  revokedAt: string | null;
  headSeq: number;
  headHash: string;
  /** Entries held; equals headSeq when the chain held is continuous from the first entry. */
  entriesHeld: number;
  lastSyncAt: string | null;
  /** Seconds since the last push (by the hub's clock), null before the first. */
  lagSeconds: number | null;
  /** The installation's clock minus the hub's at the last push, in seconds (a wrong clock shows here). */
  clockSkewSeconds: number | null;
  chainState: ChainState;
}

export const cityContract = {
  'city.day': method<CityFigures>()(CityDayInput, ROLE_GROUPS.city),
  'city.week': method<CityFigures>()(CityWeekInput, ROLE_GROUPS.city),
  'city.ranking': method<CityRanking>()(CityWeekInput, ROLE_GROUPS.city),
  'city.checkpoint': method<CityDrillPage>()(CityDrillInput, ROLE_GROUPS.city),
  'city.installations': method<CityInstallation[]>()(z.object({}).strict(), ROLE_GROUPS.city),
  'city.revoke': method<CityInstallation>()(CityRevokeInput, ROLE_GROUPS.hubAdmin),
  'city.export': method<ExportedFile>()(CityRangeInput, ROLE_GROUPS.city),
} satisfies Record<string, MethodDef>;

export type CityContract = typeof cityContract;
export type CityMethod = keyof CityContract;
export type CityInputOf<M extends CityMethod> = z.input<CityContract[M]['input']>;
export type CityParsedInputOf<M extends CityMethod> = z.output<CityContract[M]['input']>;
export type CityOutputOf<M extends CityMethod> = Exclude<CityContract[M]['output'], undefined>;
