import { openDatabase, type Db } from '../db/open.ts';
import { moveKeyOutOfDatabase } from './signing/key-store.ts';
import { widerThanOwner } from './services/evidence/file-modes.ts';
import { SessionStore } from './services/accounts/sessions.ts';
import { createDispatcher, type Dispatch } from './services/dispatch.ts';
import { createHandlers } from './services/handlers.ts';
import type { ServiceContext } from './services/context.ts';
import { DeviceManager, type DeviceManagerOptions } from './services/devices/devices.ts';
import { PrintService } from './services/printing/printing.ts';
import { EventHub } from './services/events.ts';
import { CupsPrinter } from './services/printing/cups-printer.ts';
import type { PrinterBackend } from './services/printing/printer.ts';
import { BackupScheduler } from './services/backup/scheduler.ts';

export interface App {
  db: Db;
  ctx: ServiceContext;
  dispatch: Dispatch;
  devices: DeviceManager;
  /** Pushed events for the shells' streams (loopback host SSE, Electron IPC). */
  events: EventHub;
  /** Scheduled backups; a shell awaits `backups.beforeQuit()` before quitting. */
  backups: BackupScheduler;
  close(): void;
}

/** The methods that add a print job or change one's status. */
const PRINT_QUEUE_METHODS = new Set(['documents.render', 'documents.print', 'documents.send', 'documents.retry']);

/** documents.render answers { jobId }, the others { job: { id } }. */
const jobIdOf = (value: unknown): number | null => {
  const v = value as { jobId?: unknown; job?: { id?: unknown } } | null;
  const id = v?.jobId ?? v?.job?.id;
  return typeof id === 'number' ? id : null;
};

/** Opens the database and wires the services behind one dispatcher; every shell (IPC, HTTP, tests) uses this. */
export function createApp(options: {
  dbPath: string; now?: () => Date; requestQuit?: () => void; devices?: DeviceManagerOptions;
  /** The Electron shell passes its own on Windows; CUPS serves everywhere else. */
  printer?: PrinterBackend;
  /** The browser host's one-time first-run code (printed in its terminal); Electron passes none. */
  setupCode?: string;
  /** Recorded in backup manifests; set by the shell that knows it. */
  appVersion?: string;
}): App {
  const db = openDatabase(options.dbPath);
  moveKeyOutOfDatabase(db);
  for (const line of widerThanOwner(options.dbPath)) console.warn(`[files] ${line}`);
  const ctx: ServiceContext = { db, now: options.now ?? (() => new Date()), requestQuit: options.requestQuit, setupCode: options.setupCode, appVersion: options.appVersion };
  const sessions = new SessionStore();
  const devices = new DeviceManager(db, ctx.now, options.devices);
  const events = new EventHub(db, sessions, ctx.now);
  devices.onEvent((event) => events.publish(event));
  const dispatchCall = createDispatcher(ctx, sessions, createHandlers(sessions, devices, new PrintService(options.printer ?? new CupsPrinter())));
  const dispatch: Dispatch = async (name, envelope) => {
    const result = await dispatchCall(name, envelope);
    if (result.ok && PRINT_QUEUE_METHODS.has(name)) events.publish({ name: 'printing.queue', payload: { jobId: jobIdOf(result.value) } });
    return result;
  };
  const backups = new BackupScheduler(ctx, sessions);
  backups.start();
  return {
    db, ctx, dispatch, devices, events, backups,
    close: () => {
      backups.stop();
      events.close();
      // Timers stop at once; ports finish closing on their own (nothing below touches the database).
      void devices.stop();
      db.close();
    },
  };
}
