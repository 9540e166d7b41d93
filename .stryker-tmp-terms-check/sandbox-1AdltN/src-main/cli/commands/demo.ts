// @ts-nocheck
import { CliError, parseOptions, type Command } from '../command.ts';
import { dbOption, withCliDb } from '../db-option.ts';
import { runDemo } from '../../demo/run-demo.ts';

const demo: Command = {
  words: ['demo'],
  summary: 'Fill a database with a few weeks of realistic sample data (training, benchmarks)',
  usage: 'checkpoint demo [--days N] [--per-day N] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, days: { type: 'string', default: '21' }, 'per-day': { type: 'string', default: '40' } });
    const days = Number(values.days);
    const perDay = Number(values['per-day']);
    if (!Number.isInteger(days) || days < 0 || days > 366) throw new CliError('--days must be a whole number from 0 to 366');
    if (!Number.isInteger(perDay) || perDay < 0 || perDay > 1000) throw new CliError('--per-day must be a whole number from 0 to 1000');
    const summary = await withCliDb(values.db, (db) => runDemo(db, { days, perDay, now: new Date() }));
    for (const line of summary) io.stdout.write(line + '\n');
    return 0;
  },
};

export const demoCommands: Command[] = [demo];
