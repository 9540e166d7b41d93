/**
 * 质检报告专管档案 (承德 2020 附件6: the joint team keeps a dedicated archive of the coal inspection reports):
 * one entry per report number presented at the checkpoint, with every truck that presented it (its current
 * revision), the checks made of it, the signals over all its uses, and the scans attached.
 */
import { z } from 'zod';
import { freeText, requiredText } from './clean-text.ts';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import type { ArchiveSignal } from '../domain/report-archive.ts';
import type { Outcome, Verdict } from '../domain/certificate/vocabulary.ts';
import { checkRange, LocalDate, type ExportedFile } from './reports.ts';

export const ARCHIVE_FORMATS = ['xlsx', 'pdf'] as const;
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

/**
 * Reports presented by a truck first registered in the period (Beijing dates; both or neither), whose number,
 * lab, CMA number, or a truck's plate or record number contains the text, and whose lab contains `lab`.
 */
export const ArchiveSearchInput = z
  .object({
    query: freeText(60).default(''),
    lab: freeText(100).default(''),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    page: z.int().min(1).max(100_000).default(1),
    pageSize: z.int().min(1).max(100).default(20),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.from === undefined) !== (r.to === undefined)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.dateRange' });
    checkRange(r, ctx);
  });

export const ArchiveGetInput = z.object({ reportNumber: requiredText(60) }).strict();

export const ArchiveExportInput = z
  .object({ from: LocalDate, to: LocalDate, format: z.enum(ARCHIVE_FORMATS, { message: 'validation.choice' }) })
  .strict()
  .superRefine(checkRange);

/** What a report says of itself, as transcribed at its checks (several checks may disagree: all values are kept). */
export interface ArchiveReportFacts {
  reportNumber: string;
  labs: string[];
  cmaNumbers: string[];
  /** 抽样 (the lab sampled) or 送样 (the client brought a sample). */
  sampleOrigins: ('client' | 'lab')[];
  sampledOn: string[];
  reportedOn: string[];
  /** As transcribed at the latest check that gave it; null when no check gave it. */
  tonnageCoveredKg: number | null;
}

export interface ArchiveSummary extends ArchiveReportFacts {
  truckCount: number;
  /** Sum of the trucks' current net weights. */
  netKg: number;
  /** First registration of the first and of the last truck that presented it (ISO instants). */
  firstUsedAt: string;
  lastUsedAt: string;
  /** Verdicts of each truck's latest check, distinct. */
  verdicts: Verdict[];
  scanCount: number;
  /** Over all the trucks (tonnage, origins, labs), then those the checks raised, each once. */
  signals: ArchiveSignal[];
}

/** A truck that presented the report, at its current revision. No ID or phone numbers: the archive is about reports. */
export interface ArchiveTruck {
  registrationId: number;
  recordNumber: string;
  revision: number;
  firstRegisteredAt: string;
  plate: string;
  trailerPlate: string | null;
  origin: string;
  coalKind: string;
  netKg: number;
  /** The truck's latest check (of any report); null when it was never checked. */
  verdict: Verdict | null;
  /** After an officer's decision or a supervisor's override. */
  outcome: Outcome | null;
}

export interface ArchiveCheck {
  id: number;
  recordNumber: string;
  lab: string | null;
  cmaNumber: string | null;
  sampleOrigin: 'client' | 'lab' | null;
  sampledOn: string | null;
  reportedOn: string | null;
  tonnageCoveredKg: number | null;
  verdict: Verdict;
  outcome: Outcome;
  signals: ArchiveSignal[];
  checkedAt: string;
  checkedBy: string;
}

/** A scan of the report, once per file content, with the records it was attached to. */
export interface ArchiveScan {
  /** The first attachment of this content (for attachments.get). */
  attachmentId: number;
  sha256: string;
  fileName: string;
  mime: string;
  sizeBytes: number;
  addedAt: string;
  recordNumbers: string[];
}

export interface ArchiveReport extends ArchiveSummary {
  trucks: ArchiveTruck[];
  checks: ArchiveCheck[];
  scans: ArchiveScan[];
}

export interface ArchivePage {
  rows: ArchiveSummary[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export const reportArchiveContract = {
  'reportArchive.search': method<ArchivePage>()(ArchiveSearchInput, ROLE_GROUPS.viewer),
  'reportArchive.get': method<ArchiveReport>()(ArchiveGetInput, ROLE_GROUPS.viewer),
  'reportArchive.export': method<ExportedFile>()(ArchiveExportInput, ROLE_GROUPS.oversight),
} satisfies Record<string, MethodDef>;
