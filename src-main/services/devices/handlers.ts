import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { SerialPort } from 'serialport';
import { detectProtocol, untakenLines } from '../../../drivers/protocols/index.ts';
import { SerialTransport } from '../../../drivers/transports/serial.ts';
import {
  deleteDevice, getDevice, insertWeighing, listDevices, saveDevice, saveWedgeSettings, setTrainingMode, wedgeSettings,
} from '../../../db/devices-repo.ts';
import type { CaptureOutcome, DetectInput, DeviceConfig, devicesContract, RawTail } from '../../../src-shared/contract/devices.ts';
import { appendAudit } from '../audit.ts';
import { actorOf, type CallContext } from '../context.ts';
import type { DeviceManager } from './devices.ts';
import { ServiceError } from '../errors.ts';
import type { DomainHandlers } from '../handler.ts';
import { mutate } from '../mutate.ts';

const RAW_TAIL_FRAMES = 20;

/** Stores a stable reading as a weighing, with the frames that back it; refuses with the detector's reason. */
function capture(ctx: CallContext, devices: DeviceManager, channelKey: string | undefined): CaptureOutcome {
  const cap = devices.capture(channelKey);
  if (!cap) throw new ServiceError('not-found', 'devices.errors.noScale');
  const { result, channel, frames } = cap;
  if (!result.ok) throw new ServiceError('conflict', `devices.refused.${result.reason}`);
  const capturedAt = ctx.now().toISOString();
  const weighing = {
    weightKg: result.weightKg,
    frames: frames.map(({ t, frame }) => ({
      at: new Date(t).toISOString(), weightKg: frame.weightKg, stable: frame.stable ?? null, raw: frame.raw.toString('hex'),
    })),
    protocol: result.protocol,
    deviceId: channel.deviceId,
    deviceLabel: channel.label,
    simulated: channel.simulated,
    capturedAt,
    capturedBy: ctx.session.user.id,
  };
  const weighingId = mutate(ctx, (tx) => {
    const id = insertWeighing(ctx.db, weighing);
    const { frames: _evidence, ...summary } = weighing;
    tx.audit({ action: 'devices.capture', entity: 'weighing', entityId: id, after: summary });
    return id;
  });
  return { weighingId, weightKg: result.weightKg, protocol: result.protocol, capturedAt, simulated: channel.simulated };
}

/** The bytes a port sends for listenMs: from the running device on it, or by opening it briefly. */
async function listen(devices: DeviceManager, input: z.output<typeof DetectInput>): Promise<Buffer> {
  const running = input.channel ? devices.channel(input.channel) : devices.channelOnPort(input.portPath ?? '');
  if (input.channel && !running) throw new ServiceError('not-found', 'devices.errors.noChannel');
  if (running) {
    const before = running.raw.total;
    await sleep(input.listenMs);
    return running.raw.last(running.raw.total - before);
  }
  const transport = new SerialTransport({
    path: input.portPath ?? '', baudRate: input.baudRate, dataBits: input.dataBits, parity: input.parity, stopBits: input.stopBits,
  });
  const chunks: Buffer[] = [];
  transport.on('data', (bytes) => chunks.push(bytes));
  try {
    await transport.open();
  } catch (err) {
    throw new ServiceError('conflict', 'devices.errors.portOpen', { detail: (err as Error).message });
  }
  await sleep(input.listenMs);
  await transport.close();
  return Buffer.concat(chunks);
}

function rawTail(devices: DeviceManager, channelKey: string, bytes: number): RawTail {
  const channel = devices.channel(channelKey);
  if (!channel) throw new ServiceError('not-found', 'devices.errors.noChannel');
  const frames = channel.kind === 'scale' ? channel.frames.slice(-RAW_TAIL_FRAMES) : [];
  const tail = channel.raw.last(bytes);
  return {
    channel: channelKey,
    hex: tail.toString('hex'),
    untaken: channel.kind === 'scale' ? untakenLines(tail, channel.session.protocol, channel.protocolOptions) : [],
    frames: frames.map(({ t, frame }) => ({
      at: new Date(t).toISOString(), weightKg: frame.weightKg, stable: frame.stable ?? null, overload: frame.overload, raw: frame.raw.toString('hex'),
    })),
  };
}

/** Audited configuration change, then the devices reopen with it. */
async function changeConfiguration<T>(ctx: CallContext, devices: DeviceManager, write: () => T): Promise<T> {
  const out = ctx.db.transaction(write)();
  await devices.reload();
  return out;
}

export function devicesHandlers(devices: DeviceManager): DomainHandlers<typeof devicesContract> {
  return {
    'devices.live': async () => {
      await devices.ensureStarted();
      return devices.live();
    },
    'devices.capture': async (ctx, input) => {
      await devices.ensureStarted();
      return capture(ctx, devices, input.channel);
    },
    'devices.lastIdCard': async () => {
      await devices.ensureStarted();
      return devices.lastIdCard();
    },
    'devices.list': (ctx) => listDevices(ctx.db),
    'devices.configure': (ctx, input) =>
      changeConfiguration(ctx, devices, (): DeviceConfig => {
        const before = input.id === undefined ? undefined : getDevice(ctx.db, input.id);
        if (input.id !== undefined && !before) throw new ServiceError('not-found', 'devices.errors.noDevice');
        const id = saveDevice(ctx.db, input, ctx.now().toISOString());
        const after = getDevice(ctx.db, id)!;
        appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'devices.configure', entity: 'device', entityId: id, before, after, at: ctx.now() });
        return after;
      }),
    'devices.remove': (ctx, input) =>
      changeConfiguration(ctx, devices, () => {
        const before = getDevice(ctx.db, input.id);
        if (!before || !deleteDevice(ctx.db, input.id)) throw new ServiceError('not-found', 'devices.errors.noDevice');
        appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'devices.remove', entity: 'device', entityId: input.id, before, at: ctx.now() });
        return null;
      }),
    'devices.ports': async () =>
      (await SerialPort.list()).map((p) => ({
        path: p.path, manufacturer: p.manufacturer ?? null, vendorId: p.vendorId ?? null, productId: p.productId ?? null, serialNumber: p.serialNumber ?? null,
      })),
    'devices.detect': async (_ctx, input) => {
      await devices.ensureStarted();
      const bytes = await listen(devices, input);
      return { bytes: bytes.length, matches: detectProtocol(bytes) };
    },
    'devices.rawTail': async (_ctx, input) => {
      await devices.ensureStarted();
      return rawTail(devices, input.channel, input.bytes);
    },
    'devices.hidList': () => devices.hidScanners(),
    'devices.wedgeSettings': (ctx) => wedgeSettings(ctx.db),
    // The kiosk reads these when its screen opens; no device reopens.
    'devices.setWedgeSettings': (ctx, input) =>
      mutate(ctx, (tx) => {
        const before = wedgeSettings(ctx.db);
        saveWedgeSettings(ctx.db, input, ctx.now().toISOString());
        tx.audit({ action: 'devices.setWedgeSettings', entity: 'device_settings', before, after: input });
        return wedgeSettings(ctx.db);
      }),
    'devices.setTraining': (ctx, input) =>
      changeConfiguration(ctx, devices, () => {
        setTrainingMode(ctx.db, input.training, ctx.now().toISOString());
        appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'devices.setTraining', entity: 'device_settings', after: input, at: ctx.now() });
        return { training: input.training };
      }),
  };
}
