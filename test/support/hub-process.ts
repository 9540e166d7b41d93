/**
 * The CLI as real child processes for the hub's interruption tests: `checkpoint hub serve` (killed and
 * restarted on the same data) and `checkpoint sync push` (killed mid-push).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cliPath } from './host-process.ts';

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no chance to finish a request or close the database. */
  kill(): Promise<void>;
  /** SIGTERM: the hub closes its server and database. */
  stop(): Promise<void>;
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/** `checkpoint hub serve --port 0 …args`, resolved once it prints the address it listens on. */
export function startHubProcess(args: string[]): Promise<HubProcess> {
  const child = spawn(process.execPath, [cliPath, 'hub', 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${out}`)), 90_000);
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (https?:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: m[1]!, child, kill: () => ended(child, 'SIGKILL'), stop: () => ended(child, 'SIGTERM') });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}: ${out}`));
    });
  });
}

/** `checkpoint sync push` as the installation's administrator (password on stdin). */
export function spawnSyncPush(dbPath: string, args: string[], password: string): ChildProcess {
  const child = spawn(process.execPath, [cliPath, 'sync', 'push', '--db', dbPath, '--user', 'admin', '--password-stdin', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.end(`${password}\n`);
  return child;
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
    child.once('exit', (code) => done(code));
  });
}

export { ended as endProcess };
