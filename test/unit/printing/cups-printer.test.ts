import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CupsPrinter, isCupsPrinterName } from '../../../src-main/services/printing/cups-printer.ts';
import { PrinterError } from '../../../src-main/services/printing/printer.ts';

// Stand-ins for lp and lpstat: record their arguments, environment and stdin, answer like CUPS does.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cups-fake-'));
const tool = (name: string, body: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
};

beforeAll(() => {
  tool('lpstat', `echo "$LC_ALL" > "${dir}/locale"
case "$1" in
  -e) printf 'Office\\nCounter-2\\n' ;;
  -d) echo 'system default destination: Counter-2' ;;
esac`);
  tool('lp', `printf '%s\\n' "$@" > "${dir}/lp-args"; cat > "${dir}/lp-stdin"; echo 'request id is Office-42 (1 file(s))'`);
  tool('lp-refuses', `cat > /dev/null; echo 'lp: Error - The printer or class does not exist.' >&2; exit 1`);
  tool('lpstat-empty', `echo 'lpstat: No destinations added.' >&2; exit 1`);
});

const printer = (lp = 'lp', lpstat = 'lpstat') => new CupsPrinter({ lp: path.join(dir, lp), lpstat: path.join(dir, lpstat) });

describe('CupsPrinter', () => {
  it('lists destinations with the default marked, asking in the C locale', async () => {
    expect(await printer().listPrinters()).toEqual([{ name: 'Office', isDefault: false }, { name: 'Counter-2', isDefault: true }]);
    expect(fs.readFileSync(path.join(dir, 'locale'), 'utf8').trim()).toBe('C');
    expect(await printer('lp', 'lpstat-empty').listPrinters()).toEqual([]);
  });

  it('pipes the PDF to lp with the printer and copies as plain arguments and returns the CUPS job id', async () => {
    const pdf = Buffer.from('%PDF-1.7 fake\n\u0000\u00ff', 'latin1');
    expect(await printer().print(pdf, 'Office', 3, 'checkpoint-job-7')).toEqual({ jobId: 'Office-42' });
    expect(fs.readFileSync(path.join(dir, 'lp-args'), 'utf8').trim().split('\n')).toEqual(['-d', 'Office', '-n', '3', '-t', 'checkpoint-job-7', '-o', 'media=A4', '-']);
    expect(fs.readFileSync(path.join(dir, 'lp-stdin')).equals(pdf)).toBe(true);
  });

  it('turns a refusal into a PrinterError carrying CUPS\'s message', async () => {
    await expect(printer('lp-refuses').print(Buffer.from('%PDF'), 'Nope', 1)).rejects.toThrow(/lp: Error - The printer or class does not exist/);
    await expect(printer('missing-lp').print(Buffer.from('%PDF'), 'Office', 1)).rejects.toThrow(/not found: is CUPS installed/);
  });

  it('refuses names CUPS would not accept and copies out of range before running anything', async () => {
    fs.rmSync(path.join(dir, 'lp-args'), { force: true });
    for (const name of ['', 'a b', '-o', 'x/y', 'x#1', 'tab\there', 'a'.repeat(128)]) {
      expect(isCupsPrinterName(name)).toBe(false);
      await expect(printer().print(Buffer.from('%PDF'), name, 1)).rejects.toThrow(/not a valid CUPS printer name/);
    }
    expect(isCupsPrinterName('HP_LaserJet-M404@office')).toBe(true);
    expect(isCupsPrinterName('办公室打印机')).toBe(true);
    await expect(printer().print(Buffer.from('%PDF'), 'Office', 0)).rejects.toBeInstanceOf(PrinterError);
    await expect(printer().print(Buffer.from('%PDF'), 'Office', 21)).rejects.toThrow(/copies/);
    expect(fs.existsSync(path.join(dir, 'lp-args'))).toBe(false);
  });
});
