import fs from 'node:fs';
import type { z } from 'zod';
import { MonthlyExportInput, WeeklyExportInput, EXPORT_FORMATS } from '../../../src-shared/contract/reports.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { getStation } from '../../services/accounts.ts';
import { exportMonthlyReport, exportRegister, exportWeeklyLog, type Exporter } from '../../services/reports.ts';
import { getSettings } from '../../services/settings.ts';
import type { Db } from '../../../db/open.ts';
import { CliError, parseOptions, type Command } from '../command.ts';
import { dbOption, withCliDb } from '../db-option.ts';

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

async function writeExport(out: string | undefined, run: (db: Db) => Promise<{ base64: string; trucks: number }>, dbPath: string | undefined, io: { stdout: NodeJS.WritableStream }) {
  if (!out) throw new CliError('--out FILE is required');
  const file = await withCliDb(dbPath, run);
  fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
  io.stdout.write(`wrote ${out} (${file.trucks} trucks)\n`);
  return 0;
}

/** The weekly log and the register take the same period and options. */
const logCommand = (word: string, summary: string, run: typeof exportWeeklyLog): Command => ({
  words: ['export', word],
  summary,
  usage: `checkpoint export ${word} (--week 2026-W48 | --from YYYY-MM-DD --to YYYY-MM-DD) --format ${FORMATS} --out FILE [--unmasked] [--db PATH]`,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, week: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' },
      out: { type: 'string' }, unmasked: { type: 'boolean', default: false },
    });
    checkFormat(values.format);
    const input = parsed(WeeklyExportInput, { week: values.week, from: values.from, to: values.to, format: values.format, unmasked: values.unmasked });
    return writeExport(values.out, (db) => run(db, cliExporter(db), input), values.db, io);
  },
});
const exportWeekly = logCommand('weekly', 'Export the checkpoint log of an ISO week or a date range (xlsx, csv or pdf)', exportWeeklyLog);
const exportVehicleRegister = logCommand('register', 'Export the vehicle register (运煤车辆信息登记台账) of a week or a date range (xlsx, csv or pdf)', exportRegister);

const exportMonthly: Command = {
  words: ['export', 'monthly'],
  summary: 'Export the monthly report with heating-season totals (xlsx, csv or pdf)',
  usage: `checkpoint export monthly --month 2026-11 --format ${FORMATS} --out FILE [--db PATH]`,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
    checkFormat(values.format);
    const input = parsed(MonthlyExportInput, { month: values.month, format: values.format });
    return writeExport(values.out, (db) => exportMonthlyReport(db, cliExporter(db), getSettings(db), input), values.db, io);
  },
};

export const exportCommands: Command[] = [exportWeekly, exportMonthly, exportVehicleRegister];
