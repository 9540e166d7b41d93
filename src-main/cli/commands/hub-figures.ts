/**
 * `checkpoint hub figures` and `checkpoint hub user add`: the city's figures per installation, and the hub's
 * own users (city, hub-admin), run against the hub's database directly (--pg URL, else the embedded
 * PostgreSQL in --data DIR). Self-contained: the other `hub …` commands live in their own module.
 */
import path from 'node:path';
import { HUB_ROLES, type HubRole } from '../../../src-shared/contract/roles.ts';
import { isValidDate } from '../../../src-shared/domain/local-time.ts';
import { periodDays } from '../../../src-shared/domain/report-period.ts';
import { MAX_REPORT_DAYS } from '../../../src-shared/contract/reports.ts';
import { hubFigures } from '../../hub/city/figures.ts';
import { openHub, withMigratedHub, type HubOpener, type HubSql } from '../../hub/city/open-hub.ts';
import { createHubUser } from '../../hub/users/hub-users.ts';
import { defaultDataDir } from '../../paths.ts';
import { CliError, parseOptions, readLines, writeJsonLine, type Command } from '../command.ts';

const hubDbOptions = { pg: { type: 'string' }, data: { type: 'string' } } as const;

/** The hub's database: --pg URL (or CHECKPOINT_HUB_PG), else PGlite in --data DIR (default: the data folder's `hub`). */
function withHubSql<T>(open: HubOpener, values: { pg?: string; data?: string }, work: (sql: HubSql) => Promise<T>): Promise<T> {
  const pgUrl = values.pg ?? process.env.CHECKPOINT_HUB_PG;
  return withMigratedHub(open, pgUrl ? { pgUrl } : { dataDir: values.data ?? path.join(defaultDataDir(), 'hub') }, work);
}

const figures = (open: HubOpener): Command => ({
  words: ['hub', 'figures'],
  summary: 'Per installation: registrations, net kg and seizures of a Beijing date range, and the last sync',
  usage: 'checkpoint hub figures --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--pg URL | --data DIR]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...hubDbOptions, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
    const from = values.from ?? '';
    const to = values.to ?? '';
    if (!isValidDate(from) || !isValidDate(to)) throw new CliError('--from 与 --to 须为日期 YYYY-MM-DD（北京时间）');
    if (from > to) throw new CliError('--to 不能早于 --from');
    if (periodDays({ from, to }) > MAX_REPORT_DAYS) throw new CliError(`时间范围最多 ${MAX_REPORT_DAYS} 天`);
    const rows = await withHubSql(open, values, (sql) => hubFigures(sql, { from, to }));
    if (values.json) writeJsonLine(io, rows);
    else for (const r of rows) io.stdout.write(`${r.id}\t${r.name}\t${r.registrations}\t${r.netKg}\t${r.seizures}\t${r.lastSyncAt ?? '-'}\n`);
    return 0;
  },
});

const userAdd = (open: HubOpener): Command => ({
  words: ['hub', 'user', 'add'],
  summary: 'Add a user of the city hub (role city or hub-admin); the password is read from standard input',
  usage: 'checkpoint hub user add --username U --name NAME --role city|hub-admin [--pg URL | --data DIR]   (stdin: the password)',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...hubDbOptions, username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } });
    if (!(HUB_ROLES as readonly string[]).includes(values.role ?? '')) throw new CliError(`--role 须为 ${HUB_ROLES.join(' 或 ')}`);
    const [password] = await readLines(io.stdin, 1);
    const user = await withHubSql(open, values, (sql) =>
      createHubUser(sql, 'cli', { username: values.username ?? '', displayName: values.name ?? values.username ?? '', role: values.role as HubRole, password: password ?? '' }, new Date()));
    io.stdout.write(`added ${user.username} (${user.roles.join(',')})\n`);
    return 0;
  },
});

export const hubCityCommandsWith = (open: HubOpener): Command[] => [figures(open), userAdd(open)];
export const hubCityCommands = hubCityCommandsWith(openHub);
