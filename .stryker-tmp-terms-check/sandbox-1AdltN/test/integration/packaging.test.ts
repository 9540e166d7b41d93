// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../support/host-process.ts';

describe('packaging configuration', () => {
  it('builds an unpacked Linux app whose archive holds the main, preload, renderer and data, with native modules unpacked', () => {
    expect(fs.existsSync(path.join(projectRoot, 'dist-main/main.mjs')), 'run `npm run build` first').toBe(true);
    const r = spawnSync(process.execPath, ['scripts/check-packaging.mjs'], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.stderr.split('\n').filter((l) => /lacks|not unpacked|packaged/.test(l))).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('packaging OK');
  }, 120_000);
});
