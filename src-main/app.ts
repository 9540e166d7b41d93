import { openDatabase, type Db } from '../db/open.ts';
import { moveKeyOutOfDatabase } from './signing/key-store.ts';
import { widerThanOwner } from './services/evidence/file-modes.ts';
import { SessionStore } from './services/accounts.ts';
import { createDispatcher, type Dispatch } from './services/dispatch.ts';
import { createHandlers } from './services/handlers.ts';
import type { ServiceContext } from './services/context.ts';
import { DeviceManager, type DeviceManagerOptions } from './services/devices.ts';
import { PrintService } from './services/printing.ts';
import { CupsPrinter } from './printing/cups-printer.ts';
import type { PrinterBackend } from './printing/printer.ts';

export interface App {
  db: Db;
  ctx: ServiceContext;
  dispatch: Dispatch;
  devices: DeviceManager;
  close(): void;
}

/** Opens the database and wires the services behind one dispatcher; every shell (IPC, HTTP, tests) uses this. */
export function createApp(options: {
  dbPath: string; now?: () => Date; requestQuit?: () => void; devices?: DeviceManagerOptions;
  /** The Electron shell passes its own on Windows; CUPS serves everywhere else. */
  printer?: PrinterBackend;
}): App {
  const db = openDatabase(options.dbPath);
  moveKeyOutOfDatabase(db);
  for (const line of widerThanOwner(options.dbPath)) console.warn(`[files] ${line}`);
  const ctx: ServiceContext = { db, now: options.now ?? (() => new Date()), requestQuit: options.requestQuit };
  const sessions = new SessionStore();
  const devices = new DeviceManager(db, options.devices);
  const dispatch = createDispatcher(ctx, sessions, createHandlers(sessions, devices, new PrintService(options.printer ?? new CupsPrinter())));
  return {
    db, ctx, dispatch, devices,
    close: () => {
      // Timers stop at once; ports finish closing on their own (nothing below touches the database).
      void devices.stop();
      db.close();
    },
  };
}
