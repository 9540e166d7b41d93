import type { z } from 'zod';
import { contract, type ApiError, type ApiResult, type Envelope, type MethodName } from '../../src-shared/contract/index.ts';
import { translate, type Lang } from '../../src-shared/contract/i18n/index.ts';
import { currentSession } from './accounts/accounts.ts';
import type { SessionStore } from './accounts/sessions.ts';
import { holdsAny } from '../../src-shared/contract/roles.ts';
import type { CallContext, ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { databaseRefusal } from './storage-errors.ts';
import type { Handlers } from './handler.ts';
import { runAsActor } from '../../db/row-audit.ts';

export function issuesOf(error: z.ZodError, lang: Lang) {
  return error.issues.map((issue) => {
    // Our schemas use i18n keys as messages; zod's own messages (wrong type, unknown key) get a generic key.
    const key = issue.message.startsWith('validation.') ? issue.message : `validation.${issue.code}`;
    return { path: issue.path.join('.'), key, message: translate(lang, key, { detail: issue.message }) };
  });
}

export function failure(error: Omit<ApiError, 'message'>, lang: Lang, params: Record<string, string | number> = {}): ApiResult<never> {
  return { ok: false, error: { ...error, message: translate(lang, error.key, params) } };
}

/**
 * The one door into the services, shared by the Electron IPC loop and the loopback host: looks up the
 * method, checks the session and role, validates the input with the method's schema, runs the handler.
 * Nothing runs before validation passes, so a bad payload changes nothing.
 */
export function createDispatcher(ctx: ServiceContext, sessions: SessionStore, handlers: Handlers) {
  return async function dispatch(name: string, envelope: Envelope): Promise<ApiResult<unknown>> {
    const lang: Lang = envelope?.lang === 'en' ? 'en' : 'zh-CN';
    if (!Object.hasOwn(contract, name)) return failure({ code: 'not-found', key: 'errors.unknownMethod' }, lang, { method: String(name) });
    const def = contract[name as MethodName];
    try {
      let callCtx: ServiceContext = ctx;
      if (def.roles !== 'public') {
        const session = currentSession(ctx, sessions, envelope?.token, name);
        if (!holdsAny(session.user.roles, def.roles)) {
          return failure({ code: 'forbidden', key: 'errors.forbidden' }, lang);
        }
        callCtx = { ...ctx, session } as ServiceContext;
      }
      const parsed = def.input.safeParse(envelope?.input ?? {});
      if (!parsed.success) {
        const issues = issuesOf(parsed.error, lang);
        return { ok: false, error: { code: 'invalid-input', key: 'errors.invalidInput', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues } };
      }
      const handler = handlers[name as MethodName] as (c: ServiceContext, i: unknown) => unknown;
      // Every row the call writes is audited under the caller's name and the call's time.
      const session = 'session' in callCtx ? (callCtx as CallContext).session : undefined;
      const actor = { id: session?.user.id ?? null, name: session?.user.username ?? 'system', at: ctx.now().toISOString() };
      return { ok: true, value: (await runAsActor(actor, () => handler(callCtx, parsed.data))) ?? null };
    } catch (caught) {
      // A full or read-only disk under the database is a refusal to show, not an internal error.
      const err = caught instanceof ServiceError ? caught : (databaseRefusal(caught) ?? caught);
      if (err instanceof ServiceError) {
        const issues = err.issues?.map((i) => ({ ...i, message: translate(lang, i.key, err.params) }));
        return failure({ code: err.code, key: err.key, ...(issues ? { issues } : {}) }, lang, err.params);
      }
      console.error(`[dispatch] ${name} failed`, err);
      return failure({ code: 'internal', key: 'errors.internal' }, lang);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
