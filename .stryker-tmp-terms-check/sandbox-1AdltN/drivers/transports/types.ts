/** What a device session needs from a link: open, move bytes, close, and say when it died. */
// @ts-nocheck

export interface ByteTransport {
  open(): Promise<void>;
  write(bytes: Buffer): Promise<void>;
  close(): Promise<void>;
  readonly isOpen: boolean;
  on(event: 'data', listener: (bytes: Buffer) => void): this;
  /** The link went away (unplugged, far end closed); `error` when the OS reported one. */
  on(event: 'close', listener: (error?: Error) => void): this;
  off(event: 'data', listener: (bytes: Buffer) => void): this;
  off(event: 'close', listener: (error?: Error) => void): this;
}
