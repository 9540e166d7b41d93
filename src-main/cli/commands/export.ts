import type { z } from 'zod';
import { MonthlyExportInput, WeeklyExportInput, EXPORT_FORMATS } from '../../../src-shared/contract/reports.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { getStation } from '../../services/accounts.ts';
import { exportMonthlyReport, exportWeeklyLog, type Exporter } from '../../services/reports.ts';
import { getSettings } from '../../services/settings.ts';
import type { Db } from '../../../db/open.ts';
import { CliError, parseOptions, type Command } from '../command.ts';
import { cliWrite, dbOption, withCliDb } from '../db-option.ts';
import { resolveDbPath } from '../../paths.ts';
import { checkTarget, writeFileSafely } from '../../services/safe-file.ts';

const FORMATS = EXPORT_FORMATS.join('|');

/** The operator at this machine: the audit log names them `cli`. */
function cliExporter(db: Db): Exporter {
  const station = getStation(db);
  if (!station) throw new CliError('the checkpoint is not set up yet (run the app once, or `checkpoint demo`)');
  return { station, actor: { id: null, name: 'cli' }, displayName: 'cli（本机操作员）', at: new Date() };
}

/** Validates with the contract's own schema, so the CLI refuses exactly what the UI refuses. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CliError(result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${translate('en', i.message)}`).join('; '));
  }
  return result.data;
}

function checkFormat(format: string | undefined): void {
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be ${FORMATS}, got "${format ?? ''}"`);
}

interface OutOptions { out?: string; force?: boolean; db?: string }

async function writeExport(options: OutOptions, run: (db: Db) => Promise<{ base64: string; trucks: number }>, io: { stdout: NodeJS.WritableStream }) {
  const out = options.out;
  if (!out) throw new CliError('--out FILE is required');
  const target = { protectedFiles: [resolveDbPath(options.db)], force: options.force ?? false };
  // Refused before the export runs, so a wrong --out costs nothing and writes nothing.
  cliWrite(() => checkTarget(out, target));
  const file = await withCliDb(options.db, run);
  cliWrite(() => writeFileSafely(out, Buffer.from(file.base64, 'base64'), target));
  io.stdout.write(`wrote ${out} (${file.trucks} trucks)\n`);
  return 0;
}

const exportWeekly: Command = {
  words: ['export', 'weekly'],
  summary: 'Export the checkpoint log of an ISO week or a date range (xlsx, csv or pdf)',
  usage: `checkpoint export weekly (--week 2026-W48 | --from YYYY-MM-DD --to YYYY-MM-DD) --format ${FORMATS} --out FILE [--force] [--unmasked] [--db PATH]`,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, week: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' },
      out: { type: 'string' }, force: { type: 'boolean', default: false }, unmasked: { type: 'boolean', default: false },
    });
    checkFormat(values.format);
    const input = parsed(WeeklyExportInput, { week: values.week, from: values.from, to: values.to, format: values.format, unmasked: values.unmasked });
    return writeExport(values, (db) => exportWeeklyLog(db, cliExporter(db), input), io);
  },
};

const exportMonthly: Command = {
  words: ['export', 'monthly'],
  summary: 'Export the monthly report with heating-season totals (xlsx, csv or pdf)',
  usage: `checkpoint export monthly --month 2026-11 --format ${FORMATS} --out FILE [--force] [--db PATH]`,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } });
    checkFormat(values.format);
    const input = parsed(MonthlyExportInput, { month: values.month, format: values.format });
    return writeExport(values, (db) => exportMonthlyReport(db, cliExporter(db), getSettings(db), input), io);
  },
};

export const exportCommands: Command[] = [exportWeekly, exportMonthly];
