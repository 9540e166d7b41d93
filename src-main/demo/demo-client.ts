/**
 * How the demo reaches the app: through the dispatcher, as its named users with their password, on a clock
 * it sets to the moment each act happened. Its weighings come from a configured scale whose frames the demo
 * plays into the real capture path, so the evidence is stored exactly as a weighbridge's would be.
 */
import { createApp, type App } from '../app.ts';
import type { InputOf, MethodName, OutputOf } from '../../src-shared/contract/index.ts';
import { encodeStxFrame } from '../../drivers/protocols/yaohua-tf0.ts';
import { createInProcessPair, type InProcessTransport } from '../../drivers/transports/in-process.ts';

export const DEMO_PASSWORD = 'demo-pass-2026';

/** A refusal from the app, with its Chinese message. */
export class DemoError extends Error {}

export interface DemoOptions {
  days: number;
  perDay: number;
  now: Date;
  /** Another demo checkpoint beside the first (`demo --station CODE --name NAME`), for the city hub. */
  station?: { code: string; name: string };
}

/** A later feature adds its sample data by appending a step. */
export type DemoStep = (demo: DemoClient, options: DemoOptions) => Promise<string[]>;

const FRAME_GAP_MS = 500;
const FRAMES = 5;
const CAPTURE_TRIES = 5;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DemoClient {
  readonly app: App;
  /** The moment the next call happens. */
  private appNow: Date;
  /** The scale's clock: moves only while frames are played, so a pause between trucks is not a silent link. */
  private scaleNowMs: number;
  private readonly scaleEnd: InProcessTransport;
  private readonly tokens = new Map<string, string>();

  constructor(dbPath: string, now: Date) {
    this.appNow = now;
    this.scaleNowMs = now.getTime();
    const [host, device] = createInProcessPair();
    this.scaleEnd = device;
    this.app = createApp({ dbPath, now: () => this.appNow, devices: { openTransport: () => host, now: () => this.scaleNowMs } });
  }

  at(moment: Date): this {
    this.appNow = moment;
    return this;
  }

  async login(username: string): Promise<void> {
    const result = await this.app.dispatch('auth.login', { lang: 'zh-CN', input: { username, password: DEMO_PASSWORD } });
    if (!result.ok) throw new DemoError(`演示用户 ${username} 无法登录：${result.error.message}`);
    this.tokens.set(username, (result.value as OutputOf<'auth.login'>).token);
  }

  /** Calls a method as `username`, signing in again when the session has lapsed on the demo's clock. */
  async as<M extends MethodName>(username: string, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    for (let attempt = 0; ; attempt++) {
      if (!this.tokens.has(username)) await this.login(username);
      const result = await this.app.dispatch(method, { token: this.tokens.get(username), lang: 'zh-CN', input });
      if (result.ok) return result.value as OutputOf<M>;
      // A lapsed or idle-locked session on the demo's clock: sign in again, as a person coming back would.
      if ((result.error.code === 'unauthorized' || result.error.code === 'locked') && attempt === 0) {
        this.tokens.delete(username);
        continue;
      }
      throw new DemoError(`${method}（${username}）：${result.error.message}`);
    }
  }

  /** `as`, bound to one user. */
  user(username: string) {
    return <M extends MethodName>(method: M, input: InputOf<M>) => this.as(username, method, input);
  }

  /** Plays a stable reading into the demo scale, ending at `at`, and captures it as `username`; the weighing's id. */
  async weigh(username: string, weightKg: number, at: Date): Promise<number> {
    if (!this.scaleEnd.isOpen) await this.scaleEnd.open();
    const frame = encodeStxFrame({ weightKg, stable: true });
    for (let attempt = 1; ; attempt++) {
      for (let i = FRAMES - 1; i >= 0; i--) {
        this.scaleNowMs = at.getTime() - i * FRAME_GAP_MS;
        await this.scaleEnd.write(frame).catch(() => undefined);
        await nextTurn();
      }
      try {
        return (await this.at(at).as(username, 'devices.capture', {})).weighingId;
      } catch (err) {
        // The link's watchdog may have reopened the port between trucks: play the reading again.
        if (attempt >= CAPTURE_TRIES) throw err;
        await sleep(600);
      }
    }
  }

  close(): void {
    void this.scaleEnd.close();
    this.app.close();
  }
}
