/** Device commands: simulators for a scale and an ID-card reader, and one-shot readers for both. */
// @ts-nocheck

import { readFile } from 'node:fs/promises';
import { CliError, parseOptions, writeJsonLine, type CliIo, type Command } from '../command.ts';
import { ScaleSession } from '../../../drivers/device-session.ts';
import { IdCardReader } from '../../../drivers/idcard-reader.ts';
import { isProtocolName, protocolNames, type ProtocolName, type ScaleFrame } from '../../../drivers/protocols/index.ts';
import type { IdCardInput } from '../../../drivers/protocols/sam-idcard.ts';
import { IdCardSimulator } from '../../../drivers/simulators/idcard-simulator.ts';
import { ScaleSimulator } from '../../../drivers/simulators/scale-simulator.ts';
import type { ScaleProfile, ScriptStep } from '../../../drivers/simulators/weight-profile.ts';
import { SerialTransport } from '../../../drivers/transports/serial.ts';

const profiles: readonly ScaleProfile[] = ['truck', 'noise', 'garbage'];

function requirePort(port: string | undefined): string {
  if (!port) throw new CliError('--port PATH is required');
  return port;
}

function protocolOption(value: string | undefined): ProtocolName {
  if (!value) throw new CliError(`--protocol is required (one of: ${protocolNames.join(', ')})`);
  if (!isProtocolName(value)) throw new CliError(`unknown protocol "${value}"; valid: ${protocolNames.join(', ')}`);
  return value;
}

function numberOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new CliError(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
}

const baudOption = (value: string | undefined, fallback: number) => {
  const n = numberOption('baud', value, fallback, 50, 4_000_000);
  if (!Number.isInteger(n)) throw new CliError(`--baud must be an integer, got "${value}"`);
  return n;
};

/** Resolves on SIGINT/SIGTERM so simulators shut their port cleanly. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

async function readScript(file: string): Promise<ScriptStep[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read script ${file}: ${(err as Error).message}`);
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every((s) => typeof s?.weightKg === 'number' && typeof s?.holdMs === 'number' && s.holdMs > 0);
  if (!valid) throw new CliError(`script ${file} must be a non-empty JSON list of {"weightKg": number, "holdMs": number > 0}`);
  return parsed as ScriptStep[];
}

const simulateScale: Command = {
  words: ['simulate', 'scale'],
  summary: 'Play a weighbridge indicator on a serial port',
  usage:
    'checkpoint simulate scale --port PATH --protocol NAME [--baud N] [--profile truck|noise|garbage] [--script FILE] [--weight KG]\n' +
    `  protocols: ${protocolNames.join(', ')}\n  --script: JSON list of {"weightKg", "holdMs"}; the simulator exits after it`,
  async run(argv) {
    const { values } = parseOptions(argv, {
      port: { type: 'string' },
      protocol: { type: 'string' },
      baud: { type: 'string' },
      profile: { type: 'string' },
      script: { type: 'string' },
      weight: { type: 'string' },
    });
    const path = requirePort(values.port);
    const protocol = protocolOption(values.protocol);
    const baudRate = baudOption(values.baud, 9600);
    const profile = (values.profile ?? 'truck') as ScaleProfile;
    if (!profiles.includes(profile)) throw new CliError(`--profile must be one of ${profiles.join(', ')}`);
    const weightKg = numberOption('weight', values.weight, 32480, -999_999, 999_999);
    const script = values.script ? await readScript(values.script) : undefined;
    const sim = new ScaleSimulator(new SerialTransport({ path, baudRate }), { protocol, profile, weightKg, script });
    try {
      await sim.start();
    } catch (err) {
      throw new CliError(`cannot open ${path}: ${(err as Error).message}`, 1);
    }
    const finished = script ? new Promise<void>((resolve) => sim.once('done', resolve)) : new Promise<void>(() => undefined);
    await Promise.race([finished, untilSignal()]);
    await sim.stop();
    return 0;
  },
};

async function readCard(file: string): Promise<IdCardInput> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as IdCardInput;
  } catch (err) {
    throw new CliError(`cannot read card ${file}: ${(err as Error).message}`);
  }
}

const simulateIdCard: Command = {
  words: ['simulate', 'idcard'],
  summary: 'Play a SAM ID-card reader on a serial port',
  usage:
    'checkpoint simulate idcard --port PATH [--baud N] [--card FILE.json] [--reinsert-ms N]\n' +
    '  the card leaves the field after each read and returns after --reinsert-ms (default 3000)',
  async run(argv) {
    const { values } = parseOptions(argv, {
      port: { type: 'string' },
      baud: { type: 'string' },
      card: { type: 'string' },
      'reinsert-ms': { type: 'string' },
    });
    const path = requirePort(values.port);
    const baudRate = baudOption(values.baud, 115200);
    const reinsertAfterMs = numberOption('reinsert-ms', values['reinsert-ms'], 3000, 0, 3_600_000);
    const card = values.card ? await readCard(values.card) : undefined;
    const sim = new IdCardSimulator(new SerialTransport({ path, baudRate }), { ...(card ? { card } : {}), reinsertAfterMs });
    try {
      await sim.start();
    } catch (err) {
      throw new CliError(`cannot open ${path}: ${(err as Error).message}`, 1);
    }
    await untilSignal();
    await sim.stop();
    return 0;
  },
};

function frameJson(frame: ScaleFrame) {
  return {
    weightKg: frame.weightKg,
    stable: frame.stable ?? null,
    kind: frame.kind ?? null,
    overload: frame.overload,
    ...(frame.underload ? { underload: true } : {}),
    raw: frame.raw.toString('hex'),
  };
}

const scaleRead: Command = {
  words: ['scale', 'read'],
  summary: 'Read weights from a weighbridge indicator',
  usage:
    'checkpoint scale read --port PATH --protocol NAME [--baud N] [--division KG] [--stable] [--timeout S] [--json]\n' +
    '  prints every frame, or with --stable the first stable weight, then exits (non-zero on timeout)',
  async run(argv, io: CliIo) {
    const { values } = parseOptions(argv, {
      port: { type: 'string' },
      protocol: { type: 'string' },
      baud: { type: 'string' },
      division: { type: 'string' },
      stable: { type: 'boolean' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    });
    const path = requirePort(values.port);
    const protocol = protocolOption(values.protocol);
    const baudRate = baudOption(values.baud, 9600);
    const divisionKg = numberOption('division', values.division, 20, 1, 1000);
    if (!Number.isInteger(divisionKg)) throw new CliError('--division must be a whole number of kg');
    const timeoutS = numberOption('timeout', values.timeout, values.stable ? 60 : Infinity, 0.1, 86_400);
    const print = (value: Record<string, unknown>) =>
      values.json ? writeJsonLine(io, value) : io.stdout.write(`${Object.entries(value).map(([k, v]) => `${k}=${String(v)}`).join(' ')}\n`);

    const session = new ScaleSession({
      transport: new SerialTransport({ path, baudRate }),
      protocol,
      stability: { divisionKg },
    });
    let lastStatus = 'no data';
    let timer: NodeJS.Timeout | undefined;
    let frames = 0;
    const outcome = new Promise<number>((resolve) => {
      session.on('status', (status: string, detail?: string) => {
        lastStatus = detail ? `${status}: ${detail}` : status;
      });
      session.on('frame', (frame: ScaleFrame) => {
        frames++;
        if (!values.stable) return print(frameJson(frame));
        const c = session.capture();
        if (c.ok) {
          print({ weightKg: c.weightKg, stable: true, frames: c.frames, protocol: c.protocol });
          resolve(0);
        }
      });
      if (Number.isFinite(timeoutS)) {
        timer = setTimeout(() => {
          // Without --stable the timeout is just the reading period: frames seen means success.
          if (!values.stable && frames > 0) return resolve(0);
          io.stderr.write(
            `checkpoint scale read: no ${values.stable ? 'stable weight' : 'frame'} within ${timeoutS} s on ${path} (${protocol}; last status ${lastStatus})\n`,
          );
          resolve(1);
        }, timeoutS * 1000);
      }
    });
    await session.start();
    const code = await outcome;
    clearTimeout(timer);
    session.removeAllListeners('frame');
    await session.stop();
    return code;
  },
};

const idcardRead: Command = {
  words: ['idcard', 'read'],
  summary: 'Read one second-generation ID card',
  usage: 'checkpoint idcard read --port PATH [--baud N] [--timeout S] [--json]',
  async run(argv, io: CliIo) {
    const { values } = parseOptions(argv, {
      port: { type: 'string' },
      baud: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    });
    const path = requirePort(values.port);
    const baudRate = baudOption(values.baud, 115200);
    const timeoutS = numberOption('timeout', values.timeout, 30, 0.1, 86_400);
    const transport = new SerialTransport({ path, baudRate });
    try {
      await transport.open();
    } catch (err) {
      throw new CliError(`cannot open ${path}: ${(err as Error).message}`, 1);
    }
    try {
      const card = await new IdCardReader(transport).waitForCard(timeoutS * 1000);
      if (!card) throw new CliError(`no ID card read within ${timeoutS} s on ${path}`, 1);
      const result = { ...card.text, photoBytes: card.photo.length };
      if (values.json) writeJsonLine(io, result);
      else io.stdout.write(`${Object.entries(result).map(([k, v]) => `${k}: ${String(v)}`).join('\n')}\n`);
      return 0;
    } finally {
      await transport.close();
    }
  },
};

export const deviceCommands: Command[] = [simulateScale, simulateIdCard, scaleRead, idcardRead];
