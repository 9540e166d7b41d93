import type { Command } from '../command.ts';
import { deviceCommands } from './devices.ts';
import { coreCommands } from './core.ts';
import { demoCommands } from './demo.ts';
import { certificateCommands } from './certificate.ts';
import { exportCommands } from './export.ts';
import { casesCommands } from './cases.ts';
import { signInCommands } from './sign-in.ts';
import { backupCommands } from './backup.ts';
import { evidenceCommands } from './evidence.ts';
import { hubCommands } from './hub.ts';
import { syncCommands } from './sync.ts';
import { hubCityCommands } from './hub-figures.ts';

/** Every CLI command; each module exports one or more Command objects. */
export const commands: Command[] = [
  ...coreCommands,
  ...signInCommands,
  ...deviceCommands,
  ...demoCommands,
  ...certificateCommands,
  ...exportCommands,
  ...casesCommands,
  ...backupCommands,
  ...evidenceCommands,
  ...hubCommands,
  ...syncCommands,
  ...hubCityCommands,
];
