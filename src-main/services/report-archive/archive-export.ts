/**
 * The archive of a period as a file: a workbook (reports, trucks, scans listed) or a PDF for signing (the
 * archive table, signatures, then the scans as an appendix). Every export is audited under who took it.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/open.ts';
import type { ArchiveExportInput, ArchiveFormat, ArchiveReport } from '../../../src-shared/contract/report-archive.ts';
import type { ExportedFile } from '../../../src-shared/contract/reports.ts';
import { periodBounds } from '../../../src-shared/domain/report-period.ts';
import { appendAudit } from '../audit.ts';
import type { ExportHeader } from '../reports/content.ts';
import { reportPdf } from '../reports/pdf.ts';
import type { Exporter } from '../reports/reports.ts';
import { sheetsWorkbook } from '../reports/xlsx.ts';
import { archiveEntriesIn } from './archive.ts';
import { overviewSection, PDF_COLUMNS, pdfRows, reportsSection, scansSection, totalsOf, trucksSection } from './archive-content.ts';
import { drawScanAppendix } from './scan-appendix.ts';

export const ARCHIVE_TITLE = '煤炭质量检验报告专管档案';
const MIME: Record<ArchiveFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

function archiveWorkbook(header: ExportHeader, entries: ArchiveReport[]): Promise<Buffer> {
  const totals = totalsOf(entries);
  return sheetsWorkbook(header, [
    { name: '报告档案', sections: [overviewSection(totals), reportsSection(entries)] },
    { name: '使用车辆', sections: [trucksSection(entries)] },
    { name: '扫描件', sections: [scansSection(entries)] },
  ]);
}

function archivePdf(db: Db, header: ExportHeader, entries: ArchiveReport[]): Promise<Buffer> {
  const totals = totalsOf(entries);
  return reportPdf({
    header,
    sections: [overviewSection(totals)],
    notes: {
      title: '说明',
      lines: [
        '本档案收录统计期间内登记车辆出示的全部质检报告；每份报告列出使用该报告的全部车辆（含期间外），车辆按当前版本（更正后）计一次。',
        '提示按使用该报告的全部车辆计算：累计净重超过报告覆盖重量、不同煤炭来源的车辆使用同一报告、同一报告编号出自不同检测机构，以及核查时发现的其他疑点。',
      ],
    },
    register: { title: '质检报告及使用车辆', columns: PDF_COLUMNS, rows: pdfRows(entries, totals) },
    signatures: ['整理人', '审核人', '日期'],
    layout: 'landscape',
    appendix: (doc, frame) => drawScanAppendix(doc, frame, db, entries),
  });
}

export async function exportArchive(db: Db, who: Exporter, input: z.output<typeof ArchiveExportInput>): Promise<ExportedFile> {
  const { fromIso, toIso } = periodBounds(input);
  const entries = [...archiveEntriesIn(db, fromIso, toIso)];
  const header: ExportHeader = {
    title: ARCHIVE_TITLE, station: who.station, periodLabel: `${input.from} 至 ${input.to}`, exportedBy: who.displayName, exportedAt: who.at,
  };
  const bytes = input.format === 'xlsx' ? await archiveWorkbook(header, entries) : await archivePdf(db, header, entries);
  const totals = totalsOf(entries);
  const slug = `${input.from}_${input.to}`;
  db.transaction(() => appendAudit(db, {
    actor: who.actor, action: 'reportArchive.export', entity: 'report', entityId: slug, at: who.at,
    after: { period: slug, format: input.format, reports: totals.reports, trucks: totals.trucks },
  }))();
  return { filename: `${ARCHIVE_TITLE}_${who.station.code}_${slug}.${input.format}`, mimeType: MIME[input.format], base64: bytes.toString('base64'), trucks: totals.trucks };
}
