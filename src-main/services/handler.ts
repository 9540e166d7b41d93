import type { Contract, MethodName, OutputOf, ParsedInputOf } from '../../src-shared/contract/index.ts';
import type { ServiceContext, CallContext } from './context.ts';

/**
 * The shape of one method's service binding. Kept apart from the handler map that assembles every feature,
 * so a feature's handlers depend on this type and the map depends on the features, never both ways.
 */
export type Handler<M extends MethodName> = Contract[M]['roles'] extends 'public'
  ? (ctx: ServiceContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>
  : (ctx: CallContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one feature contract (its method names as keys). */
export type DomainHandlers<C> = { [M in keyof C & MethodName]: Handler<M> };
/** The handlers of the methods whose names match `M` (a template such as `registrations.${string}`). */
export type HandlersOf<M extends string> = { [K in Extract<MethodName, M>]: Handler<K> };
