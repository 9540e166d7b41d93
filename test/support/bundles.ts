/**
 * The command line and the kill drills' child loops, bundled once per test run with esbuild (as the Electron main
 * is), so that the tests which start them as processes — a hundred starts per run — do not each pay tsx's
 * on-the-fly TypeScript loading (about half a start's CPU). The command-line test still starts `bin/checkpoint.js`
 * itself, the entry a person runs.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// Three folders below the root, as src-main/cli/commands/*.ts are: the CLI finds dist-renderer and package.json
// from its own file ('../../..'), and its packages in the root's node_modules.
const dir = path.join(projectRoot, 'test-results', 'bundles', 'bin');

/** `node cliBundle ARGS` runs `checkpoint ARGS` as bin/checkpoint.js does. */
export const cliBundle = path.join(dir, 'checkpoint.mjs');
/** Child processes of the crash-safety and backup kill drills. */
export const registerLoopBundle = path.join(dir, 'register-loop.mjs');
export const backupLoopBundle = path.join(dir, 'backup-loop.mjs');

const CLI_ENTRY = "import { main } from './src-main/cli/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n";

/** Builds the three bundles from the current sources (each written whole, then renamed into place). */
export async function buildTestBundles(): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', write: false, logLevel: 'warning' } as const;
  const results = await Promise.all([
    build({ ...common, stdin: { contents: CLI_ENTRY, resolveDir: projectRoot, loader: 'ts', sourcefile: 'checkpoint-cli.ts' }, outfile: cliBundle }),
    build({ ...common, entryPoints: [path.join(projectRoot, 'test/support/register-loop.ts')], outfile: registerLoopBundle }),
    build({ ...common, entryPoints: [path.join(projectRoot, 'test/support/backup-loop.ts')], outfile: backupLoopBundle }),
  ]);
  for (const out of results.flatMap((r) => r.outputFiles)) {
    const partial = `${out.path}.${process.pid}.partial`;
    fs.writeFileSync(partial, out.contents);
    fs.renameSync(partial, out.path);
  }
}
