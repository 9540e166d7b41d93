import { z } from 'zod';
import type { Role } from './roles.ts';

/**
 * One method of the contract: its request schema, the response type (a phantom, types only) and who may call it.
 * `roles: 'public'` methods run without a session (login, first-run set-up).
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  roles: 'public' | readonly Role[];
  /** Phantom: never read at run time. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, roles: 'public' | readonly Role[]): MethodDef<I, O> => ({ input, roles });
}

export const Empty = z.object({}).strict();

export type ErrorCode = 'invalid-input' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'too-large' | 'locked' | 'internal';

export interface ApiIssue {
  path: string;
  /** An i18n key; `message` is its text in the request's language. */
  key: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  key: string;
  message: string;
  issues?: ApiIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What crosses the IPC bridge or the HTTP body: the session token travels with each call. */
export interface Envelope {
  token?: string;
  lang?: 'zh-CN' | 'en';
  input?: unknown;
}
