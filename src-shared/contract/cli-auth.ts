/** Signing in from the command line: a short-lived token stands in for the password on later commands. */
import { z } from 'zod';
import type { LoginResult } from './accounts.ts';
import { method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';

/** A shift is 8 hours; a token never outlives a day. */
export const CLI_TOKEN_DEFAULT_HOURS = 8;
export const CLI_TOKEN_MAX_HOURS = 24;

const TokenText = z.string().trim().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'validation.invalid_format' });

export interface CliToken {
  /** Shown once; the database keeps only its hash. */
  token: string;
  expiresAt: string;
}

export const cliAuthContract = {
  'cliTokens.issue': method<CliToken>()(
    z.object({ hours: z.int().min(1).max(CLI_TOKEN_MAX_HOURS).default(CLI_TOKEN_DEFAULT_HOURS) }).strict(),
    ROLE_GROUPS.anyone,
  ),
  /** Opens a session for the token's user, as auth.login does for a password. */
  'cliTokens.redeem': method<LoginResult>()(z.object({ token: TokenText }).strict(), 'public'),
  /** Revokes one of the caller's own tokens. */
  'cliTokens.revoke': method<null>()(z.object({ token: TokenText }).strict(), ROLE_GROUPS.anyone),
} satisfies Record<string, MethodDef>;
