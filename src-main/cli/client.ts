/**
 * The CLI as a client of the app: commands reach the services through the same dispatcher as the
 * Electron and browser shells, calling contract methods by name as a user who signed in, so roles,
 * validation and audit are the same for every client.
 */
import { createApp, type App } from '../app.ts';
import { resolveDbPath } from '../paths.ts';
import type { InputOf, LoginResult, MethodName, OutputOf } from '../../src-shared/contract/index.ts';
import { CliError, readLines, type CliIo } from './command.ts';
import { loadToken } from './token-file.ts';

export const dbOption = { db: { type: 'string' } } as const;
/** Who runs a command that reads personal data or writes: a password on stdin, or `checkpoint login`'s token. */
export const authOptions = { user: { type: 'string' }, 'password-stdin': { type: 'boolean' } } as const;

export interface Credentials {
  user?: string;
  'password-stdin'?: boolean;
}

export const NEEDS_LOGIN = '需要登录：请加 --user 用户名 --password-stdin 并从标准输入提供密码，或先运行 checkpoint login --user 用户名';

/** Calls one contract method; a refusal becomes a CliError carrying the dispatcher's Chinese message (exit 2). */
export async function callApp<M extends MethodName>(app: App, token: string | undefined, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await app.dispatch(method, { token, lang: 'zh-CN', input });
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as OutputOf<M>;
}

export interface Client {
  app: App;
  me: LoginResult;
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

/** Runs `work` over the app on the chosen database (--db, CHECKPOINT_DB or the user-data file), closing it after. */
export async function withApp<T>(dbPath: string | undefined, work: (app: App) => Promise<T> | T): Promise<T> {
  const app = createApp({ dbPath: resolveDbPath(dbPath) });
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/**
 * Signs in (password on stdin, else the stored token) and runs `work` as that user; the session ends with it.
 * `stdinLines` is how many further lines of stdin the command itself reads after the password.
 */
export async function asUser<T>(
  dbPath: string | undefined, creds: Credentials, io: CliIo, work: (client: Client, stdinRest: string[]) => Promise<T>, stdinLines = 0,
): Promise<T> {
  const file = resolveDbPath(dbPath);
  if (creds['password-stdin'] && !creds.user) throw new CliError('--password-stdin 需要同时给出 --user 用户名');
  const lines = creds['password-stdin'] || stdinLines > 0 ? await readLines(io.stdin, (creds['password-stdin'] ? 1 : 0) + stdinLines) : [];
  const password = creds['password-stdin'] ? lines.shift() : undefined;
  const token = password === undefined ? loadToken(file) : undefined;
  if (password === undefined && token === undefined) throw new CliError(NEEDS_LOGIN);
  return withApp(file, async (app) => {
    const me = password !== undefined
      ? await callApp(app, undefined, 'auth.login', { username: creds.user!, password })
      : await callApp(app, undefined, 'cliTokens.redeem', { token: token! });
    if (creds.user !== undefined && me.user.username !== creds.user) {
      throw new CliError(`已登录的是 ${me.user.username}，不是 ${creds.user}：请加 --password-stdin 提供 ${creds.user} 的密码`);
    }
    try {
      return await work({ app, me, call: (method, input) => callApp(app, me.token, method, input) }, lines);
    } finally {
      await app.dispatch('auth.logout', { token: me.token });
    }
  });
}
