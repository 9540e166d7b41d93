/**
 * Printing through CUPS with its own command-line tools (present on every Linux desktop, including UOS and
 * Kylin): `lpstat` lists destinations, `lp` takes the PDF on stdin. No shell: arguments go as an array, and
 * printer names are checked against CUPS's own naming rule before they reach a command line.
 */
import { spawn } from 'node:child_process';
import { checkCopies, PrinterError, type PrinterBackend, type PrinterInfo } from './printer.ts';

// CUPS names: printable, no space, tab, '/', '#' (lpadmin(8)); a leading '-' would read as an option.
const CUPS_NAME = /^(?!-)[^\s/#\p{Cc}]{1,127}$/u;
const COMMAND_TIMEOUT_MS = 30_000;

export function isCupsPrinterName(name: string): boolean {
  return CUPS_NAME.test(name);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CUPS tool in the C locale (UOS/Kylin default to zh_CN, which translates the output we parse). */
function run(command: string, args: readonly string[], stdin?: Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'], timeout: COMMAND_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(new PrinterError(err.code === 'ENOENT' ? `${command} not found: is CUPS installed?` : `${command}: ${err.message}`));
    });
    child.on('close', (code, signal) => resolve({ code: signal ? null : code, stdout, stderr }));
    // lp may exit before reading everything (unknown printer): its own message explains, not EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

function failure(command: string, r: Run): PrinterError {
  const detail = r.stderr.trim() || r.stdout.trim() || (r.code === null ? 'timed out' : `exit code ${r.code}`);
  return new PrinterError(`${command}: ${detail.replace(/^\S+:\s*/, '')}`);
}

export class CupsPrinter implements PrinterBackend {
  constructor(private readonly tools = { lp: 'lp', lpstat: 'lpstat' }) {}

  async listPrinters(): Promise<PrinterInfo[]> {
    const list = await run(this.tools.lpstat, ['-e']);
    if (list.code !== 0) {
      if (/no destinations/i.test(list.stderr)) return [];
      throw failure('lpstat', list);
    }
    const names = list.stdout.split('\n').map((s) => s.trim()).filter(isCupsPrinterName);
    // "system default destination: NAME" or "no system default destination".
    const def = await run(this.tools.lpstat, ['-d']);
    const defaultName = def.code === 0 ? /destination:\s*(\S+)\s*$/.exec(def.stdout.trim())?.[1] : undefined;
    return names.map((name) => ({ name, isDefault: name === defaultName }));
  }

  async print(pdf: Buffer, printerName: string, copies: number, title = 'document'): Promise<{ jobId: string }> {
    if (!isCupsPrinterName(printerName)) throw new PrinterError(`not a valid CUPS printer name: ${JSON.stringify(printerName)}`);
    checkCopies(copies);
    // Official documents are A4 (GB/T 9704); a printer that lacks A4 ignores the option.
    const r = await run(this.tools.lp, ['-d', printerName, '-n', String(copies), '-t', title, '-o', 'media=A4', '-'], pdf);
    if (r.code !== 0) throw failure('lp', r);
    const jobId = /request id is (\S+)/.exec(r.stdout)?.[1];
    if (!jobId) throw new PrinterError(`lp: unexpected answer ${JSON.stringify(r.stdout.trim())}`);
    return { jobId };
  }
}
