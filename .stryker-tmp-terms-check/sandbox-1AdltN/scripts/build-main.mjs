// @ts-nocheck
// Bundles the Electron main process (ESM, dependencies left to node_modules) and the sandboxed preload
// (CommonJS, self-contained: a sandboxed preload can require nothing but 'electron').
import { build } from 'esbuild';

await build({
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist-main/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
});
await build({
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist-main/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
});
console.log('built dist-main/main.mjs and dist-main/preload.cjs');
