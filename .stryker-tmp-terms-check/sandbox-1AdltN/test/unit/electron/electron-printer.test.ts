// @ts-nocheck
import { beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

// A stand-in for Electron: records windows, what they load and how they are asked to print.
const state = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string | null; loadedBytes: Buffer | null; printOptions: Record<string, unknown> | null; destroyed: boolean }[],
  printers: [{ name: 'HP LaserJet (办公室)', displayName: 'HP', description: '', options: {} }],
  printResult: [true, ''] as [boolean, string],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: null, loadedBytes: null, printOptions: null, destroyed: false };
      state.windows.push(this.record);
    }
    loadURL = async (url: string) => {
      this.record.loaded = url;
      this.record.loadedBytes = fs.readFileSync(fileURLToPath(url));
    };
    webContents = {
      getPrintersAsync: async () => state.printers,
      print: (options: Record<string, unknown>, callback: (ok: boolean, reason: string) => void) => {
        this.record.printOptions = options;
        setImmediate(() => callback(...state.printResult));
      },
    };
    destroy = () => {
      this.record.destroyed = true;
    };
  }
  return { BrowserWindow };
});

const { ElectronPrinter } = await import('../../../src-main/electron/electron-printer.ts');

beforeEach(() => {
  state.windows.length = 0;
  state.printResult = [true, ''];
});

describe('ElectronPrinter', () => {
  it('lists the OS printers from a hidden window', async () => {
    expect(await new ElectronPrinter().listPrinters()).toEqual([{ name: 'HP LaserJet (办公室)', isDefault: false }]);
    expect(state.windows.every((w) => w.options.show === false && w.destroyed)).toBe(true);
  });

  it('loads the PDF bytes from a temporary file and prints silently to the chosen device, then cleans up', async () => {
    const pdf = Buffer.from('%PDF-1.7 rendered');
    const { jobId } = await new ElectronPrinter().print(pdf, 'HP LaserJet (办公室)', 2, 'checkpoint-job-3');
    expect(jobId).toContain('HP LaserJet');
    const printing = state.windows.find((w) => w.printOptions)!;
    expect(printing.printOptions).toMatchObject({ silent: true, deviceName: 'HP LaserJet (办公室)', copies: 2 });
    expect(printing.loadedBytes!.equals(pdf)).toBe(true);
    expect(printing.destroyed).toBe(true);
    expect(fs.existsSync(fileURLToPath(printing.loaded!))).toBe(false);
  });

  it('refuses an unknown printer instead of letting Chromium pick another, and reports a failed print', async () => {
    await expect(new ElectronPrinter().print(Buffer.from('%PDF'), 'Nope', 1)).rejects.toThrow(/printer not found: Nope/);
    expect(state.windows.some((w) => w.printOptions)).toBe(false);
    state.printResult = [false, 'Print job failed'];
    await expect(new ElectronPrinter().print(Buffer.from('%PDF'), 'HP LaserJet (办公室)', 1)).rejects.toThrow(/print failed: Print job failed/);
    expect(state.windows.every((w) => w.destroyed)).toBe(true);
  });
});
