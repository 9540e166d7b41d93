import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from './pty.ts';
import { encodeEqFrame } from '../../../drivers/protocols/yaohua-eq.ts';
import { SerialTransport } from '../../../drivers/transports/serial.ts';
import { cliBundle } from '../../support/bundles.ts';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'checkpoint-cli-'));
const children: ChildProcess[] = [];
let pty: PtyPair | undefined;

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGTERM');
  await pty?.kill();
  pty = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkpoint(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [cliBundle, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  children.push(child);
  return child;
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = checkpoint(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('checkpoint device commands against the simulators', () => {
  it('scale read --stable prints the first stable weight and exits 0 (command-mode protocol)', async () => {
    pty = await openPtyPair(dir);
    const script = join(dir, 'script.json');
    writeFileSync(script, JSON.stringify([{ weightKg: 5000, holdMs: 500 }, { weightKg: 41220, holdMs: 20_000 }]));
    checkpoint(['simulate', 'scale', '--port', pty.b, '--protocol', 'keli-modbus', '--script', script]);
    const r = await run(['scale', 'read', '--port', pty.a, '--protocol', 'keli-modbus', '--stable', '--timeout', '12', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ weightKg: 41220, stable: true, protocol: 'keli-modbus' });
    expect(lines[0].frames).toBeGreaterThanOrEqual(5);
  });

  it('scale read --orientation decodes yaohua-eq "=" frames in the byte order asked for', async () => {
    pty = await openPtyPair(dir);
    // A forward-order indicator (format 2) showing 32 480 kg; read back to front the same bytes say 8 423 000 kg.
    const device = new SerialTransport({ path: pty.b, baudRate: 9600 });
    await device.open();
    const frame = encodeEqFrame({ weightKg: 32_480 }, 'forward');
    expect(frame.toString('latin1')).toBe('=00032480');
    const feeder = setInterval(() => void device.write(frame).catch(() => undefined), 50);
    try {
      const read = async (orientation: string) => {
        const r = await run(['scale', 'read', '--port', pty!.a, '--protocol', 'yaohua-eq', '--orientation', orientation, '--timeout', '1.5', '--json']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        return new Set(r.stdout.trim().split('\n').map((l) => JSON.parse(l).weightKg));
      };
      expect(await read('forward')).toEqual(new Set([32_480]));
      expect(await read('auto')).toEqual(new Set([32_480]));
      expect(await read('reversed')).toEqual(new Set([8_423_000]));
    } finally {
      clearInterval(feeder);
      await device.close();
    }
    const bad = await run(['scale', 'read', '--port', pty.a, '--protocol', 'yaohua-eq', '--orientation', 'sideways']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--orientation must be one of reversed, forward, auto/);
    const wrongProtocol = await run(['scale', 'read', '--port', pty.a, '--protocol', 'toledo', '--orientation', 'forward']);
    expect(wrongProtocol.code).toBe(2);
    expect(wrongProtocol.stderr).toMatch(/only to --protocol yaohua-eq/);
  }, 120_000);

  it('scale read streams one JSON object per frame', async () => {
    pty = await openPtyPair(dir);
    checkpoint(['simulate', 'scale', '--port', pty.b, '--protocol', 'toledo', '--profile', 'noise', '--weight', '20000']);
    const r = await run(['scale', 'read', '--port', pty.a, '--protocol', 'toledo', '--timeout', '3', '--json']);
    expect(r.code).toBe(0);
    const frames = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(frames.length).toBeGreaterThan(5);
    for (const f of frames) {
      expect(f).toMatchObject({ stable: false, kind: 'gross', overload: false });
      expect(Math.abs(f.weightKg - 20000)).toBeLessThanOrEqual(220);
      expect(f.raw).toMatch(/^02[0-9a-f]{34}$/);
    }
  });

  it('idcard read returns the card from the simulator', async () => {
    pty = await openPtyPair(dir);
    const card = join(dir, 'card.json');
    writeFileSync(
      card,
      JSON.stringify({ name: '王五', sexCode: '2', nationCode: '03', birthDate: '1990-12-31', address: '河北省张家口市', idNumber: '11010519491231002X', issuer: '张家口市公安局', validFrom: '2020-01-01', validTo: '长期' }),
    );
    checkpoint(['simulate', 'idcard', '--port', pty.b, '--card', card]);
    const r = await run(['idcard', 'read', '--port', pty.a, '--timeout', '8', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: '王五', sex: '女', nation: '回', birthDate: '1990-12-31', validTo: '长期', idNumberValid: true, photoBytes: 1024 });
  });

  it('simulate scale --script ends by itself after the script', async () => {
    pty = await openPtyPair(dir);
    const script = join(dir, 'short.json');
    writeFileSync(script, JSON.stringify([{ weightKg: 100, holdMs: 300 }, { weightKg: 200, holdMs: 300 }]));
    // A simulator that never ended would hold this test until its time-out: exiting 0 is the proof (no timed
    // assertion, which a loaded machine would break).
    const r = await run(['simulate', 'scale', '--port', pty.b, '--protocol', 'yaohua-tf0', '--script', script]);
    expect(r.code).toBe(0);
  });

  it('rejects bad options with exit 2 and times out with a clear message', async () => {
    const bad = await run(['scale', 'read', '--port', '/dev/null', '--protocol', 'yaohua']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown protocol "yaohua"; valid: yaohua-tf0, yaohua-tf1, yaohua-eq');
    const baud = await run(['simulate', 'scale', '--port', '/x', '--protocol', 'keli', '--baud', 'fast']);
    expect(baud.code).toBe(2);
    expect(baud.stderr).toContain('--baud');
    pty = await openPtyPair(dir);
    const silent = await run(['scale', 'read', '--port', pty.a, '--protocol', 'st-gs', '--stable', '--timeout', '1', '--json']);
    expect(silent.code).toBe(1);
    expect(silent.stderr).toContain('no stable weight within 1 s');
  });
});
