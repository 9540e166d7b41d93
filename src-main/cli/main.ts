import { commands } from './commands/index.ts';
import { CliError, type CliIo } from './command.ts';
import { databaseRefusal } from '../services/storage-errors.ts';
import { ServiceError } from '../services/errors.ts';
import { translate } from '../../src-shared/contract/i18n/index.ts';

function helpText(): string {
  const lines = ['Usage: checkpoint <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.words.join(' ').padEnd(22)} ${c.summary}`);
  lines.push('', 'Every command takes --db PATH (default: CHECKPOINT_DB or the user-data folder).');
  lines.push('Run `checkpoint <command> --help` for its options.');
  return lines.join('\n') + '\n';
}

/** Finds the longest command path matching the arguments, runs it and returns the exit code. */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const match = commands
    .filter((c) => c.words.every((w, i) => argv[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
  if (!match) {
    io.stderr.write(`checkpoint: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${helpText()}`);
    return 2;
  }
  const rest = argv.slice(match.words.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${match.usage}\n`);
    return 0;
  }
  try {
    return await match.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`checkpoint ${match.words.join(' ')}: ${err.message}\n`);
      return err.exitCode;
    }
    // A refused file write (exists, is the database, disk full, read-only) is its own one-line message.
    if (err instanceof ServiceError) {
      io.stderr.write(`checkpoint ${match.words.join(' ')}: ${translate('zh-CN', err.key, err.params)}\n`);
      return 2;
    }
    // A full or read-only disk under the database is one line a person can act on, not a stack trace.
    const storage = databaseRefusal(err);
    if (storage) {
      io.stderr.write(`checkpoint ${match.words.join(' ')}: ${translate('zh-CN', storage.key, storage.params)}\n`);
      return 1;
    }
    io.stderr.write(`checkpoint ${match.words.join(' ')}: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
