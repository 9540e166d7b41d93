// `npm start` after the build: runs the Electron binary, fetching it first the way the electron package does.
// Where it cannot be fetched (no internet, a blocked mirror) the package ends in a stack trace; instead, say in
// one line what happened and how to run the same app in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const NO_ELECTRON_MESSAGE =
  '无法下载 Electron 程序（网络不通或被拦截），桌面版无法启动；请运行 npm run start:browser，在浏览器中使用同一程序。' +
  ' / The Electron binary could not be downloaded, so the desktop app cannot start: run `npm run start:browser` to use the same app in a browser.';

/** The Electron executable in the package folder, fetched by the package's own install.js if missing; null when that fails. */
export function electronBinary(packageDir) {
  const located = () => {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const full = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
    return existsSync(full) ? full : null;
  };
  const found = located();
  if (found) return found;
  // The installer's output (progress, or a stack trace on failure) is kept back: only its outcome matters here.
  const install = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { stdio: 'pipe', cwd: packageDir });
  return install.status === 0 ? located() : null;
}

function main() {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const binary = electronBinary(packageDir);
  if (!binary) {
    console.error(NO_ELECTRON_MESSAGE);
    process.exit(1);
  }
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
