import type { Command } from '../command.ts';

/** Every CLI command; each module exports one or more Command objects. */
export const commands: Command[] = [];
