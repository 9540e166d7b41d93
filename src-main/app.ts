import { openDatabase, type Db } from '../db/open.ts';
import { SessionStore } from './services/accounts/sessions.ts';
import { createDispatcher, type Dispatch } from './services/dispatch.ts';
import { createHandlers } from './services/handlers.ts';
import type { ServiceContext } from './services/context.ts';
import { DeviceManager, type DeviceManagerOptions } from './services/devices/devices.ts';
import { PrintService } from './services/printing/printing.ts';
import { CupsPrinter } from './services/printing/cups-printer.ts';
import type { PrinterBackend } from './services/printing/printer.ts';

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
  /** The browser host's one-time first-run code (printed in its terminal); Electron passes none. */
  setupCode?: string;
}): App {
  const db = openDatabase(options.dbPath);
  const ctx: ServiceContext = { db, now: options.now ?? (() => new Date()), requestQuit: options.requestQuit, setupCode: options.setupCode };
  const sessions = new SessionStore();
  const devices = new DeviceManager(db, ctx.now, options.devices);
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
