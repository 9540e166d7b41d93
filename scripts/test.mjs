#!/usr/bin/env node
// `npm test`: builds the renderer, runs Vitest (unit + integration) and Playwright (end-to-end in Debian
// Chromium), then prints one closing line "N passed, N failed" summed over both runners from their JSON reports.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LAYER_CHECK_ARGS, TS_PROJECTS } from './checks.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'test-results');
fs.mkdirSync(out, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, extraEnv = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } }).status;

/** Runs a command with its output held back and printed whole when it ends (so that checks run side by side do not interleave). */
function runQuietly(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (status) => {
      process.stdout.write(Buffer.concat(out));
      resolve(status);
    });
  });
}

/** Runs the jobs, as many at once as the machine has cores; resolves with their exit statuses in order. */
async function runSideBySide(jobs) {
  const statuses = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      statuses[i] = await runQuietly(...jobs[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(os.availableParallelism(), jobs.length) }, lane));
  return statuses;
}

let passed = 0;
let failed = 0;

// The end-to-end tests serve the built renderer; the packaging test packs the built main and preload.
if (run(bin('vite'), ['build', '--logLevel', 'warn']) !== 0 || run(process.execPath, ['scripts/build-main.mjs']) !== 0) {
  console.error('build failed');
  failed++;
}

// Strict type checking, one check per layer's tsconfig (the renderer without Node, main without the DOM,
// the shared layer without either), and the import boundaries between layers: each counted as one check.
// Each check is one single-threaded process, so they run side by side, one per core.
const checks = [
  ...TS_PROJECTS.map((project) => ({ job: [bin('tsc'), ['--noEmit', '-p', project]], failure: `typecheck failed: ${project}` })),
  { job: [bin('depcruise'), LAYER_CHECK_ARGS], failure: 'layer check failed: an import crosses a layer the wrong way (see .dependency-cruiser.cjs)' },
];
const checkStatuses = await runSideBySide(checks.map((c) => c.job));
checks.forEach((check, i) => {
  if (checkStatuses[i] === 0) passed++;
  else {
    console.error(check.failure);
    failed++;
  }
});

const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no tests to count but must still fail the run.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else if (vitestStatus !== 0) {
  failed++;
}

// End-to-end, by the projects of playwright.config.ts: the specs that share nothing, two at a time, then the
// timing-sensitive ones and the one printing through the machine's CUPS, alone.
for (const project of ['side-by-side', 'alone']) {
  const pwJson = path.join(out, `playwright-${project}.json`);
  fs.rmSync(pwJson, { force: true });
  const pwStatus = run(bin('playwright'), ['test', `--project=${project}`, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (fs.existsSync(pwJson)) {
    const stats = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  } else if (pwStatus !== 0) {
    failed++;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
