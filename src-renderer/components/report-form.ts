/**
 * The inspection report as the kiosk's report panel holds it, and the rules that turn it into what the
 * contract takes: shared by the kiosk panel and the "check later" dialog of a saved record.
 */
import type { CertificateReport } from '../../src-shared/contract/index.ts';
import { usualRankOf, type RegisteredCoalKind } from '../../src-shared/domain/certificate/coal-kind.ts';
import { BASES, ITEM_INFO, type Basis, type Item } from '../../src-shared/domain/certificate/items.ts';

export interface ResultRow {
  item: Item;
  basis?: Basis;
  value?: number | null;
  unit: string;
}

export interface ReportFormValues {
  /** The operator says the truck presented no report; only offered while no report number is typed. */
  noReport?: boolean;
  reportNumber?: string;
  lab?: string;
  cmaNumber?: string;
  sampleOrigin?: 'lab' | 'client';
  sampledOn?: string;
  reportedOn?: string;
  coalRank?: CertificateReport['coalRank'];
  tonnageCoveredKg?: number | null;
  distanceKm?: number | null;
  results: ResultRow[];
}

/**
 * The panel's defined defaults, built fresh each time (a shared array would carry one truck's edits to the
 * next): the rows a typical report carries, in print order, and the coal rank that goes with the coal kind.
 */
export function emptyReport(coalKind: string | undefined): ReportFormValues {
  return {
    noReport: false,
    sampleOrigin: 'lab',
    ...(coalKind ? { coalRank: usualRankOf(coalKind as RegisteredCoalKind) } : {}),
    results: [
      { item: 'Mt', basis: 'ar', unit: '%' }, { item: 'M', basis: 'ad', unit: '%' }, { item: 'A', basis: 'ad', unit: '%' },
      { item: 'V', basis: 'ad', unit: '%' }, { item: 'St', basis: 'ad', unit: '%' }, { item: 'Qnet', basis: 'ar', unit: 'MJ/kg' },
    ],
  };
}

export function basesFor(item: Item): readonly Basis[] {
  const fixed = ITEM_INFO[item].fixedBasis;
  if (fixed === null) return [];
  if (fixed) return [fixed];
  return item === 'A' ? BASES.filter((b) => b !== 'daf') : BASES;
}

/** The rows with a value typed in, as the contract takes them. */
export function toResults(rows: ResultRow[] | undefined): CertificateReport['results'] {
  return (rows ?? [])
    .filter((r): r is ResultRow & { value: number } => typeof r?.value === 'number')
    .map((r) => ({ item: r.item, ...(r.basis ? { basis: r.basis } : {}), value: r.value, unit: r.unit }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The report's header fields a check cannot do without, in form order. */
export const REPORT_HEADER_FIELDS = ['lab', 'sampleOrigin', 'sampledOn', 'reportedOn', 'coalRank'] as const;
export type ReportHeaderField = (typeof REPORT_HEADER_FIELDS)[number];

/**
 * What the panel says about the truck's report:
 * - `undecided`: neither a report number nor "no report" (no verdict yet, and saving asks for one of them);
 * - `none`: the truck presented no report;
 * - `lacking`: a report number, but header fields a check needs are missing (named, in form order);
 * - `report`: a report the contract takes (missing result values make the check's verdict `incomplete`).
 */
export type ReportState =
  | { kind: 'undecided' }
  | { kind: 'none' }
  | { kind: 'lacking'; missing: ReportHeaderField[] }
  | { kind: 'report'; report: CertificateReport };

export function reportState(v: Partial<ReportFormValues> | undefined): ReportState {
  const reportNumber = v?.reportNumber?.trim();
  if (!reportNumber) return v?.noReport ? { kind: 'none' } : { kind: 'undecided' };
  const present: Record<ReportHeaderField, boolean> = {
    lab: !!v?.lab?.trim(), sampleOrigin: !!v?.sampleOrigin, coalRank: !!v?.coalRank,
    sampledOn: DATE.test(v?.sampledOn ?? ''), reportedOn: DATE.test(v?.reportedOn ?? ''),
  };
  const missing = REPORT_HEADER_FIELDS.filter((f) => !present[f]);
  if (missing.length > 0 || !v) return { kind: 'lacking', missing };
  return {
    kind: 'report',
    report: {
      reportNumber, lab: v.lab!.trim(), sampleOrigin: v.sampleOrigin!, sampledOn: v.sampledOn!, reportedOn: v.reportedOn!, coalRank: v.coalRank!,
      results: toResults(v.results),
      ...(v.cmaNumber?.trim() ? { cmaNumber: v.cmaNumber.trim() } : {}),
      ...(typeof v.tonnageCoveredKg === 'number' ? { tonnageCoveredKg: v.tonnageCoveredKg } : {}),
      ...(typeof v.distanceKm === 'number' ? { distanceKm: v.distanceKm } : {}),
    },
  };
}

/** A report (read from its QR code, or seen before) as the panel's form values: only what it states. */
export function toReportValues(report: Partial<CertificateReport>): Partial<ReportFormValues> {
  const { results, ...header } = report;
  const values: Partial<ReportFormValues> = Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined && v !== null));
  if (results && results.length > 0) values.results = results.map((r) => ({ item: r.item, basis: r.basis, value: r.value, unit: r.unit }));
  return values;
}
