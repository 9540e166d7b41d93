import { openDatabase, type Db } from '../db/open.ts';
import { SessionStore } from './services/accounts.ts';
import { createDispatcher, type Dispatch } from './services/dispatch.ts';
import { createHandlers } from './services/handlers.ts';
import type { ServiceContext } from './services/context.ts';

export interface App {
  db: Db;
  ctx: ServiceContext;
  dispatch: Dispatch;
  close(): void;
}

/** Opens the database and wires the services behind one dispatcher; every shell (IPC, HTTP, tests) uses this. */
export function createApp(options: { dbPath: string; now?: () => Date; requestQuit?: () => void }): App {
  const db = openDatabase(options.dbPath);
  const ctx: ServiceContext = { db, now: options.now ?? (() => new Date()), requestQuit: options.requestQuit };
  const sessions = new SessionStore();
  const dispatch = createDispatcher(ctx, sessions, createHandlers(sessions));
  return { db, ctx, dispatch, close: () => db.close() };
}
