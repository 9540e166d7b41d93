/**
 * Driver benchmarks: parser throughput (MB/s over ~4 MB of valid frames per protocol, fed in 4 KiB chunks as
 * a serial port would deliver them), the stability decision latency (time from the frame that completes the
 * window to the capture result) and the main process's CPU share while a DeviceManager runs a 20 frames/s
 * indicator.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../db/open.ts';
import { DeviceManager } from '../src-main/services/devices/devices.ts';
import { createProtocol, protocolNames, StreamParser } from '../drivers/protocols/index.ts';
import type { ScaleFrame } from '../drivers/protocols/types.ts';
import { StabilityDetector } from '../drivers/stability.ts';

const TARGET_BYTES = 4 * 1024 * 1024;
const CHUNK = 4096;

function parserThroughput(name: (typeof protocolNames)[number]): { mbPerS: number; frames: number } {
  const options = name === 'yaohua-eq' ? { orientation: 'reversed' as const } : {};
  const protocol = createProtocol(name, options);
  const frames: Buffer[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const f = protocol.encode({ weightKg: 20_000 + (i % 997) * 20, stable: i % 3 !== 0, kind: 'gross' });
    frames.push(f);
    size += f.length;
  }
  const stream = Buffer.concat(frames);
  const parser = new StreamParser(createProtocol(name, options));
  const start = performance.now();
  let found = 0;
  for (let i = 0; i < stream.length; i += CHUNK) found += parser.push(stream.subarray(i, i + CHUNK)).length;
  const seconds = (performance.now() - start) / 1000;
  if (found < frames.length - 1) throw new Error(`${name}: parsed ${found} of ${frames.length} frames`);
  return { mbPerS: stream.length / 1024 / 1024 / seconds, frames: found };
}

function captureLatencyUs(): number {
  const frame: ScaleFrame = { protocol: 'yaohua-tf0', weightKg: 32480, stable: undefined, kind: undefined, overload: false, raw: Buffer.alloc(12) };
  const runs = 2000;
  let total = 0;
  for (let r = 0; r < runs; r++) {
    const d = new StabilityDetector();
    for (let t = 0; t < 2000; t += 80) d.feed(frame, t);
    const start = performance.now();
    const result = d.feed(frame, 2000).capture(2000);
    total += performance.now() - start;
    if (!result.ok) throw new Error('stability bench: window did not complete');
  }
  return (total / runs) * 1000;
}

/**
 * CPU of this process (process.cpuUsage delta over wall time, % of one core) while an indicator streams 20
 * frames/s over an in-process link into a DeviceManager with the kiosk subscribed to its events. The figure
 * includes the simulated indicator and ID-card reader, which run in the same process: an upper bound.
 */
async function deviceManagerCpu(seconds = 5): Promise<{ cpuPercent: number; frames: number }> {
  const db = openDatabase(':memory:');
  const manager = new DeviceManager(db, () => new Date(), { simulation: { scale: { protocol: 'yaohua-a12e', frameIntervalMs: 50 } } });
  await manager.ensureStarted();
  await sleep(500);
  const framesBefore = manager.scale()!.session.health().frames;
  const unsubscribe = manager.onEvent(() => undefined);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await sleep(seconds * 1000);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedUs = (performance.now() - start) * 1000;
  unsubscribe();
  const frames = manager.scale()!.session.health().frames - framesBefore;
  await manager.stop();
  db.close();
  return { cpuPercent: ((cpu.user + cpu.system) / elapsedUs) * 100, frames };
}

export async function benchDrivers(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const name of protocolNames) {
    const r = parserThroughput(name);
    out[`drivers.parse.${name}.MBps`] = Number(r.mbPerS.toFixed(1));
  }
  out['drivers.stability.captureDecision.us'] = Number(captureLatencyUs().toFixed(2));
  const cpu = await deviceManagerCpu();
  out['devices.manager.20fps.cpuPercentOfCore'] = Number(cpu.cpuPercent.toFixed(2));
  out['devices.manager.20fps.framesIn5s'] = cpu.frames;
  return out;
}
