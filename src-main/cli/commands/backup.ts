import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { resolveDbPath } from '../../paths.ts';
import { SYSTEM_ACTOR } from '../../services/context.ts';
import { ServiceError } from '../../services/errors.ts';
import { exportArchive, importArchive } from '../../services/backup/archive.ts';
import { administratorOfSet, restoreBackupSet } from '../../services/backup/restore.ts';
import { runBackup } from '../../services/backup/runs.ts';
import { listSets, summarize } from '../../services/backup/sets.ts';
import { verifyBackupSet, type Problem } from '../../services/backup/verify.ts';
import { CliError, parseOptions, readAll, writeJsonLine, type Command, type CliIo } from '../command.ts';
import { dbOption, withApp } from '../client.ts';

const zh = (p: Problem) => translate('zh-CN', p.key, p.params);

/** The version from package.json, for the manifests the CLI and the loopback host write. */
export function appVersion(): string {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** A service refusal becomes the CLI's usual error with its Chinese text (exit 2 unless given). */
async function refusalsToCli<T>(work: () => Promise<T>, exitCode = 2): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ServiceError) throw new CliError(translate('zh-CN', err.key, err.params), exitCode);
    throw err;
  }
}

async function secretFromStdin(io: CliIo, flag: boolean, what: string): Promise<string> {
  if (!flag) throw new CliError(`--${what}-stdin is required (secrets are never taken as arguments)`);
  return (await readAll(io.stdin)).replace(/\r?\n$/, '');
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new CliError(`give exactly one ${what}`);
  return positionals[0]!;
}

const create: Command = {
  words: ['backup', 'create'],
  summary: 'Back up the database, attachments and keys into DIR, then verify the set (exit 1 if it failed)',
  usage: 'checkpoint backup create --out DIR [--json] [--db PATH]   (DIR must exist: a missing drive is reported, not created)',
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, out: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.out) throw new CliError('--out DIR is required');
    const outDir = path.resolve(values.out);
    const run = await withApp(values.db, ({ db }) =>
      runBackup(db, { trigger: 'cli', actor: { ...SYSTEM_ACTOR, name: 'cli' }, now: () => new Date(), appVersion: appVersion(), outDir }));
    if (values.json) writeJsonLine(io, run);
    else if (run.ok) io.stdout.write(`OK: ${path.join(outDir, run.setName!)} (${run.sizeBytes} bytes, ${run.durationMs} ms), verified\n`);
    else io.stderr.write(`FAILED: ${translate('zh-CN', run.problem!.key, run.problem!.params)}\n`);
    return run.ok ? 0 : 1;
  },
};

const list: Command = {
  words: ['backup', 'list'],
  summary: 'List the backup sets in DIR, newest first',
  usage: 'checkpoint backup list DIR [--json] [--db PATH]',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { ...dbOption, json: { type: 'boolean' } }, true);
    const sets = await refusalsToCli(async () => listSets(path.resolve(onePositional(positionals, 'DIR'))).map((s) => summarize(s.manifest)));
    if (values.json) io.stdout.write(JSON.stringify(sets, null, 2) + '\n');
    else for (const s of sets) io.stdout.write(`${s.name}\t${s.createdAt}\t${s.registrations} registrations\t${s.auditEntries} audit entries\t${s.sizeBytes} bytes\n`);
    return 0;
  },
};

const verify: Command = {
  words: ['backup', 'verify'],
  summary: 'Verify a backup set: file hashes, database integrity, audit chain (exit 1 if it fails)',
  usage: 'checkpoint backup verify SET [--json] [--db PATH]',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { ...dbOption, json: { type: 'boolean' } }, true);
    const result = await verifyBackupSet(path.resolve(onePositional(positionals, 'SET')));
    if (values.json) writeJsonLine(io, { ok: result.ok, problems: result.problems.map((p) => ({ ...p, message: zh(p) })), manifest: result.manifest });
    else if (result.ok) io.stdout.write(`OK: ${result.manifest!.name}, created ${result.manifest!.createdAt}, ${result.auditEntries} audit entries, chain intact\n`);
    else for (const p of result.problems) io.stdout.write(`FAILED: ${zh(p)}\n`);
    return result.ok ? 0 : 1;
  },
};

const restore: Command = {
  words: ['backup', 'restore'],
  summary: 'Restore a verified set into place (administrator; the current database is kept aside)',
  usage: 'checkpoint backup restore SET --user NAME --password-stdin [--force] [--db PATH]   (close the app first; --force restores an older set)',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      ...dbOption, user: { type: 'string' }, 'password-stdin': { type: 'boolean' }, force: { type: 'boolean' },
    }, true);
    const setDir = path.resolve(onePositional(positionals, 'SET'));
    if (!values.user) throw new CliError('--user NAME (an administrator of the backed-up data) is required');
    const password = await secretFromStdin(io, values['password-stdin'] ?? false, 'password');
    const dbPath = resolveDbPath(values.db);
    const done = await refusalsToCli(async () => {
      const verification = await verifyBackupSet(setDir);
      if (!verification.ok) throw new CliError(`refused: ${verification.problems.map(zh).join('; ')}`, 1);
      const actor = administratorOfSet(setDir, values.user!, password);
      return restoreBackupSet({ setDir, dbPath, actor, now: new Date(), force: values.force ?? false });
    }, 1);
    io.stdout.write(`restored ${done.manifest.name} (${done.manifest.createdAt}) into ${dbPath}\n`);
    if (done.keptAside) io.stdout.write(`the previous database is kept in ${done.keptAside}\n`);
    if (done.later && done.later.auditEntries > 0) io.stdout.write(`warning: ${done.later.auditEntries} later audit entries and ${done.later.registrations} registrations are not in the restored data\n`);
    return 0;
  },
};

const exportSet: Command = {
  words: ['backup', 'export'],
  summary: 'Write a set as one encrypted archive (passphrase on stdin) for hand-over',
  usage: 'checkpoint backup export SET --out FILE --passphrase-stdin',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { out: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' } }, true);
    const setDir = path.resolve(onePositional(positionals, 'SET'));
    if (!values.out) throw new CliError('--out FILE is required');
    const passphrase = await secretFromStdin(io, values['passphrase-stdin'] ?? false, 'passphrase');
    if (passphrase.length < 12) throw new CliError('口令至少 12 位');
    const out = await refusalsToCli(() => exportArchive(setDir, path.resolve(values.out!), passphrase));
    io.stdout.write(`exported ${out.file} (${out.sizeBytes} bytes)\n`);
    return 0;
  },
};

const importSet: Command = {
  words: ['backup', 'import'],
  summary: 'Open an encrypted archive into DIR as a backup set (then `backup verify` it)',
  usage: 'checkpoint backup import FILE --out DIR --passphrase-stdin',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { out: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' } }, true);
    const file = path.resolve(onePositional(positionals, 'FILE'));
    if (!values.out) throw new CliError('--out DIR is required');
    const passphrase = await secretFromStdin(io, values['passphrase-stdin'] ?? false, 'passphrase');
    const setDir = await refusalsToCli(() => importArchive(file, passphrase, path.resolve(values.out!)), 1);
    io.stdout.write(`${setDir}\n`);
    return 0;
  },
};

export const backupCommands: Command[] = [create, list, verify, restore, exportSet, importSet];
