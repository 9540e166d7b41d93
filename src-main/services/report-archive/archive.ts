/**
 * 质检报告专管档案 on screen: reports found by number, lab, CMA number, plate or record number and period;
 * a report's entry with every truck that presented it, the checks made of it, the signals over all its
 * uses and its scans.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/open.ts';
import { archiveNumbers, checksOfReport, scansOfReport, usesOf, type ArchiveCheckRow, type ScanRow, type UseRow } from '../../../db/report-archive-repo.ts';
import type {
  ArchiveCheck, ArchivePage, ArchiveReport, ArchiveScan, ArchiveSearchInput, ArchiveSummary, ArchiveTruck,
} from '../../../src-shared/contract/report-archive.ts';
import type { Signal } from '../../../src-shared/domain/certificate/index.ts';
import type { Outcome, Verdict } from '../../../src-shared/domain/certificate/vocabulary.ts';
import { normalizePlate } from '../../../src-shared/domain/plate.ts';
import { periodBounds } from '../../../src-shared/domain/report-period.ts';
import { archiveSignals, distinct } from '../../../src-shared/domain/report-archive.ts';
import { ServiceError } from '../errors.ts';

function toTruck(u: UseRow): ArchiveTruck {
  return {
    registrationId: u.registrationId, recordNumber: u.recordNumber, revision: u.revision, firstRegisteredAt: u.firstAt, plate: u.plate,
    trailerPlate: u.trailerPlate, origin: u.origin, coalKind: u.coalKind, netKg: u.netKg,
    verdict: u.verdict as Verdict | null, outcome: u.outcome as Outcome | null,
  };
}

function toCheck(c: ArchiveCheckRow): ArchiveCheck {
  return {
    id: c.id, recordNumber: c.record_number, lab: c.lab, cmaNumber: c.cma_number, sampleOrigin: c.sample_origin, sampledOn: c.sampled_on,
    reportedOn: c.reported_on, tonnageCoveredKg: c.tonnage_covered_kg, verdict: c.verdict as Verdict, outcome: c.effective_outcome as Outcome,
    signals: JSON.parse(c.signals_json) as Signal[], checkedAt: c.checked_at, checkedBy: c.checked_by_name,
  };
}

/** One entry per file content: the same scan attached to several trucks is one page of the archive. */
function toScans(rows: ScanRow[]): ArchiveScan[] {
  const bySha = new Map<string, ArchiveScan>();
  for (const r of rows) {
    const seen = bySha.get(r.sha256);
    if (seen) {
      if (!seen.recordNumbers.includes(r.recordNumber)) seen.recordNumbers.push(r.recordNumber);
      continue;
    }
    bySha.set(r.sha256, {
      attachmentId: r.id, sha256: r.sha256, fileName: r.fileName, mime: r.mime, sizeBytes: r.sizeBytes, addedAt: r.addedAt, recordNumbers: [r.recordNumber],
    });
  }
  return [...bySha.values()];
}

/** The whole entry of one report number, or null when no truck (outside training) presented it. */
export function archiveEntry(db: Db, reportNumber: string): ArchiveReport | null {
  const trucks = usesOf(db, reportNumber).map(toTruck);
  if (trucks.length === 0) return null;
  const checks = checksOfReport(db, reportNumber).map(toCheck);
  const scans = toScans(scansOfReport(db, reportNumber));
  const tonnageCoveredKg = checks.findLast((c) => c.tonnageCoveredKg !== null)?.tonnageCoveredKg ?? null;
  const labs = distinct(checks.map((c) => c.lab));
  const summary: ArchiveSummary = {
    reportNumber,
    labs,
    cmaNumbers: distinct(checks.map((c) => c.cmaNumber)),
    sampleOrigins: distinct(checks.map((c) => c.sampleOrigin)),
    sampledOn: distinct(checks.map((c) => c.sampledOn)),
    reportedOn: distinct(checks.map((c) => c.reportedOn)),
    tonnageCoveredKg,
    truckCount: trucks.length,
    netKg: trucks.reduce((sum, t) => sum + t.netKg, 0),
    firstUsedAt: trucks[0]!.firstRegisteredAt,
    lastUsedAt: trucks.at(-1)!.firstRegisteredAt,
    verdicts: distinct(trucks.map((t) => t.verdict)),
    scanCount: scans.length,
    signals: archiveSignals({
      uses: trucks.map((t) => ({ truckNetKg: t.netKg, origin: t.origin })),
      tonnageCoveredKg,
      labs,
      checkSignals: checks.map((c) => c.signals as Signal[]),
    }),
  };
  return { ...summary, trucks, checks, scans };
}

export function getArchiveEntry(db: Db, reportNumber: string): ArchiveReport {
  const entry = archiveEntry(db, reportNumber);
  if (!entry) throw new ServiceError('not-found', 'reportArchive.notFound', { reportNumber });
  return entry;
}

const summaryOf = ({ trucks: _t, checks: _c, scans: _s, ...summary }: ArchiveReport): ArchiveSummary => summary;

export function searchArchive(db: Db, input: z.output<typeof ArchiveSearchInput>): ArchivePage {
  const period = input.from && input.to ? periodBounds({ from: input.from, to: input.to }) : undefined;
  const { numbers, hasMore } = archiveNumbers(db, {
    query: input.query.toUpperCase(), plateQuery: normalizePlate(input.query), lab: input.lab.toUpperCase(),
    ...(period ? { fromIso: period.fromIso, toIso: period.toIso } : {}),
    limit: input.pageSize, offset: (input.page - 1) * input.pageSize,
  });
  const rows = numbers.map((n) => archiveEntry(db, n)).filter((e): e is ArchiveReport => e !== null).map(summaryOf);
  return { rows, page: input.page, pageSize: input.pageSize, hasMore };
}

/** Every report presented in the period, in the order they first came, read a page at a time. */
export function* archiveEntriesIn(db: Db, fromIso: string, toIso: string): Generator<ArchiveReport> {
  const limit = 200;
  for (let offset = 0; ; offset += limit) {
    const { numbers, hasMore } = archiveNumbers(db, { query: '', plateQuery: '', lab: '', fromIso, toIso, limit, offset, oldestFirst: true });
    for (const n of numbers) {
      const entry = archiveEntry(db, n);
      if (entry) yield entry;
    }
    if (!hasMore) return;
  }
}
