/**
 * Host side of a SAM ID-card reader on a byte transport: find → select → read text, one request at a time.
 * A card stays unreadable until it leaves the field (the reader answers find-card with 0x80), so waitForCard
 * simply polls.
 */
// @ts-nocheck

import {
  asSamResponse,
  buildSamRequest,
  parseReadTextReply,
  parseSamFrames,
  samCommands,
  samStatus,
  type ReadTextReply,
  type SamResponse,
} from './protocols/sam-idcard.ts';
import type { ByteTransport } from './transports/types.ts';

export class IdCardReader {
  private pending: Buffer = Buffer.alloc(0);
  private waiter: ((r: SamResponse) => void) | undefined;

  constructor(
    private readonly transport: ByteTransport,
    private readonly replyTimeoutMs = 1000,
  ) {
    transport.on('data', (bytes) => {
      const r = parseSamFrames(this.pending, bytes);
      this.pending = r.pending;
      for (const frame of r.frames) {
        const response = asSamResponse(frame);
        if (response) this.waiter?.(response);
      }
    });
  }

  /** Sends one command and waits for its response (the protocol has no request ids: strictly one at a time). */
  async request(command: readonly [number, number]): Promise<SamResponse> {
    const reply = new Promise<SamResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`ID-card reader did not answer command ${command.map((b) => b.toString(16)).join(' ')}`));
      }, this.replyTimeoutMs);
      this.waiter = (r) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(r);
      };
    });
    await this.transport.write(buildSamRequest(...command));
    return reply;
  }

  /** One find/select/read cycle; undefined when no (new) card is in the field. */
  async readOnce(): Promise<ReadTextReply | undefined> {
    if ((await this.request(samCommands.findCard)).sw3 !== samStatus.findOk) return undefined;
    if ((await this.request(samCommands.selectCard)).sw3 !== samStatus.success) return undefined;
    const read = await this.request(samCommands.readText);
    if (read.sw3 !== samStatus.success) return undefined;
    return parseReadTextReply(read.data);
  }

  /** Polls until a card is read or the deadline passes (then undefined). */
  async waitForCard(timeoutMs: number, pollMs = 300): Promise<ReadTextReply | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const card = await this.readOnce().catch(() => undefined);
      if (card) return card;
      await new Promise((r) => setTimeout(r, pollMs));
    }
    return undefined;
  }
}
