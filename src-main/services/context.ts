import type { Db } from '../../db/open.ts';
import type { User } from '../../src-shared/contract/accounts.ts';

/** Who is calling. Every write records this actor in the audit trail. */
export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface Session {
  token: string;
  user: User;
  lastSeenMs: number;
}

/** What every service function receives: the database, the clock and (for session calls) the caller. */
export interface ServiceContext {
  db: Db;
  now: () => Date;
  /** Set by the Electron shell; the loopback host has no window to close. */
  requestQuit?: () => void;
  /** Set by the browser host: first-run set-up must quote this code, printed in the host's terminal. */
  setupCode?: string;
  /** The app's version, recorded in backup manifests; set by the shell that knows it. */
  appVersion?: string;
}

export interface CallContext extends ServiceContext {
  session: Session;
}

export function actorOf(session: Session): Actor {
  return { id: session.user.id, name: session.user.username };
}
