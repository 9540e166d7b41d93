/**
 * Command-line tokens: `checkpoint login` trades a password for a token that later commands redeem for a
 * session, so a script need not hold the password. Only the token's SHA-256 is stored; tokens expire and
 * can be revoked. Issuing and revoking are audited under the user's name.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CliToken, cliAuthContract } from '../../../src-shared/contract/cli-auth.ts';
import type { LoginResult } from '../../../src-shared/contract/accounts.ts';
import { listUsers, sessionInfo } from './accounts.ts';
import type { SessionStore } from './sessions.ts';
import { appendAudit } from '../audit.ts';
import { actorOf, type CallContext, type ServiceContext } from '../context.ts';
import { ServiceError } from '../errors.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const invalid = () => new ServiceError('unauthorized', 'cli.tokenInvalid');

export function issueCliToken(ctx: CallContext, hours: number): CliToken {
  const at = ctx.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + hours * 3600_000).toISOString();
  ctx.db.transaction(() => {
    const id = ctx.db.prepare('INSERT INTO cli_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(hashOf(token), ctx.session.user.id, at.toISOString(), expiresAt).lastInsertRowid;
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'cliTokens.issue', entity: 'cli_token', entityId: Number(id), after: { expiresAt }, at });
  })();
  return { token, expiresAt };
}

/** A session for the token's user; a wrong, expired or revoked token, or a disabled user, is refused alike. */
export function redeemCliToken(ctx: ServiceContext, sessions: SessionStore, token: string): LoginResult {
  const at = ctx.now();
  const row = ctx.db.prepare('SELECT user_id, expires_at, revoked_at FROM cli_tokens WHERE token_hash = ?').get(hashOf(token)) as
    { user_id: number; expires_at: string; revoked_at: string | null } | undefined;
  if (!row || row.revoked_at !== null || row.expires_at <= at.toISOString()) throw invalid();
  const user = listUsers(ctx.db).find((u) => u.id === row.user_id && u.active);
  if (!user) throw invalid();
  return sessionInfo(ctx.db, sessions.open(user, at.getTime()), at.getTime());
}

export function revokeCliToken(ctx: CallContext, token: string): null {
  const at = ctx.now();
  ctx.db.transaction(() => {
    const row = ctx.db.prepare('SELECT id, user_id, revoked_at FROM cli_tokens WHERE token_hash = ?').get(hashOf(token)) as
      { id: number; user_id: number; revoked_at: string | null } | undefined;
    if (!row || row.revoked_at !== null) throw invalid();
    if (row.user_id !== ctx.session.user.id) throw new ServiceError('forbidden', 'cli.notYourToken');
    ctx.db.prepare('UPDATE cli_tokens SET revoked_at = ? WHERE id = ?').run(at.toISOString(), row.id);
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'cliTokens.revoke', entity: 'cli_token', entityId: row.id, at });
  })();
  return null;
}

/** The contract's cliTokens.* methods (the handler map in handlers.ts checks their types). */
export function cliTokenHandlers(sessions: SessionStore) {
  return {
    'cliTokens.issue': (ctx: CallContext, input: { hours: number }) => issueCliToken(ctx, input.hours),
    'cliTokens.redeem': (ctx: ServiceContext, input: { token: string }) => redeemCliToken(ctx, sessions, input.token),
    'cliTokens.revoke': (ctx: CallContext, input: { token: string }) => revokeCliToken(ctx, input.token),
  } satisfies Record<keyof typeof cliAuthContract, unknown>;
}
