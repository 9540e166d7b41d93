import { parseOptions, type Command } from '../command.ts';
import { dbOption, openCliDb } from '../db-option.ts';
import { runDemo } from '../../demo/run-demo.ts';

const demo: Command = {
  words: ['demo'],
  summary: 'Fill a database with a few weeks of realistic sample data (training, benchmarks)',
  usage: 'checkpoint demo [--days N] [--per-day N] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, days: { type: 'string', default: '21' }, 'per-day': { type: 'string', default: '40' } });
    const db = openCliDb(values.db);
    try {
      const summary = runDemo(db, { days: Number(values.days), perDay: Number(values['per-day']), now: new Date() });
      for (const line of summary) io.stdout.write(line + '\n');
    } finally {
      db.close();
    }
    return 0;
  },
};

export const demoCommands: Command[] = [demo];
