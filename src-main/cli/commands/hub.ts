/**
 * `checkpoint hub …`: the city hub's server and its administration, run on the hub's machine against its
 * database directly (a PostgreSQL server with --pg, else the embedded PGlite in --data DIR).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { INSTALLATION_KINDS, type HubInstallationStatus, type InstallationKind } from '../../../src-shared/contract/hub.ts';
import { openHub, type HubSql } from '../../hub/hub-db.ts';
import { listInstallations, registerInstallation, revokeInstallation } from '../../hub/installations.ts';
import { defaultDataDir } from '../../paths.ts';
import { ServiceError } from '../../services/errors.ts';
import { createHubDispatcher } from '../../hub/hub-dispatch.ts';
import { SessionStore } from '../../services/accounts/sessions.ts';
import { createHubHost, HubHostError, refuseOpenWithoutTls } from '../../host/hub-host.ts';
import { CliError, parseOptions, writeJsonLine, type Command } from '../command.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const hubDbOptions = { pg: { type: 'string' }, data: { type: 'string' } } as const;
const DB_USAGE = '[--pg postgres://USER@HOST:PORT/DB | --data DIR]';

/** Where the hub's data lives: --pg wins, then CHECKPOINT_HUB_PG, then PGlite in --data (default: beside the app's data). */
export function hubTarget(values: { pg?: string; data?: string }): { pgUrl?: string; dataDir?: string; shown: string } {
  if (values.pg && values.data) throw new CliError('--pg 与 --data 只能给一个');
  const pgUrl = values.pg ?? (values.data ? undefined : process.env.CHECKPOINT_HUB_PG);
  if (pgUrl) return { pgUrl, shown: `PostgreSQL ${pgUrl.replace(/:[^:@/]*@/, ':***@')}` };
  const dataDir = path.resolve(values.data ?? path.join(defaultDataDir(), 'hub'));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return { dataDir, shown: `PGlite ${dataDir}` };
}

/** Runs `work` on the migrated hub database, closing it after; a refusal becomes the CLI's one line. */
export async function withHub<T>(values: { pg?: string; data?: string }, work: (sql: HubSql) => Promise<T>): Promise<T> {
  const { sql } = await openHub(hubTarget(values));
  try {
    return await work(sql);
  } catch (err) {
    if (err instanceof ServiceError) throw new CliError(translate('zh-CN', err.key, err.params));
    throw err;
  } finally {
    await sql.close();
  }
}

const adminActor = () => `cli:${os.userInfo().username}`;

function readFileText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? '无法读取'}`);
  }
}

const serve: Command = {
  words: ['hub', 'serve'],
  summary: 'Run the city hub (embedded PostgreSQL unless --pg; loopback only unless TLS)',
  usage: `checkpoint hub serve ${DB_USAGE} [--port N] [--host H] [--tls-cert FILE --tls-key FILE] [--name 平台名称]`,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...hubDbOptions, port: { type: 'string', default: '5190' }, host: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' },
      name: { type: 'string', default: '市级煤质监管平台' },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port 应为 0–65535，收到 "${values.port}"`);
    if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new CliError('--tls-cert 与 --tls-key 须同时给出');
    const tls = values['tls-cert'] ? { cert: readFileText(values['tls-cert'], '证书'), key: readFileText(values['tls-key']!, '私钥') } : undefined;
    try {
      refuseOpenWithoutTls(values.host ?? '127.0.0.1', tls);
    } catch (err) {
      if (err instanceof HubHostError) throw new CliError(err.message);
      throw err;
    }
    const target = hubTarget(values);
    const { sql, version } = await openHub(target);
    let host;
    try {
      const clock = () => new Date();
      // The city's screens sign in and call the city's methods through the hub's own dispatcher.
      const api = createHubDispatcher({ sql, now: clock, hubName: values.name, sessions: new SessionStore() });
      host = await createHubHost({ sql, clock, port, host: values.host, tls, api, staticDir: path.join(projectRoot, 'dist-renderer') });
    } catch (err) {
      await sql.close();
      throw err;
    }
    io.stdout.write(`Coal Checkpoint city hub listening on ${host.url} (${target.shown}, schema ${version})\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await host.close();
    await sql.close();
    return 0;
  },
};

const migrate: Command = {
  words: ['hub', 'migrate'],
  summary: "Create or upgrade the hub's schema",
  usage: `checkpoint hub migrate ${DB_USAGE}`,
  async run(argv, io) {
    const { values } = parseOptions(argv, hubDbOptions);
    const target = hubTarget(values);
    const { sql, version } = await openHub(target);
    await sql.close();
    io.stdout.write(`hub schema version ${version} (${target.shown})\n`);
    return 0;
  },
};

/** `--key FILE`: the PEM `checkpoint keys public` prints, or its `--json` form, which also names the id. */
function readKeyFile(file: string): { publicKeyPem: string; id?: string } {
  const text = readFileText(file, '公钥文件').trim();
  if (!text.startsWith('{')) return { publicKeyPem: text };
  try {
    const j = JSON.parse(text) as { checkpointId?: unknown; publicKeyPem?: unknown };
    if (typeof j.publicKeyPem === 'string') return { publicKeyPem: j.publicKeyPem, id: typeof j.checkpointId === 'string' ? j.checkpointId : undefined };
  } catch {
    // fall through to the refusal
  }
  throw new CliError(`公钥文件 ${file} 既不是 PEM 也不是 checkpoint keys public --json 的输出`);
}

const register: Command = {
  words: ['hub', 'register'],
  summary: 'Register an installation (checkpoint or disposal point) by its public key',
  usage: `checkpoint hub register --key FILE --kind checkpoint|disposal --name NAME [--county C] [--id ID] ${DB_USAGE}   (ID = the station code; read from a --json key file when not given)`,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...hubDbOptions, key: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' }, county: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' },
    });
    if (!values.key || !values.kind || !values.name) throw new CliError('需要 --key 公钥文件、--kind checkpoint|disposal 和 --name 名称');
    if (!(INSTALLATION_KINDS as readonly string[]).includes(values.kind)) throw new CliError(`--kind 应为 ${INSTALLATION_KINDS.join(' 或 ')}`);
    const key = readKeyFile(values.key);
    const id = values.id ?? key.id;
    if (!id) throw new CliError('需要 --id（该站的检查站代码），或使用 checkpoint keys public --json 输出的公钥文件');
    if (values.id && key.id && values.id !== key.id) throw new CliError(`--id ${values.id} 与公钥文件中的 ${key.id} 不一致`);
    const done = await withHub(values, (sql) => registerInstallation(sql, () => new Date(), adminActor(), {
      id, kind: values.kind as InstallationKind, name: values.name!, county: values.county ?? null, publicKeyPem: key.publicKeyPem,
    }));
    if (values.json) writeJsonLine(io, done);
    else io.stdout.write(`registered ${done.id} (${done.kind}, ${done.name})\n`);
    return 0;
  },
};

const revoke: Command = {
  words: ['hub', 'revoke'],
  summary: "Revoke an installation: the hub refuses its requests from now on",
  usage: `checkpoint hub revoke --id ID ${DB_USAGE}`,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...hubDbOptions, id: { type: 'string' } });
    if (!values.id) throw new CliError('需要 --id');
    const done = await withHub(values, (sql) => revokeInstallation(sql, () => new Date(), adminActor(), values.id!));
    io.stdout.write(`revoked ${done.id} at ${done.revokedAt}\n`);
    return 0;
  },
};

function line(i: HubInstallationStatus): string {
  const state = i.revokedAt ? `revoked ${i.revokedAt}` : 'active';
  return [i.id, i.kind, i.name, i.county ?? '-', state, `head ${i.headSeq}`, `chain ${i.chain}`, `last sync ${i.lastSyncAt ?? 'never'}`, `lag ${i.lagSeconds ?? '-'} s`].join('\t');
}

const installations: Command = {
  words: ['hub', 'installations'],
  summary: 'List the installations with last sync, lag and chain state',
  usage: `checkpoint hub installations [--json] ${DB_USAGE}`,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...hubDbOptions, json: { type: 'boolean' } });
    const list = await withHub(values, (sql) => listInstallations(sql, () => new Date()));
    if (values.json) writeJsonLine(io, list);
    else for (const i of list) io.stdout.write(line(i) + '\n');
    return 0;
  },
};

export const hubCommands: Command[] = [serve, migrate, register, revoke, installations];
