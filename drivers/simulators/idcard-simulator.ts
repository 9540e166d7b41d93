/**
 * A SAM ID-card reader on the device end of a transport. Like a real reader, once a card has been read,
 * find-card fails (0x80) until the card leaves the field and comes back: removeCard()/insertCard(), or the
 * automatic re-insertion after reinsertAfterMs.
 */
import {
  asSamRequest,
  encodeReadTextReply,
  encodeSamResponse,
  parseSamFrames,
  samStatus,
  type IdCardInput,
} from '../protocols/sam-idcard.ts';
import type { ByteTransport } from '../transports/types.ts';

export const sampleCard: IdCardInput = {
  name: '张三',
  sexCode: '1',
  nationCode: '01',
  birthDate: '1980-01-01',
  address: '河北省石家庄市长安区中山东路1号',
  idNumber: '110101198001010010',
  issuer: '石家庄市公安局长安分局',
  validFrom: '2015-06-01',
  validTo: '2035-06-01',
};

type CardState = 'absent' | 'present' | 'found' | 'selected' | 'read';

export interface IdCardSimulatorOptions {
  card?: IdCardInput;
  photo?: Buffer;
  /** Start with the card in the field (default true). */
  cardPresent?: boolean;
  /** After a read, the card "leaves" and returns this much later (undefined: stays until insertCard()). */
  reinsertAfterMs?: number;
}

export class IdCardSimulator {
  private pending: Buffer = Buffer.alloc(0);
  private state: CardState;
  private reinsertTimer: NodeJS.Timeout | undefined;
  reads = 0;

  constructor(
    private readonly transport: ByteTransport,
    private options: IdCardSimulatorOptions = {},
  ) {
    this.state = options.cardPresent === false ? 'absent' : 'present';
    transport.on('data', this.onData);
  }

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
    // A reader that starts empty gets its first card as it would get every later one.
    const after = this.options.reinsertAfterMs;
    if (this.state === 'absent' && after !== undefined) this.reinsertTimer = setTimeout(() => this.insertCard(), after);
  }

  async stop(): Promise<void> {
    clearTimeout(this.reinsertTimer);
    this.transport.off('data', this.onData);
    await this.transport.close().catch(() => undefined);
  }

  insertCard(): void {
    this.state = 'present';
  }

  removeCard(): void {
    this.state = 'absent';
  }

  /** The card the next read returns (a training kiosk cycles through sample drivers). */
  setCard(card: IdCardInput): void {
    this.options = { ...this.options, card };
  }

  private reply(sw3: number, data?: Buffer): void {
    void this.transport.write(encodeSamResponse(sw3, data)).catch(() => undefined);
  }

  private readonly onData = (bytes: Buffer): void => {
    const r = parseSamFrames(this.pending, bytes);
    this.pending = r.pending;
    for (const frame of r.frames) {
      const req = asSamRequest(frame);
      if (req) this.handle(req.cmd, req.para);
    }
  };

  private handle(cmd: number, para: number): void {
    const key = (cmd << 8) | para;
    switch (key) {
      case 0x10ff:
      case 0x11ff:
        return this.reply(samStatus.success);
      case 0x2001:
        if (this.state === 'absent' || this.state === 'read') return this.reply(samStatus.findFailed);
        this.state = 'found';
        return this.reply(samStatus.findOk, Buffer.alloc(4));
      case 0x2002:
        if (this.state !== 'found' && this.state !== 'selected') return this.reply(samStatus.selectFailed);
        this.state = 'selected';
        return this.reply(samStatus.success, Buffer.alloc(8));
      case 0x3001: {
        if (this.state !== 'selected') return this.reply(samStatus.readFailed);
        this.state = 'read';
        this.reads++;
        void this.transport
          .write(encodeReadTextReply(this.options.card ?? sampleCard, this.options.photo))
          .catch(() => undefined);
        const after = this.options.reinsertAfterMs;
        if (after !== undefined) this.reinsertTimer = setTimeout(() => this.insertCard(), after);
        return;
      }
      default:
        return this.reply(samStatus.commandError);
    }
  }
}
