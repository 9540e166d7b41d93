import { CliError, parseOptions, type Command } from '../command.ts';
import { dbOption } from '../client.ts';
import { resolveDbPath } from '../../paths.ts';
import { DemoError, runDemo } from '../../demo/run-demo.ts';

const demo: Command = {
  words: ['demo'],
  summary: 'Fill a database with a few weeks of realistic sample data (training, benchmarks)',
  usage: 'checkpoint demo [--days N] [--per-day N] [--db PATH]\n' +
    '  on an empty database (it sets it up) or one the demo set up; everything is done through the app as the demo users',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, days: { type: 'string', default: '21' }, 'per-day': { type: 'string', default: '40' } });
    const days = Number(values.days);
    const perDay = Number(values['per-day']);
    if (!Number.isInteger(days) || days < 0 || days > 366) throw new CliError('--days must be a whole number from 0 to 366');
    if (!Number.isInteger(perDay) || perDay < 0 || perDay > 1000) throw new CliError('--per-day must be a whole number from 0 to 1000');
    try {
      for (const line of await runDemo(resolveDbPath(values.db), { days, perDay, now: new Date() })) io.stdout.write(line + '\n');
    } catch (err) {
      if (err instanceof DemoError) throw new CliError(err.message);
      throw err;
    }
    return 0;
  },
};

export const demoCommands: Command[] = [demo];
