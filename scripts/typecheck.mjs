#!/usr/bin/env node
// `npm run typecheck`: every layer's tsconfig in turn; exits non-zero if any fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TS_PROJECTS } from './checks.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
let failed = 0;
for (const project of TS_PROJECTS) {
  const status = spawnSync(tsc, ['--noEmit', '-p', project], { cwd: root, stdio: 'inherit' }).status;
  if (status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
