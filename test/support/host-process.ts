import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cliBundle } from './bundles.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const cliPath = path.join(projectRoot, 'bin/checkpoint.js');

export interface HostProcess {
  url: string;
  /** The one-time first-run code the host printed (none once the station is set up). */
  setupCode?: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Set-up codes by host URL, read from each host's output, so `hostApi` can quote them for `setup.init`. */
export const setupCodes = new Map<string, string>();

/**
 * Starts `checkpoint serve --port 0` as a real child process and waits for the URL (and set-up code) it prints.
 * It runs the CLI as bundled for this test run, which starts in half the time of tsx's on-the-fly loading.
 */
export function startHostProcess(dbPath: string): Promise<HostProcess> {
  const child = spawn(process.execPath, [cliBundle, 'serve', '--port', '0', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const setupCode = /set-up code: (\S+)/.exec(out)?.[1];
        if (setupCode) setupCodes.set(m[1]!, setupCode);
        resolve({
          url: m[1]!,
          setupCode,
          child,
          stop: () => new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${err}`)));
  });
}
