#!/usr/bin/env node
// @ts-nocheck
// Checks electron-builder.yml without internet: a `dir` build for Linux x64 against a stub Electron folder
// (fuses off, as they need a real Electron binary; no native rebuild, as that needs Electron's headers),
// then verifies what the archive holds. Needs `npm run build` first. Prints OK or the first problem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import asar from '@electron/asar';
import { build, Platform, Arch } from 'electron-builder';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'packaging-'));
const stub = path.join(work, 'electron-stub');
fs.mkdirSync(stub);
fs.writeFileSync(path.join(stub, 'electron'), '');
fs.chmodSync(path.join(stub, 'electron'), 0o755);
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const output = path.join(work, 'release');
await build({
  projectDir: root,
  targets: Platform.LINUX.createTarget('dir', Arch.x64),
  config: { ...config, electronFuses: null, electronDist: stub, electronVersion, npmRebuild: false, directories: { ...config.directories, output } },
});

const resources = path.join(output, 'linux-unpacked', 'resources');
const files = new Set(asar.listPackage(path.join(resources, 'app.asar')).map((f) => f.replaceAll('\\', '/')));
const problems = [];
for (const needed of ['/package.json', '/dist-main/main.mjs', '/dist-main/preload.cjs', '/dist-renderer/index.html', '/data/standards/limits.json']) {
  if (!files.has(needed)) problems.push(`app.asar lacks ${needed}`);
}
const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
for (const native of ['better-sqlite3/build/Release/better_sqlite3.node']) {
  if (!fs.existsSync(path.join(unpacked, native))) problems.push(`native module not unpacked: ${native}`);
}
if ([...files].some((f) => f.endsWith('.map'))) problems.push('source maps were packaged');
fs.rmSync(work, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`packaging OK: ${files.size} entries in app.asar, native modules unpacked`);
