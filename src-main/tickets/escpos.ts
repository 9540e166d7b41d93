/**
 * A small ESC/POS byte builder for 80 mm thermal printers (Epson TM-T8x and the Chinese printers that copy
 * its command set). Chinese text goes out in GB 18030's two-byte (GBK) range, which such printers take in
 * their default Chinese mode (FS &). Node can decode GBK but not encode it, so the encoder is built once
 * from the decoder: every two-byte code is decoded and the character mapped back to it.
 */
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

/** Characters per line at the default font A on 80 mm paper (576 dots / 12 dots). */
export const LINE_WIDTH_80MM = 48;

let gbkTable: Map<string, number> | undefined;

function gbkCodes(): Map<string, number> {
  if (gbkTable) return gbkTable;
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

/** GBK bytes of the text; a character outside GBK becomes '?', as a printer would show an unknown glyph. */
export function encodeGbk(text: string): Buffer {
  const table = gbkCodes();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const gbk = table.get(ch);
    if (gbk === undefined) out.push(0x3f);
    else out.push(gbk >> 8, gbk & 0xff);
  }
  return Buffer.from(out);
}

/** Display width on the printer: a two-byte character takes two columns. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! < 0x80 ? 1 : 2;
  return n;
}

export type Align = 'left' | 'center' | 'right';
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** Builds one print job; each method appends commands and returns the builder. */
export class EscPosBuilder {
  private readonly parts: Buffer[] = [];

  constructor() {
    // ESC @ resets the printer; FS & selects Chinese (two-byte) character mode.
    this.raw(ESC, 0x40, FS, 0x26);
  }

  raw(...bytes: number[]): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  align(a: Align): this {
    return this.raw(ESC, 0x61, ALIGN[a]);
  }

  bold(on: boolean): this {
    return this.raw(ESC, 0x45, on ? 1 : 0);
  }

  /** Character size multiples 1–8 (GS !). */
  size(width: number, height: number): this {
    const w = Math.min(8, Math.max(1, Math.trunc(width))) - 1;
    const h = Math.min(8, Math.max(1, Math.trunc(height))) - 1;
    return this.raw(GS, 0x21, (w << 4) | h);
  }

  text(s: string): this {
    this.parts.push(encodeGbk(s));
    return this;
  }

  line(s = ''): this {
    return this.text(s).raw(LF);
  }

  /** Label on the left, value on the right of one line; a value too long goes on its own line, right-aligned. */
  pair(label: string, value: string, width = LINE_WIDTH_80MM): this {
    const gap = width - columns(label) - columns(value);
    if (gap >= 1) return this.line(label + ' '.repeat(gap) + value);
    return this.line(label).line(' '.repeat(Math.max(0, width - columns(value))) + value);
  }

  rule(width = LINE_WIDTH_80MM): this {
    return this.line('-'.repeat(width));
  }

  /**
   * A QR code printed by the printer itself (GS ( k, model 2): module size in dots (1–16), error correction
   * level M, the data stored then printed.
   */
  qr(data: string, moduleDots = 6): this {
    const bytes = Buffer.from(data, 'utf8');
    const len = bytes.length + 3;
    return this
      .raw(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00)
      .raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, Math.min(16, Math.max(1, moduleDots)))
      .raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31)
      .raw(GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30)
      .raw(...bytes)
      .raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30);
  }

  feed(lines: number): this {
    return this.raw(ESC, 0x64, Math.min(255, Math.max(0, lines)));
  }

  /** Partial cut after feeding past the cutter. */
  cut(): this {
    return this.raw(GS, 0x56, 0x42, 0);
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}
