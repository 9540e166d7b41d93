/**
 * Where a rendered PDF goes to be printed. The app renders every document itself (deterministic pdfkit
 * bytes) and hands the bytes to a backend: CUPS on Linux (UOS, Kylin…), Electron's print on Windows.
 */
import { MAX_COPIES, type PrinterInfo } from '../../../src-shared/contract/printing.ts';

export { MAX_COPIES, type PrinterInfo };

export interface PrinterBackend {
  listPrinters(): Promise<PrinterInfo[]>;
  /** Sends the PDF; resolves once the print system accepted the job, throws a PrinterError otherwise. */
  print(pdf: Buffer, printerName: string, copies: number, title?: string): Promise<{ jobId: string }>;
}

/** A refusal from the print system; its message is shown to the user and stored on the failed job. */
export class PrinterError extends Error {
  override readonly name = 'PrinterError';
}

export function checkCopies(copies: number): void {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) throw new PrinterError(`copies must be 1–${MAX_COPIES}, got ${copies}`);
}
