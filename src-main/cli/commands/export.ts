import type { z } from 'zod';
import { ArchiveExportInput, ARCHIVE_FORMATS } from '../../../src-shared/contract/report-archive.ts';
import { MonthlyExportInput, WeeklyExportInput, EXPORT_FORMATS, type ExportedFile } from '../../../src-shared/contract/reports.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { CliError, parseOptions, type CliIo, type Command } from '../command.ts';
import { asUser, authOptions, dbOption, type Client, type Credentials } from '../client.ts';
import { resolveDbPath } from '../../paths.ts';
import { checkTarget, writeFileSafely } from '../../services/safe-file.ts';

const FORMATS = EXPORT_FORMATS.join('|');

/** Validates with the contract's own schema, so the CLI refuses exactly what the UI refuses. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CliError(result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${translate('en', i.message)}`).join('; '));
  }
  return result.data;
}

function checkFormat(format: string | undefined, formats: readonly string[] = EXPORT_FORMATS): void {
  if (!format || !formats.includes(format)) throw new CliError(`--format must be ${formats.join('|')}, got "${format ?? ''}"`);
}

/** Exports as the signed-in user, so the audit log names who took the file (and whether it was unmasked). */
async function writeExport(out: string | undefined, values: Credentials & { db?: string; force?: boolean }, io: CliIo, run: (client: Client) => Promise<ExportedFile>) {
  if (!out) throw new CliError('--out FILE is required');
  const target = { protectedFiles: [resolveDbPath(values.db)], force: values.force ?? false };
  // Refused before the export runs, so a wrong --out costs nothing and writes nothing.
  checkTarget(out, target);
  const file = await asUser(values.db, values, io, run);
  writeFileSafely(out, Buffer.from(file.base64, 'base64'), target);
  io.stdout.write(`wrote ${out} (${file.trucks} trucks)\n`);
  return 0;
}

/** The weekly log and the vehicle register take the same period and options. */
const logCommand = (word: string, summary: string, method: 'reports.exportWeekly' | 'reports.exportRegister'): Command => ({
  words: ['export', word],
  summary,
  usage: `checkpoint export ${word} (--week 2026-W48 | --from YYYY-MM-DD --to YYYY-MM-DD) --format ${FORMATS} --out FILE [--force] [--unmasked] [--user NAME --password-stdin] [--db PATH]\n  --unmasked (full ID and phone numbers) needs a supervisor or administrator`,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, ...authOptions, week: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' },
      out: { type: 'string' }, force: { type: 'boolean', default: false }, unmasked: { type: 'boolean', default: false },
    });
    checkFormat(values.format);
    const input = parsed(WeeklyExportInput, { week: values.week, from: values.from, to: values.to, format: values.format, unmasked: values.unmasked });
    return writeExport(values.out, values, io, (client) => client.call(method, input));
  },
});
const exportWeekly = logCommand('weekly', 'Export the checkpoint log of an ISO week or a date range (xlsx, csv or pdf)', 'reports.exportWeekly');
const exportVehicleRegister = logCommand('register', 'Export the vehicle register (运煤车辆信息登记台账) of a week or a date range (xlsx, csv or pdf)', 'reports.exportRegister');

const exportMonthly: Command = {
  words: ['export', 'monthly'],
  summary: 'Export the monthly report with heating-season totals (xlsx, csv or pdf)',
  usage: `checkpoint export monthly --month 2026-11 --format ${FORMATS} --out FILE [--force] [--user NAME --password-stdin] [--db PATH]`,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, ...authOptions, month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } });
    checkFormat(values.format);
    const input = parsed(MonthlyExportInput, { month: values.month, format: values.format });
    return writeExport(values.out, values, io, (client) => client.call('reports.exportMonthly', input));
  },
};

/** 质检报告专管档案 of a period; the PDF carries the scans as an appendix. */
const exportReportArchive: Command = {
  words: ['export', 'report-archive'],
  summary: 'Export the inspection report archive (质检报告专管档案) of a date range (xlsx, or pdf with the scans appended)',
  usage: `checkpoint export report-archive --from YYYY-MM-DD --to YYYY-MM-DD --format ${ARCHIVE_FORMATS.join('|')} --out FILE [--force] [--user NAME --password-stdin] [--db PATH]`,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, ...authOptions, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false },
    });
    checkFormat(values.format, ARCHIVE_FORMATS);
    const input = parsed(ArchiveExportInput, { from: values.from, to: values.to, format: values.format });
    return writeExport(values.out, values, io, (client) => client.call('reportArchive.export', input));
  },
};

export const exportCommands: Command[] = [exportWeekly, exportVehicleRegister, exportMonthly, exportReportArchive];
