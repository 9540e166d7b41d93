import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewUserInput } from '../../../src-shared/contract/accounts.ts';
import { isValidDate } from '../../../src-shared/domain/local-time.ts';
import { createApp } from '../../app.ts';
import { createUser } from '../../services/accounts.ts';
import { SYSTEM_ACTOR } from '../../services/context.ts';
import { findRegistrations } from '../../services/registrations.ts';
import { SearchInput } from '../../../src-shared/contract/registration.ts';
import { toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { resolveDbPath } from '../../paths.ts';
import { startLoopbackHost } from '../../host/loopback-host.ts';
import { migrate } from '../../../db/open.ts';
import { CliError, parseOptions, readAll, type Command } from '../command.ts';
import { dbOption, withCliDb } from '../db-option.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const serve: Command = {
  words: ['serve'],
  summary: 'Serve the app on 127.0.0.1 (loopback host) for a browser',
  usage: 'checkpoint serve [--port N] [--db PATH]   (port 0 picks a free one; prints the URL)',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, port: { type: 'string', default: '5178' } });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535, got "${values.port}"`);
    const app = createApp({ dbPath: resolveDbPath(values.db) });
    const host = await startLoopbackHost({ port, rendererDir: path.join(projectRoot, 'dist-renderer'), dispatch: app.dispatch });
    io.stdout.write(`Coal Checkpoint listening on ${host.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    app.close();
    return 0;
  },
};

const dbMigrate: Command = {
  words: ['db', 'migrate'],
  summary: 'Create or upgrade the database schema',
  usage: 'checkpoint db migrate [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, dbOption);
    // Opening the file applies any pending migration; report where it now stands.
    const version = await withCliDb(values.db, (db) => migrate(db));
    io.stdout.write(`schema version ${version} (${resolveDbPath(values.db)})\n`);
    return 0;
  },
};

const usersAdd: Command = {
  words: ['users', 'add'],
  summary: 'Add a user (password read from standard input)',
  usage: 'checkpoint users add --username NAME --role kiosk|officer|disposal|supervisor|admin[,…] [--name DISPLAY] [--credential NO] --password-stdin [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' },
      credential: { type: 'string' }, 'password-stdin': { type: 'boolean' },
    });
    if (!values['password-stdin']) throw new CliError('--password-stdin is required (passwords are never taken as arguments)');
    const password = (await readAll(io.stdin)).replace(/\r?\n$/, '');
    const parsed = NewUserInput.safeParse({
      // --role officer,disposal gives several roles.
      username: values.username, roles: values.role?.split(',').map((r) => r.trim()), displayName: values.name ?? values.username, password,
      ...(values.credential ? { credentialNumber: values.credential } : {}),
    });
    if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const user = await withCliDb(values.db, (db) => createUser(db, SYSTEM_ACTOR, parsed.data, new Date()));
    io.stdout.write(`added ${user.username} (${user.roles.join(',')})\n`);
    return 0;
  },
};

const registrationsList: Command = {
  words: ['registrations', 'list'],
  summary: 'List registrations (current revisions), newest first',
  usage: 'checkpoint registrations list [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--query TEXT] [--limit N] --json [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, from: { type: 'string' }, to: { type: 'string' }, query: { type: 'string' }, limit: { type: 'string', default: '10000' }, json: { type: 'boolean' },
    });
    for (const d of [values.from, values.to]) if (d !== undefined && !isValidDate(d)) throw new CliError(`"${d}" is not a date (YYYY-MM-DD)`);
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError('--limit must be a positive whole number');
    const rows = await withCliDb(values.db, (db) => {
      const found = [];
      for (let page = 1; found.length < limit; page++) {
        const result = findRegistrations(db, SearchInput.parse({ query: values.query ?? '', from: values.from, to: values.to, page, pageSize: 200 }));
        found.push(...result.rows);
        if (!result.hasMore) break;
      }
      return found;
    });
    const out = rows.slice(0, limit).map((r) => ({ ...r, registeredAt: toLocalIso(new Date(r.registeredAt)) }));
    if (values.json) io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else for (const r of out) io.stdout.write(`${r.recordNumber}\t${r.registeredAt}\t${r.plate}\t${r.netKg} kg\n`);
    return 0;
  },
};

export const coreCommands: Command[] = [serve, dbMigrate, usersAdd, registrationsList];
