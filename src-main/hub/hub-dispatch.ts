/**
 * The hub's door for people (the city's screens): the same envelope, the same order as the checkpoint's
 * dispatcher — session, role, zod, handler — so the same renderer signs in and calls `/api/<method>` on the
 * hub. The hub answers the login methods for its own users and the city methods; nothing else.
 */
import { z } from 'zod';
import type { ApiResult, Envelope, LoginResult } from '../../src-shared/contract/index.ts';
import { LoginInput } from '../../src-shared/contract/accounts.ts';
import { cityContract, type CityMethod } from '../../src-shared/contract/city.ts';
import { holdsAny, HUB_ROLES, type Role } from '../../src-shared/contract/roles.ts';
import type { Lang } from '../../src-shared/contract/i18n/index.ts';
import { failure, issuesOf } from '../services/dispatch.ts';
import { gateSession, type LiveSession, type SessionLimits } from '../services/accounts/sessions.ts';
import { ServiceError } from '../services/errors.ts';
import { HUB_STATION_CODE, hubAudit, type HubCallContext, type HubContext } from './context.ts';
import { checkHubCredentials, hubUserById } from './users/hub-users.ts';
import { cityHandlers } from './city/handlers.ts';

/** The hub's session limits: a city office's working day, and the checkpoint's default idle lock. */
export const HUB_LIMITS: SessionLimits = { lockAfterMs: 15 * 60_000, lifetimeMs: 12 * 3600_000 };

/** A method as the dispatcher runs it: the input already parsed by `input`, the context with the caller when not public. */
interface HubMethodDef { input: z.ZodType; roles: 'public' | readonly Role[]; run(input: unknown, ctx: HubContext): Promise<unknown> }

const open = <S extends z.ZodType>(input: S, run: (i: z.output<S>, ctx: HubContext) => Promise<unknown>): HubMethodDef =>
  ({ input, roles: 'public', run: run as HubMethodDef['run'] });
const signedIn = <S extends z.ZodType>(input: S, roles: readonly Role[], run: (i: z.output<S>, ctx: HubCallContext) => Promise<unknown>): HubMethodDef =>
  ({ input, roles, run: run as HubMethodDef['run'] });

function loginResult(ctx: HubContext, session: Pick<LiveSession, 'token' | 'user' | 'startedMs'>): LoginResult {
  return {
    token: session.token, user: session.user, station: { name: ctx.hubName, code: HUB_STATION_CODE },
    lockAfterMinutes: HUB_LIMITS.lockAfterMs / 60_000, sessionEndsAt: new Date(session.startedMs + HUB_LIMITS.lifetimeMs).toISOString(),
  };
}

const Empty = z.object({}).strict();
const anyHubUser: readonly Role[] = HUB_ROLES;

/** The login methods the renderer uses, answered for hub users. */
const authMethods: Record<string, HubMethodDef> = {
  'setup.status': open(Empty, async (_, ctx) => ({ needsSetup: false, station: { name: ctx.hubName, code: HUB_STATION_CODE } })),
  'auth.login': open(LoginInput, async (input, ctx) => {
    const at = ctx.now();
    const user = await checkHubCredentials(ctx.sql, input.username, input.password, at);
    await hubAudit(ctx.sql, at, user.username, 'auth.login', String(user.id), null);
    return loginResult(ctx, ctx.sessions.open(user, at.getTime()));
  }),
  'auth.logout': signedIn(Empty, anyHubUser, async (_, ctx) => (ctx.sessions.close(ctx.token), null)),
  'auth.me': signedIn(Empty, anyHubUser, async (_, ctx) =>
    loginResult(ctx, { token: ctx.token, user: ctx.user, startedMs: ctx.sessions.startedMs(ctx.token, ctx.now().getTime()) })),
  'auth.lock': signedIn(Empty, anyHubUser, async (_, ctx) => (ctx.sessions.lock(ctx.token), null)),
  'auth.unlock': signedIn(z.object({ password: z.string().max(200) }).strict(), anyHubUser, async (input, ctx) => {
    const at = ctx.now();
    const user = await checkHubCredentials(ctx.sql, ctx.user.username, input.password, at);
    return loginResult(ctx, ctx.sessions.rotate(ctx.token, user, at.getTime()));
  }),
};

const methods: Record<string, HubMethodDef> = {
  ...authMethods,
  ...Object.fromEntries(
    (Object.keys(cityContract) as CityMethod[]).map((m) => [m, signedIn(cityContract[m].input, cityContract[m].roles as readonly Role[], cityHandlers[m] as (i: unknown, c: HubCallContext) => Promise<unknown>)]),
  ),
};

/** The names the hub answers on `/api/<method>` (the host routes only these to the dispatcher). */
export const HUB_METHOD_NAMES: readonly string[] = Object.keys(methods);

/** The signed-in hub user of a token: session live and unlocked (or the method allowed when locked), account active. */
async function hubSession(ctx: HubContext, token: string | undefined, name: string): Promise<LiveSession> {
  const session = ctx.sessions.touch(token, ctx.now().getTime(), HUB_LIMITS);
  const user = await hubUserById(ctx.sql, session.user.id);
  if (!user || !user.active) {
    ctx.sessions.close(session.token);
    throw new ServiceError('unauthorized', 'errors.sessionExpired');
  }
  session.user = user;
  gateSession(session, name);
  return session;
}

export function createHubDispatcher(ctx: HubContext) {
  return async function dispatch(name: string, envelope: Envelope): Promise<ApiResult<unknown>> {
    const lang: Lang = envelope?.lang === 'en' ? 'en' : 'zh-CN';
    if (!Object.hasOwn(methods, name)) return failure({ code: 'not-found', key: 'errors.unknownMethod' }, lang, { method: String(name) });
    const def = methods[name]!;
    try {
      let callCtx: HubContext = ctx;
      if (def.roles !== 'public') {
        const session = await hubSession(ctx, envelope?.token, name);
        if (!holdsAny(session.user.roles, def.roles)) return failure({ code: 'forbidden', key: 'errors.forbidden' }, lang);
        const withCaller: HubCallContext = { ...ctx, user: session.user, token: session.token };
        callCtx = withCaller;
      }
      const parsed = def.input.safeParse(envelope?.input ?? {});
      if (!parsed.success) {
        const issues = issuesOf(parsed.error, lang);
        return { ok: false, error: { code: 'invalid-input', key: 'errors.invalidInput', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues } };
      }
      return { ok: true, value: (await def.run(parsed.data, callCtx)) ?? null };
    } catch (err) {
      if (err instanceof ServiceError) return failure({ code: err.code, key: err.key }, lang, err.params);
      console.error(`[hub] ${name} failed`, err);
      return failure({ code: 'internal', key: 'errors.internal' }, lang);
    }
  };
}

export type HubDispatch = ReturnType<typeof createHubDispatcher>;
