import { describe, expect, it } from 'vitest';
import { columns, encodeGbk, EscPosBuilder, LINE_WIDTH_80MM } from '../../../src-main/tickets/escpos.ts';

const hex = (b: Buffer) => b.toString('hex');

describe('GBK encoding for Chinese thermal printers', () => {
  it.each([
    ['河北', 'bad3b1b1'], ['煤', 'c3ba'], ['补打', 'b2b9b4f2'], ['A-1 kg', '412d31206b67'], ['（', 'a3a8'],
  ])('%s → %s', (text, bytes) => {
    expect(hex(encodeGbk(text))).toBe(bytes);
    expect(new TextDecoder('gbk').decode(encodeGbk(text))).toBe(text);
  });

  it('round-trips every character of a ticket, and marks what GBK lacks with ?', () => {
    const text = '煤炭运输车辆检查登记单（过磅单）登记编号 CD-20261128-0001 冀A·12345 毛重 49,000 kg 韡';
    expect(new TextDecoder('gbk').decode(encodeGbk(text))).toBe(text);
    expect(encodeGbk('😀')).toEqual(Buffer.from('?'));
  });

  it('counts two columns for a Chinese character', () => {
    expect(columns('毛重 49 kg')).toBe(10);
  });
});

describe('ESC/POS commands', () => {
  it('starts with reset and Chinese mode, and ends with a feed and a partial cut', () => {
    const b = new EscPosBuilder().feed(4).cut().build();
    expect(hex(b)).toBe('1b401c26' + '1b6404' + '1d564200');
  });

  it('aligns, sizes and emboldens with the standard commands', () => {
    const b = new EscPosBuilder().align('center').size(2, 3).bold(true).build().subarray(4);
    expect(hex(b)).toBe('1b6101' + '1d2112' + '1b4501');
  });

  it('puts label and value on one 48-column line, or the value on its own line when they do not fit', () => {
    const short = new EscPosBuilder().pair('净重', '32,480 kg').build().subarray(4);
    const line = new TextDecoder('gbk').decode(short);
    expect(line.endsWith('\n')).toBe(true);
    expect(columns(line.slice(0, -1))).toBe(LINE_WIDTH_80MM);
    expect(line.startsWith('净重 ')).toBe(true);
    const long = new TextDecoder('gbk').decode(new EscPosBuilder().pair('车牌号', '长'.repeat(22)).build().subarray(4));
    expect(long.split('\n')).toEqual(['车牌号', '    ' + '长'.repeat(22), '']);
  });

  it('stores the QR data with its length (pL pH) and prints it', () => {
    const data = 'CD-20261128-0001|1|sha256:' + 'a'.repeat(64);
    const b = new EscPosBuilder().qr(data, 6).build().subarray(4);
    const store = Buffer.from([0x1d, 0x28, 0x6b, (data.length + 3) & 0xff, (data.length + 3) >> 8, 0x31, 0x50, 0x30]);
    const at = b.indexOf(store);
    expect(at).toBeGreaterThan(0);
    expect(b.subarray(at + store.length, at + store.length + data.length).toString()).toBe(data);
    expect(hex(b.subarray(at + store.length + data.length))).toBe('1d286b0300315130');
    expect(b.includes(Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6]))).toBe(true);
  });

  it('keeps size and module values inside what printers accept', () => {
    expect(hex(new EscPosBuilder().size(0, 99).build().subarray(4))).toBe('1d2107');
    expect(new EscPosBuilder().qr('x', 40).build().includes(Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 16]))).toBe(true);
  });
});
