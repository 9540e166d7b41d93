/** IPC channel of a contract method; shared by the main side and the preload. */
// @ts-nocheck

export const channelOf = (method: string) => `api:${method}`;

/** The main side hands the method list to the sandboxed preload as an argument, so the preload bundles no schemas. */
export const METHODS_ARG = '--checkpoint-methods=';
