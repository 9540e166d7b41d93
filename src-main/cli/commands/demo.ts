import { CliError, parseOptions, type Command } from '../command.ts';
import { dbOption } from '../client.ts';
import { resolveDbPath } from '../../paths.ts';
import { DemoError, runDemo } from '../../demo/run-demo.ts';

const demo: Command = {
  words: ['demo'],
  summary: 'Fill a database with a few weeks of realistic sample data (training, benchmarks)',
  usage: 'checkpoint demo [--days N] [--per-day N] [--station CODE --name NAME] [--db PATH]\n' +
    '  --station/--name: another demo checkpoint (its own code and name), e.g. to try the city hub with several\n' +
    '  on an empty database (it sets it up) or one the demo set up; everything is done through the app as the demo users',
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, days: { type: 'string', default: '21' }, 'per-day': { type: 'string', default: '40' }, station: { type: 'string' }, name: { type: 'string' },
    });
    const days = Number(values.days);
    const perDay = Number(values['per-day']);
    if (!Number.isInteger(days) || days < 0 || days > 366) throw new CliError('--days 须为 0 到 366 的整数');
    if (!Number.isInteger(perDay) || perDay < 0 || perDay > 1000) throw new CliError('--per-day 须为 0 到 1000 的整数');
    if (Boolean(values.station) !== Boolean(values.name)) throw new CliError('--station 与 --name 须同时给出（检查站代码和名称）');
    const station = values.station ? { code: values.station, name: values.name! } : undefined;
    try {
      for (const line of await runDemo(resolveDbPath(values.db), { days, perDay, now: new Date(), station })) io.stdout.write(line + '\n');
    } catch (err) {
      if (err instanceof DemoError) throw new CliError(err.message);
      throw err;
    }
    return 0;
  },
};

export const demoCommands: Command[] = [demo];
