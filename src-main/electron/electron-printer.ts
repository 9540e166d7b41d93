/**
 * Printing on Windows, where there is no CUPS: a hidden window opens the rendered PDF from a temporary file
 * and Chromium prints it silently to the chosen device. The bytes are still the app's own rendering;
 * Electron only carries them to the spooler (its silent print alone is not trusted: see
 * peers-and-conventions 3.3, so the name is checked against the printer list first).
 */
import { BrowserWindow } from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCopies, PrinterError, type PrinterBackend, type PrinterInfo } from '../services/printing/printer.ts';

function hiddenWindow(): BrowserWindow {
  // plugins: Chromium's PDF viewer is a plugin; the window never shows and runs no app code.
  return new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
}

export class ElectronPrinter implements PrinterBackend {
  async listPrinters(): Promise<PrinterInfo[]> {
    const win = hiddenWindow();
    try {
      // Electron no longer reports the default printer; the remembered choice preselects instead.
      return (await win.webContents.getPrintersAsync()).map((p) => ({ name: p.name, isDefault: false }));
    } finally {
      win.destroy();
    }
  }

  async print(pdf: Buffer, printerName: string, copies: number, title = 'document'): Promise<{ jobId: string }> {
    checkCopies(copies);
    // An unknown deviceName makes Chromium fall back to another printer without a word: refuse it here.
    if (!(await this.listPrinters()).some((p) => p.name === printerName)) throw new PrinterError(`printer not found: ${printerName}`);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'checkpoint-print-'));
    const file = path.join(dir, `${title.replace(/[^\w.-]/g, '_')}.pdf`);
    const win = hiddenWindow();
    try {
      await fs.writeFile(file, pdf);
      await win.loadURL(pathToFileURL(file).href);
      await new Promise<void>((resolve, reject) => {
        win.webContents.print({ silent: true, deviceName: printerName, copies, printBackground: true }, (ok, reason) => {
          if (ok) resolve();
          else reject(new PrinterError(`print failed: ${reason || 'unknown reason'}`));
        });
      });
      return { jobId: `${printerName}@${Date.now()}` };
    } finally {
      win.destroy();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}
