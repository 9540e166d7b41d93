import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Streams a command writes to; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** One `checkpoint <words…>` command. `words` is the command path, e.g. ['scale', 'read']. */
export interface Command {
  words: string[];
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A user-facing failure: printed to stderr without a stack, exit code 2 unless given. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: an unknown flag or a missing value is a CliError, not a crash. */
export function parseOptions<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** The first `count` lines of a stream (passwords, one per line), without their line ends; missing lines are ''. */
export async function readLines(stream: NodeJS.ReadableStream, count: number): Promise<string[]> {
  const lines = (await readAll(stream)).split(/\r?\n/);
  return Array.from({ length: count }, (_, i) => lines[i] ?? '');
}

export function writeJsonLine(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value) + '\n');
}
