import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidDate, toLocalIso } from '../../../src-shared/domain/local-time.ts';
import type { Registration } from '../../../src-shared/contract/registration.ts';
import type { CheckpointRole } from '../../../src-shared/contract/roles.ts';
import { createApp } from '../../app.ts';
import { getStation } from '../../services/accounts/accounts.ts';
import { newSetupCode } from '../../host/setup-code.ts';
import { resolveDbPath } from '../../paths.ts';
import { startLoopbackHost } from '../../host/loopback-host.ts';
import { CliError, parseOptions, type Command } from '../command.ts';
import { asUser, authOptions, dbOption, withApp } from '../client.ts';
import { appVersion } from './backup.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const serve: Command = {
  words: ['serve'],
  summary: 'Serve the app on 127.0.0.1 (loopback host) for a browser',
  usage: 'checkpoint serve [--port N] [--db PATH]   (port 0 picks a free one; prints the URL)',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, port: { type: 'string', default: '5178' } });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535, got "${values.port}"`);
    const setupCode = newSetupCode();
    const app = createApp({ dbPath: resolveDbPath(values.db), setupCode, appVersion: appVersion() });
    const host = await startLoopbackHost({ port, rendererDir: path.join(projectRoot, 'dist-renderer'), dispatch: app.dispatch, events: app.events });
    // Only someone at this terminal can set up a fresh station: a web page cannot read it.
    if (!getStation(app.db)) io.stdout.write(`First-run set-up code: ${setupCode}\n`);
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
    const version = await withApp(values.db, (app) => app.db.pragma('user_version', { simple: true }) as number);
    io.stdout.write(`schema version ${version} (${resolveDbPath(values.db)})\n`);
    return 0;
  },
};

const usersAdd: Command = {
  words: ['users', 'add'],
  summary: 'Add a user (password read from standard input; an administrator signs in)',
  usage: 'checkpoint users add --username NAME --role kiosk|officer|disposal|supervisor|admin[,…] [--name DISPLAY] [--credential NO] --password-stdin\n' +
    '                     [--user ADMIN] [--db PATH]\n' +
    '  stdin: the new user\'s password; with --user, first ADMIN\'s own password, then on the next line the new user\'s',
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, user: { type: 'string' }, username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' },
      credential: { type: 'string' }, 'password-stdin': { type: 'boolean' },
    });
    if (!values['password-stdin']) throw new CliError('--password-stdin is required (passwords are never taken as arguments)');
    const creds = { user: values.user, 'password-stdin': values.user !== undefined };
    const user = await asUser(values.db, creds, io, (client, [password]) => client.call('users.create', {
      // --role officer,disposal gives several roles.
      username: values.username ?? '', roles: (values.role?.split(',').map((r) => r.trim()) ?? []) as CheckpointRole[], displayName: values.name ?? values.username ?? '',
      password: password ?? '', ...(values.credential ? { credentialNumber: values.credential } : {}),
    }), 1);
    io.stdout.write(`added ${user.username} (${user.roles.join(',')})\n`);
    return 0;
  },
};

const registrationsList: Command = {
  words: ['registrations', 'list'],
  summary: 'List registrations (current revisions), newest first',
  usage: 'checkpoint registrations list [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--query TEXT] [--limit N] --json [--user NAME --password-stdin] [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, ...authOptions, from: { type: 'string' }, to: { type: 'string' }, query: { type: 'string' }, limit: { type: 'string', default: '10000' }, json: { type: 'boolean' },
    });
    for (const d of [values.from, values.to]) if (d !== undefined && !isValidDate(d)) throw new CliError(`"${d}" is not a date (YYYY-MM-DD)`);
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError('--limit must be a positive whole number');
    const rows = await asUser(values.db, values, io, async (client) => {
      const found: Registration[] = [];
      for (let page = 1; found.length < limit; page++) {
        const result = await client.call('registrations.search', { query: values.query ?? '', from: values.from, to: values.to, page, pageSize: 200 });
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
