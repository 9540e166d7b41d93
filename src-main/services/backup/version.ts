import type { ServiceContext } from '../context.ts';

/** The version a manifest records; the shell that knows it sets it on the context. */
export const appVersionOf = (ctx: ServiceContext): string => ctx.appVersion ?? 'unknown';
