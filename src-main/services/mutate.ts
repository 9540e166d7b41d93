import type { Db } from '../../db/open.ts';
import { appendAudit, type AuditEntry } from './audit.ts';
import { actorOf, type Actor, type CallContext } from './context.ts';

/** An audit entry as a mutation writes it: the actor is the caller's; `at` defaults to the clock at the call. */
export type AuditRecord = Omit<AuditEntry, 'actor' | 'at'> & { at?: Date };

/** What a mutation's work receives inside the open transaction. */
export interface Mutation {
  db: Db;
  /** Appends to the hash-chained audit trail in the same transaction as the change it records. */
  audit(entry: AuditRecord): void;
}

/**
 * The one path every write takes: opens a transaction, hands the work an audit writer bound to the actor and
 * the injected clock, and commits (or rolls back the change and its audit entries together on a throw).
 */
export function mutateAs<T>(db: Db, actor: Actor, now: () => Date, work: (tx: Mutation) => T): T {
  return db.transaction(() => work({ db, audit: (entry) => appendAudit(db, { ...entry, actor, at: entry.at ?? now() }) }))();
}

/** A mutation on behalf of the signed-in caller. */
export function mutate<T>(ctx: CallContext, work: (tx: Mutation) => T): T {
  return mutateAs(ctx.db, actorOf(ctx.session), () => ctx.now(), work);
}
