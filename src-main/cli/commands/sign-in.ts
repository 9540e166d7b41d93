/** First-run set-up and command-line sign-in: `checkpoint setup`, `checkpoint login`, `checkpoint logout`. */
import { CLI_TOKEN_DEFAULT_HOURS } from '../../../src-shared/contract/cli-auth.ts';
import { toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { resolveDbPath } from '../../paths.ts';
import { CliError, parseOptions, readLines, type Command } from '../command.ts';
import { asUser, callApp, dbOption, withApp } from '../client.ts';
import { forgetToken, loadToken, saveToken } from '../token-file.ts';

const setup: Command = {
  words: ['setup'],
  summary: 'First run: name the checkpoint and create its first administrator (password on stdin)',
  usage: 'checkpoint setup --station NAME --code CODE --username ADMIN [--name DISPLAY] --password-stdin [--db PATH]\n' +
    '  only on a database not yet set up; needs no sign-in because there is nobody to sign in as',
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      ...dbOption, station: { type: 'string' }, code: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' },
    });
    if (!values['password-stdin']) throw new CliError('--password-stdin is required (passwords are never taken as arguments)');
    const [password] = await readLines(io.stdin, 1);
    const done = await withApp(values.db, (app) => callApp(app, undefined, 'setup.init', {
      stationName: values.station ?? '', stationCode: values.code ?? '',
      admin: { username: values.username ?? '', displayName: values.name ?? values.username ?? '', password: password ?? '' },
    }));
    io.stdout.write(`set up ${done.station.name} (${done.station.code}); administrator ${done.user.username}\n`);
    return 0;
  },
};

const login: Command = {
  words: ['login'],
  summary: 'Sign in for later commands: the password is read from stdin, a short-lived token is kept',
  usage: `checkpoint login --user NAME [--hours N] [--print] [--db PATH]   (password on stdin)\n` +
    `  the token lasts --hours (default ${CLI_TOKEN_DEFAULT_HOURS}, a shift) and is kept, readable by you only, under $XDG_STATE_HOME/coal-checkpoint;\n` +
    '  --print writes it to stdout instead (for CHECKPOINT_TOKEN in a script)',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, user: { type: 'string' }, hours: { type: 'string' }, print: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } });
    if (!values.user) throw new CliError('--user NAME is required');
    const hours = values.hours === undefined ? CLI_TOKEN_DEFAULT_HOURS : Number(values.hours);
    const issued = await asUser(values.db, { user: values.user, 'password-stdin': true }, io, (client) => client.call('cliTokens.issue', { hours }));
    if (values.print) {
      io.stdout.write(`${issued.token}\n`);
      return 0;
    }
    const file = saveToken(resolveDbPath(values.db), { token: issued.token, username: values.user, expiresAt: issued.expiresAt });
    io.stdout.write(`已登录：${values.user}，有效至 ${toLocalIso(new Date(issued.expiresAt))}（令牌保存在 ${file}）\n`);
    return 0;
  },
};

const logout: Command = {
  words: ['logout'],
  summary: 'Revoke the token of `checkpoint login` and forget it',
  usage: 'checkpoint logout [--db PATH]',
  async run(argv, io) {
    const { values } = parseOptions(argv, dbOption);
    const file = resolveDbPath(values.db);
    const token = loadToken(file);
    if (!token) throw new CliError('未登录：没有可注销的令牌');
    const who = await asUser(file, {}, io, async (client) => {
      await client.call('cliTokens.revoke', { token });
      return client.me.user.username;
    });
    if (!process.env.CHECKPOINT_TOKEN) forgetToken(file);
    io.stdout.write(`已注销：${who}\n`);
    return 0;
  },
};

export const signInCommands: Command[] = [setup, login, logout];
