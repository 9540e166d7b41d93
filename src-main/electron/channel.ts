/** IPC channel of a contract method; shared by the main side and the preload. */
export const channelOf = (method: string) => `api:${method}`;

/** The main side hands the method list to the sandboxed preload as an argument, so the preload bundles no schemas. */
export const METHODS_ARG = '--checkpoint-methods=';

/** Pushed events (src-shared/contract/events.ts): the page subscribes with its token; main sends each event, then the end. */
export const EVENTS_SUBSCRIBE_CHANNEL = 'events:subscribe';
export const EVENTS_UNSUBSCRIBE_CHANNEL = 'events:unsubscribe';
export const EVENTS_CHANNEL = 'events:message';
export const EVENTS_END_CHANNEL = 'events:end';
