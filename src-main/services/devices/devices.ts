/**
 * The devices the running app talks to. Opens the configured serial devices, or in-process simulators when
 * training mode is on or nothing is configured yet (so the app works with no hardware). Started lazily on
 * the first devices.* call, so tools and tests that never ask for devices open no ports and start no timers.
 */
import type { ProtocolOptions } from '../../../drivers/protocols/types.ts';
import type { IdCardInput, ReadTextReply } from '../../../drivers/protocols/sam-idcard.ts';
import { IdCardSimulator, sampleCard } from '../../../drivers/simulators/idcard-simulator.ts';
import { ScaleSimulator, type ScaleSimulatorOptions } from '../../../drivers/simulators/scale-simulator.ts';
import { hidTargetOf, nodeHidBackend, openHidTarget, type HidBackend } from '../../../drivers/transports/hid.ts';
import { createInProcessPair } from '../../../drivers/transports/in-process.ts';
import { SerialTransport } from '../../../drivers/transports/serial.ts';
import type { ByteTransport } from '../../../drivers/transports/types.ts';
import type { CaptureResult, StabilityOptions } from '../../../drivers/stability.ts';
import type { Db } from '../../../db/open.ts';
import { listDevices, trainingMode } from '../../../db/devices-repo.ts';
import type { DeviceConfig, DevicesLive, HidScannerList, IdCardRead, LiveWeight, ScannerCode, StabilityLight } from '../../../src-shared/contract/devices.ts';
import { localDate } from '../../../src-shared/domain/local-time.ts';
import type { AppEvent, DevicesState } from '../../../src-shared/contract/events.ts';
import { getSettings } from '../accounts/settings.ts';
import { HidScannerChannel, IdCardChannel, ScaleChannel, ScannerChannel, type DeviceChannel, type TimedFrame } from './device-channels.ts';

/** Sample drivers for the simulated reader; one card has expired so trainees see the warning. */
export const sampleCards: readonly IdCardInput[] = [
  sampleCard,
  {
    name: '李建军', sexCode: '1', nationCode: '01', birthDate: '1975-06-12', address: '河北省承德市双桥区南营子大街8号',
    idNumber: '130802197506120032', issuer: '承德市公安局双桥分局', validFrom: '2014-03-01', validTo: '2024-03-01',
  },
  {
    name: '王秀兰', sexCode: '2', nationCode: '03', birthDate: '1988-11-05', address: '河北省石家庄市长安区建设北大街20号',
    idNumber: '130102198811051527', issuer: '石家庄市公安局长安分局', validFrom: '2018-05-20', validTo: '2038-05-20',
  },
];

export interface SimulationOptions {
  /** Overrides for the simulated indicator (default: a truck of 30–49 t arriving every ~24 s and standing ~14 s, Yaohua A12E). */
  scale?: Partial<ScaleSimulatorOptions>;
  cards?: readonly IdCardInput[];
  /** The simulated card leaves after each read and the next driver's arrives this much later. */
  cardEveryMs?: number;
}

export interface DeviceManagerOptions {
  simulation?: SimulationOptions;
  /** How a configured device's port is opened (tests inject in-process links). */
  openTransport?: (device: DeviceConfig) => ByteTransport;
  /** How HID POS scanners are listed and opened (default node-hid; tests inject fake devices). */
  hid?: HidBackend;
  /** The scales' clock for frame times and stability (default Date.now); the demo replays past weighings with its own. */
  now?: () => number;
}

interface Simulator {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ScaleCapture {
  result: CaptureResult;
  channel: ScaleChannel;
  /** The frames of the stability window that justified the capture. */
  frames: TimedFrame[];
}

const serialTransport = (d: DeviceConfig): ByteTransport =>
  new SerialTransport({ path: d.portPath, baudRate: d.baudRate, dataBits: d.dataBits, parity: d.parity, stopBits: d.stopBits });

function lightOf(c: CaptureResult): StabilityLight {
  if (c.ok) return 'stable';
  switch (c.reason) {
    case 'motion':
      return 'motion';
    case 'settling':
    case 'below-minimum':
      return 'settling';
    case 'overload':
    case 'underload':
      return 'fault';
    default:
      return 'offline';
  }
}

const plausibleTruckKg = () => 30_000 + Math.round(Math.random() * 950) * 20;

export class DeviceManager {
  private channels: DeviceChannel[] = [];
  private simulators: Simulator[] = [];
  private training = false;
  private started: Promise<void> | undefined;
  /** Serialises start/reload/stop so a reload never races a stop. */
  private queue: Promise<void> = Promise.resolve();
  private idCard: Omit<IdCardRead, 'expired'> | undefined;
  private idCardSeq = 0;
  private lastScan: DevicesLive['lastScan'] = null;
  private cardRotation = 0;
  private readonly listeners = new Set<(event: AppEvent) => void>();
  /** The last weight and state pushed, as JSON: only a change is pushed again. */
  private pushed = { weight: '', state: '' };

  constructor(
    private readonly db: Db,
    /** The app's clock (the one in the service context), so card reads are stamped like every other record. */
    private readonly now: () => Date,
    private readonly options: DeviceManagerOptions = {},
  ) {}

  /** Opens the devices on first use; later calls wait for the same start. */
  ensureStarted(): Promise<void> {
    this.started ??= this.enqueue(() => this.open());
    return this.started;
  }

  /** Re-reads the configuration and training switch and reopens every device. */
  reload(): Promise<void> {
    if (!this.started) return Promise.resolve();
    this.started = this.enqueue(async () => {
      await this.close();
      await this.open();
    });
    return this.started;
  }

  stop(): Promise<void> {
    this.started = undefined;
    return this.enqueue(() => this.close());
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step, step);
    return this.queue;
  }

  private async open(): Promise<void> {
    this.training = trainingMode(this.db);
    const configured = this.training ? [] : listDevices(this.db).filter((d) => d.enabled);
    if (configured.length === 0) this.openSimulators();
    for (const d of configured) this.channels.push(this.configuredChannel(d));
    for (const c of this.channels) this.watch(c);
    for (const s of this.simulators) await s.start();
    await Promise.all(this.channels.map((c) => c.start()));
    this.pushState();
  }

  /** Hands every device event (devices.weight, devices.state, devices.idCard, devices.scan) to listener; returns the unsubscribe. */
  onEvent(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private watch(channel: DeviceChannel): void {
    channel.onHealth = () => this.pushState();
    if (channel.kind === 'scale') channel.session.on('frame', () => this.pushWeight());
  }

  /** Settings may change between pushes (auto-capture, the empty-deck threshold): read at each. */
  private view() {
    const { emptyScaleBelowKg, autoCapture } = getSettings(this.db);
    return { emptyScaleBelowKg, autoCapture };
  }

  private pushWeight(): void {
    if (this.listeners.size === 0) return;
    const weight = this.weight(this.view().emptyScaleBelowKg);
    const json = JSON.stringify(weight);
    if (json === this.pushed.weight) return;
    this.pushed.weight = json;
    this.emit({ name: 'devices.weight', payload: weight });
  }

  /** Pushes the device state when it changed, and the weight with it (a lost scale greys its weight). */
  pushState(): void {
    if (this.listeners.size === 0) return;
    const state = this.state(this.view().autoCapture);
    const json = JSON.stringify(state);
    if (json !== this.pushed.state) {
      this.pushed.state = json;
      this.emit({ name: 'devices.state', payload: state });
    }
    this.pushWeight();
  }

  private async close(): Promise<void> {
    const channels = this.channels;
    const simulators = this.simulators;
    this.channels = [];
    this.simulators = [];
    await Promise.all([...channels.map((c) => c.stop()), ...simulators.map((s) => s.stop())]);
  }

  private configuredChannel(d: DeviceConfig): DeviceChannel {
    const id = { key: `cfg-${d.id}`, label: `${d.name} (${d.transport === 'hid' ? 'HID ' : ''}${d.portPath})`, simulated: false, deviceId: d.id };
    if (d.transport === 'hid') {
      const backend = this.options.hid ?? nodeHidBackend;
      return new HidScannerChannel(id, () => openHidTarget(backend, hidTargetOf(d.portPath)), (code) => this.recordScan(code));
    }
    const transport = (this.options.openTransport ?? serialTransport)(d);
    if (d.kind === 'idcard') return new IdCardChannel(id, transport, (card, ch) => this.recordCard(card, ch.simulated));
    if (d.kind === 'scanner') return new ScannerChannel(id, transport, (code) => this.recordScan(code));
    const { windowMs, minWeightKg, divisionKg, unit, orientation, checksum, address } = d.options;
    const protocolOptions: ProtocolOptions = { divisionKg, unit, orientation, checksum, address };
    const stability: Partial<StabilityOptions> = {
      ...(windowMs === undefined ? {} : { windowMs }),
      ...(minWeightKg === undefined ? {} : { minWeightKg }),
    };
    return new ScaleChannel(id, transport, { protocol: d.protocol ?? 'yaohua-tf0', protocolOptions: stripUndefined(protocolOptions), stability, now: this.options.now });
  }

  private openSimulators(): void {
    const sim = this.options.simulation ?? {};
    const scaleOptions: ScaleSimulatorOptions = { protocol: 'yaohua-a12e', profile: 'truck', weightKg: plausibleTruckKg(), ...sim.scale };
    const [scaleHost, scaleDevice] = createInProcessPair();
    this.simulators.push(new ScaleSimulator(scaleDevice, scaleOptions));
    this.channels.push(
      new ScaleChannel({ key: 'sim-scale', label: `simulator (${scaleOptions.protocol})`, simulated: true, deviceId: null }, scaleHost, {
        protocol: scaleOptions.protocol,
        protocolOptions: { divisionKg: scaleOptions.divisionKg ?? 20 },
        stability: { divisionKg: scaleOptions.divisionKg ?? 20 },
      }),
    );

    const cards = sim.cards ?? sampleCards;
    const [cardHost, cardDevice] = createInProcessPair();
    // The simulated driver walks up to the reader: no card is in the field when the kiosk opens (a card already
    // lying there would be pushed into the first form of the session as if just swiped).
    const cardSim = new IdCardSimulator(cardDevice, { card: cards[0] ?? sampleCard, cardPresent: false, reinsertAfterMs: sim.cardEveryMs ?? 45_000 });
    this.simulators.push(cardSim);
    this.channels.push(
      new IdCardChannel({ key: 'sim-idcard', label: 'simulator (SAM)', simulated: true, deviceId: null }, cardHost, (card, ch) => {
        this.recordCard(card, ch.simulated);
        this.cardRotation = (this.cardRotation + 1) % Math.max(1, cards.length);
        cardSim.setCard(cards[this.cardRotation] ?? sampleCard);
      }),
    );
  }

  private recordCard(card: ReadTextReply, simulated: boolean): void {
    this.storeCard(card, simulated);
    const read = this.lastIdCard();
    if (read) this.emit({ name: 'devices.idCard', payload: read });
  }

  private storeCard(card: ReadTextReply, simulated: boolean): void {
    const t = card.text;
    this.idCard = {
      seq: ++this.idCardSeq,
      readAt: this.now().toISOString(),
      simulated,
      card: {
        name: t.name, sex: t.sex, nation: t.nation ?? null, birthDate: t.birthDate, address: t.address, idNumber: t.idNumber,
        idNumberValid: t.idNumberValid, issuer: t.issuer, validFrom: t.validFrom, validTo: t.validTo,
      },
    };
  }

  private recordScan(code: ScannerCode): void {
    this.lastScan = { seq: (this.lastScan?.seq ?? 0) + 1, ...code };
    this.emit({ name: 'devices.scan', payload: code });
  }

  isTraining(): boolean {
    return this.training;
  }

  channel(key: string): DeviceChannel | undefined {
    return this.channels.find((c) => c.key === key);
  }

  /** The kiosk's scale: the one asked for, else the first. */
  scale(key?: string): ScaleChannel | undefined {
    const scales = this.channels.filter((c): c is ScaleChannel => c.kind === 'scale');
    return key === undefined ? scales[0] : scales.find((c) => c.key === key);
  }

  live(): DevicesLive {
    const view = this.view();
    return {
      ...this.state(view.autoCapture),
      scale: this.weight(view.emptyScaleBelowKg),
      idCardSeq: this.idCardSeq,
      lastScan: this.lastScan,
    };
  }

  private state(autoCapture: boolean): DevicesState {
    return {
      training: this.training,
      autoCapture,
      simulated: this.channels.some((c) => c.simulated),
      devices: this.channels.map((c) => c.health()),
    };
  }

  private weight(emptyScaleBelowKg: number): LiveWeight | null {
    const scale = this.scale();
    if (!scale) return null;
    const c = scale.session.capture();
    const measured = lightOf(c);
    const weightKg = measured === 'offline' ? null : (c.weightKg ?? null);
    // An empty deck is not "settling": it says 空磅 until a truck is on it.
    const empty = weightKg !== null && measured !== 'fault' && Math.abs(weightKg) < emptyScaleBelowKg;
    const light = empty ? 'empty' : measured;
    return { channel: scale.key, weightKg, stable: c.ok && !empty, light, reason: c.ok ? null : c.reason };
  }

  /** The capture decision for now, with the frames that back it; undefined when there is no such scale. */
  capture(key?: string): ScaleCapture | undefined {
    const channel = this.scale(key);
    if (!channel) return undefined;
    const result = channel.session.capture();
    const frames = result.ok ? channel.framesSince(result.capturedAt - channel.windowMs) : [];
    return { result, channel, frames };
  }

  lastIdCard(): IdCardRead | null {
    if (!this.idCard) return null;
    // Judged at each look, against today.
    const validTo = this.idCard.card.validTo;
    return { ...this.idCard, expired: validTo !== '长期' && validTo < localDate(this.now()) };
  }

  /** HID POS scanners attached now; empty with the loader's message when node-hid or libusb is missing. */
  async hidScanners(): Promise<HidScannerList> {
    try {
      const devices = await (this.options.hid ?? nodeHidBackend).list();
      return { available: true, reason: null, devices: devices.map((d) => ({ ...d, product: d.product ?? null })) };
    } catch (err) {
      return { available: false, reason: (err as Error).message, devices: [] };
    }
  }

  /** A running channel on this port, if any (a port cannot be opened twice). */
  channelOnPort(path: string): DeviceChannel | undefined {
    const device = listDevices(this.db).find((d) => d.transport === 'serial' && d.portPath === path);
    return device && this.channel(`cfg-${device.id}`);
  }
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
