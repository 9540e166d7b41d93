import type { Command } from '../command.ts';
import { coreCommands } from './core.ts';
import { demoCommands } from './demo.ts';

/** Every CLI command; each module exports one or more Command objects. */
export const commands: Command[] = [
  ...coreCommands,
  ...demoCommands,
];
