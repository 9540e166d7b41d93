import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { electronBinary, NO_ELECTRON_MESSAGE } from '../../../scripts/start-electron.mjs';

function fakePackage(installJs: string, installed?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-electron-'));
  fs.writeFileSync(path.join(dir, 'install.js'), installJs);
  if (installed) {
    fs.writeFileSync(path.join(dir, 'path.txt'), installed);
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', installed), '');
  }
  return dir;
}

const failingDownload = "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); process.exit(1);";

describe('npm start without an Electron binary', () => {
  it('finds an installed binary without running the installer', () => {
    const dir = fakePackage('process.exit(3)', 'electron');
    expect(electronBinary(dir)).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('runs the installer when the binary is missing, and uses what it installed', () => {
    const install = "const fs = require('fs'); fs.mkdirSync('dist'); fs.writeFileSync('dist/electron', ''); fs.writeFileSync('path.txt', 'electron');";
    const dir = fakePackage(install);
    expect(electronBinary(dir)).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('gives null, with the installer’s stack trace kept back, when the download fails', () => {
    expect(electronBinary(fakePackage(failingDownload))).toBeNull();
  });

  it('the message says what happened and names npm run start:browser, in Chinese and English, on one line', () => {
    expect(NO_ELECTRON_MESSAGE).not.toContain('\n');
    expect(NO_ELECTRON_MESSAGE).toMatch(/无法下载 Electron.*npm run start:browser.*could not be downloaded.*npm run start:browser/);
  });

  it('the script prints only that line and exits 1 when the binary cannot be had', () => {
    // A project folder whose electron package cannot download: the script resolves electron from its own location.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-project-'));
    const pkg = path.join(project, 'node_modules', 'electron');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"0.0.0"}');
    fs.writeFileSync(path.join(pkg, 'install.js'), failingDownload);
    fs.mkdirSync(path.join(project, 'scripts'));
    fs.copyFileSync(path.resolve(import.meta.dirname, '../../../scripts/start-electron.mjs'), path.join(project, 'scripts', 'start-electron.mjs'));
    const r = spawnSync(process.execPath, [path.join(project, 'scripts', 'start-electron.mjs')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(NO_ELECTRON_MESSAGE);
    expect(r.stdout).toBe('');
  });
});
