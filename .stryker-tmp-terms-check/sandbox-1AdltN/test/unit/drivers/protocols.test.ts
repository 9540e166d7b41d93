// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { crc16Modbus } from '../../../drivers/protocols/checksum.ts';
import { detectProtocol, StreamParser, createProtocol } from '../../../drivers/protocols/index.ts';
import { buildModbusReadRequest, parseModbusReadRequests } from '../../../drivers/protocols/keli-modbus.ts';
import { encodeKeli } from '../../../drivers/protocols/keli.ts';
import { parseSicsLine } from '../../../drivers/protocols/mt-sics.ts';
import { encodeToledo } from '../../../drivers/protocols/toledo.ts';
import { toWeightKg } from '../../../drivers/protocols/weight-value.ts';
import { encodeEqFrame } from '../../../drivers/protocols/yaohua-eq.ts';
import { buildTf1Request, parseTf1Requests } from '../../../drivers/protocols/yaohua-tf1.ts';
import { hex, parseAll, summary } from './helpers.ts';

describe('yaohua-tf0', () => {
  it('decodes the reference captures and computed frames', () => {
    const frames = parseAll(
      'yaohua-tf0',
      hex(`02 2B 30 30 30 30 30 30 30 31 42 03  02 2B 30 30 31 35 36 30 30 31 39 03
           02 2D 30 30 30 31 32 30 30 31 45 03  02 2B 30 30 31 36 35 30 30 31 39 03`),
    );
    expect(frames.map((f) => f.weightKg)).toEqual([0, 1560, -120, 1650]);
    expect(frames[0]).toMatchObject({ protocol: 'yaohua-tf0', stable: undefined, kind: undefined, overload: false });
    expect(frames[1]!.raw.toString('hex')).toBe('022b303031353630303139' + '03');
  });

  it('accepts both nibble encodings but rejects a wrong checksum', () => {
    // XOR 0x1B sent as '1' ';' (0x30+n variant) instead of '1' 'B'.
    expect(parseAll('yaohua-tf0', hex('02 2B 30 30 30 30 30 30 30 31 3B 03')).map((f) => f.weightKg)).toEqual([0]);
    expect(parseAll('yaohua-tf0', hex('02 2B 30 30 30 30 30 30 30 31 43 03'))).toEqual([]);
    // Sign not covered by XOR would be the Keli variant: not Yaohua.
    expect(parseAll('yaohua-tf0', encodeKeli({ weightKg: 1560 }, 'stx-unsigned-xor'))).toEqual([]);
  });

  it('applies every decimal position and the unit option', () => {
    // 12.34 with dp 2 (reference) → 12 kg, or 12 340 kg when the display is in tonnes.
    const frame = hex('02 2B 30 30 31 32 33 34 32 31 44 03');
    expect(parseAll('yaohua-tf0', frame)[0]).toMatchObject({ weightKg: 12, decimals: 2 });
    expect(parseAll('yaohua-tf0', frame, { unit: 't' })[0]).toMatchObject({ weightKg: 12340 });
    const p = createProtocol('yaohua-tf0', { unit: 't' });
    const weights = [0, 1, 2, 3, 4].map((dp) => parseAll('yaohua-tf0', p.encode({ weightKg: 32.48, decimals: dp }), { unit: 't' })[0]?.weightKg);
    // dp 0 and 1 cannot show 32.48 t exactly: the display rounds, so do we.
    expect(weights).toEqual([32000, 32500, 32480, 32480, 32480]);
  });

  it('handles max digits and rounds to the division', () => {
    const p = createProtocol('yaohua-tf0');
    expect(parseAll('yaohua-tf0', p.encode({ weightKg: 999999 }))[0]?.weightKg).toBe(999999);
    expect(parseAll('yaohua-tf0', p.encode({ weightKg: -999999 }))[0]?.weightKg).toBe(-999999);
    expect(parseAll('yaohua-tf0', p.encode({ weightKg: 32489 }), { divisionKg: 20 })[0]?.weightKg).toBe(32480);
    expect(parseAll('yaohua-tf0', p.encode({ weightKg: 32490 }), { divisionKg: 20 })[0]?.weightKg).toBe(32500);
    expect(parseAll('yaohua-tf0', p.encode({ weightKg: -5 }), { divisionKg: 20 })[0]?.weightKg).toBe(0);
    expect(Object.is(parseAll('yaohua-tf0', p.encode({ weightKg: -5 }), { divisionKg: 20 })[0]?.weightKg, -0)).toBe(false);
  });

  it('resynchronises after garbage and a frame split across chunks', () => {
    const parser = new StreamParser(createProtocol('yaohua-tf0'));
    const good = hex('02 2B 30 30 31 35 36 30 30 31 39 03');
    expect(parser.push(Buffer.concat([hex('02 2B 30 FF 03 02'), good.subarray(0, 5)]))).toEqual([]);
    expect(parser.push(good.subarray(5)).map((f) => f.weightKg)).toEqual([1560]);
    expect(parser.droppedBytes).toBe(6);
  });
});

describe('yaohua-tf1', () => {
  it('builds the poll and decodes the reply', () => {
    expect(buildTf1Request(1, 'B').toString('hex')).toBe('024142303303');
    const frames = parseAll('yaohua-tf1', hex('02 41 42 2B 30 33 32 34 38 30 30 31 35 03  02 41 41 30 30 03'));
    expect(summary(frames)).toEqual([{ weightKg: 32480, stable: undefined, kind: 'gross', overload: false }]);
  });

  it('maps tare and net replies and ignores its own echoed request', () => {
    const p = createProtocol('yaohua-tf1');
    const stream = Buffer.concat([buildTf1Request(1, 'D'), p.encode({ weightKg: 15000, kind: 'net' }), p.encode({ weightKg: -20, kind: 'tare' })]);
    expect(summary(parseAll('yaohua-tf1', stream))).toEqual([
      { weightKg: 15000, stable: undefined, kind: 'net', overload: false },
      { weightKg: -20, stable: undefined, kind: 'tare', overload: false },
    ]);
  });

  it('parses host requests for the simulator', () => {
    const r = parseTf1Requests(Buffer.alloc(0), Buffer.concat([hex('ff'), buildTf1Request(3, 'B'), buildTf1Request(1, 'A').subarray(0, 3)]));
    expect(r.requests).toEqual([{ address: 3, command: 'B' }]);
    expect(parseTf1Requests(r.pending, buildTf1Request(1, 'A').subarray(3)).requests).toEqual([{ address: 1, command: 'A' }]);
  });
});

describe('yaohua-eq', () => {
  it('decodes the manual examples in reversed and forward orientation', () => {
    const reversed = hex('3D 30 30 30 2E 33 30 30 30  3D 30 30 2E 31 30 30 30 2D  3D 30 38 34 32 33 30 30 30');
    expect(parseAll('yaohua-eq', reversed, { orientation: 'reversed', unit: 't' }).map((f) => f.weightKg)).toEqual([3000, -1000, 32480000]);
    const forward = hex('3D 30 30 30 33 2E 30 30 30  3D 2D 30 30 30 31 2E 30 30');
    expect(parseAll('yaohua-eq', forward, { orientation: 'forward', unit: 't' }).map((f) => f.weightKg)).toEqual([3000, -1000]);
  });

  it('auto-detects from the sign position or capacity and stays locked', () => {
    // "=000.3000" is ambiguous (3.000 reversed or 0.3000 forward): not reported until the '-' frame decides.
    const frames = parseAll('yaohua-eq', hex('3D 30 30 30 2E 33 30 30 30  3D 30 30 2E 31 30 30 30 2D  3D 30 30 30 2E 33 30 30 30'), { unit: 't' });
    expect(frames.map((f) => f.weightKg)).toEqual([-1000, 3000]);
    // 32480 reversed reads as 8 423 000 forward: beyond capacity, so reversed.
    expect(parseAll('yaohua-eq', encodeEqFrame({ weightKg: 32480 }, 'reversed')).map((f) => f.weightKg)).toEqual([32480]);
    expect(parseAll('yaohua-eq', encodeEqFrame({ weightKg: -32480 }, 'forward')).map((f) => f.weightKg)).toEqual([-32480]);
    // Zero reads the same both ways.
    expect(parseAll('yaohua-eq', '=00000000').map((f) => f.weightKg)).toEqual([0]);
  });

  it('rejects two points or a misplaced sign', () => {
    expect(parseAll('yaohua-eq', '=0.0.3000', { orientation: 'reversed' })).toEqual([]);
    expect(parseAll('yaohua-eq', '=00-13000', { orientation: 'reversed' })).toEqual([]);
  });
});

describe('yaohua-a12e and a12', () => {
  it('decodes the A12E manual and computed lines, overload and underload', () => {
    const lines = hex(`57 47 30 30 34 2E 31 33 39 6B 67 33 44 0D 0A  57 4E 2D 30 30 33 2E 31 37 6B 67 32 33 0D 0A
      57 47 30 33 32 34 38 30 20 6B 67 33 31 0D 0A  20 20 20 20 20 20 20 20 20 4F 4C 32 33 0D 0A`);
    const frames = parseAll('yaohua-a12e', Buffer.concat([lines, Buffer.from('         LO23\r\n')]));
    expect(summary(frames)).toEqual([
      { weightKg: 4, stable: undefined, kind: 'gross', overload: false },
      { weightKg: -3, stable: undefined, kind: 'net', overload: false },
      { weightKg: 32480, stable: undefined, kind: 'gross', overload: false },
      { weightKg: 0, stable: undefined, kind: undefined, overload: true },
      { weightKg: 0, stable: undefined, kind: undefined, overload: false },
    ]);
    expect(frames[4]?.underload).toBe(true);
    expect(parseAll('yaohua-a12e', 'WG004.139kg3E\r\n')).toEqual([]);
  });

  it('encodes exactly the manual bytes', () => {
    const p = createProtocol('yaohua-a12e');
    expect(p.encode({ weightKg: 4.139, decimals: 3 }).toString('latin1')).toBe('WG004.139kg3D\r\n');
    expect(p.encode({ weightKg: -3.17, decimals: 2, kind: 'net' }).toString('latin1')).toBe('WN-003.17kg23\r\n');
    expect(p.encode({ weightKg: 32480 }).toString('latin1')).toBe('WG032480 kg31\r\n');
    expect(p.encode({ weightKg: 0, overload: true }).toString('latin1')).toBe('         OL23\r\n');
  });

  it('decodes lowercase ww/wn/wt lines, converting lb', () => {
    const frames = parseAll('yaohua-a12', 'ww000.000lb\r\nwn-0000.1kg\r\nww0015.000kg\r\nwt0100lb\r\nwx0015kg\r\n');
    expect(summary(frames)).toEqual([
      { weightKg: 0, stable: undefined, kind: 'gross', overload: false },
      { weightKg: 0, stable: undefined, kind: 'net', overload: false },
      { weightKg: 15, stable: undefined, kind: 'gross', overload: false },
      { weightKg: 45, stable: undefined, kind: 'tare', overload: false },
    ]);
  });
});

describe('keli', () => {
  it('accepts the 12-byte frame with either XOR coverage, the compact frame and "=…(kg)" lines', () => {
    const stream = Buffer.concat([
      encodeKeli({ weightKg: 1560 }, 'stx'),
      encodeKeli({ weightKg: -1560 }, 'stx-unsigned-xor'),
      encodeKeli({ weightKg: 2000 }, 'compact'),
      encodeKeli({ weightKg: 2020 }, 'compact'),
      encodeKeli({ weightKg: 7 }, 'stx'),
      hex('3D 35 31 32 33 2E 34 35 28 6B 67 29 0D 0A'),
      Buffer.from('=0023,45(kg)'),
    ]);
    // A compact frame is confirmed by the next frame's STX.
    expect(parseAll('keli', stream).map((f) => f.weightKg)).toEqual([1560, -1560, 2000, 2020, 7, 5123, 23]);
  });

  it('never passes a corrupted 12-byte frame off as a compact one', () => {
    const bad = encodeKeli({ weightKg: 1560 }, 'stx');
    bad[9] = 0x30;
    expect(parseAll('keli', Buffer.concat([bad, encodeKeli({ weightKg: 1 }, 'stx')])).map((f) => f.weightKg)).toEqual([1]);
  });
});

describe('keli-modbus', () => {
  it('builds the request and decodes the reply with CRC16', () => {
    expect(buildModbusReadRequest(1).toString('hex')).toBe('010300010004' + '15c9');
    expect(crc16Modbus(hex('01 03 08 2B 30 33 32 34 38 30 30'))).toBe(0x9141);
    expect(parseAll('keli-modbus', hex('01 03 08 2B 30 33 32 34 38 30 30 41 91')).map((f) => f.weightKg)).toEqual([32480]);
    expect(parseAll('keli-modbus', hex('01 03 08 2B 30 33 32 34 38 30 30 41 92'))).toEqual([]);
  });

  it('skips exception replies and its own request echo; parses requests for the simulator', () => {
    const p = createProtocol('keli-modbus');
    const exception = Buffer.from([0x01, 0x83, 0x02]);
    const crc = crc16Modbus(exception);
    const stream = Buffer.concat([buildModbusReadRequest(1), exception, Buffer.from([crc & 0xff, crc >> 8]), p.encode({ weightKg: -40 })]);
    expect(parseAll('keli-modbus', stream).map((f) => f.weightKg)).toEqual([-40]);
    expect(parseModbusReadRequests(Buffer.alloc(0), buildModbusReadRequest(7, 1, 4)).requests).toEqual([{ slave: 7, register: 1, count: 4 }]);
  });
});

describe('toledo', () => {
  it('decodes the computed reference frames (checksum, 0-padding, tonnes without checksum)', () => {
    const withChk = hex('02 31 30 20 20 33 32 34 38 30 20 20 20 20 20 30 0D 7F  02 31 3B 20 30 30 30 31 35 30 30 31 34 36 32 30 0D 12');
    const frames = parseAll('toledo', withChk);
    expect(summary(frames)).toEqual([
      { weightKg: 32480, stable: true, kind: 'gross', overload: false },
      { weightKg: -150, stable: false, kind: 'net', overload: false },
    ]);
    expect(frames[1]?.tareKg).toBe(14620);
    const t = hex('02 2C 20 22 20 20 31 32 33 34 20 20 20 20 20 30 0D');
    expect(parseAll('toledo', Buffer.concat([t, t, hex('02')])).map((f) => f.weightKg)).toEqual([12340, 12340]);
    expect(parseAll('toledo', t, { checksum: false }).map((f) => f.weightKg)).toEqual([12340]);
  });

  it('masks parity bits and rejects a bad checksum', () => {
    const frame = hex('02 31 30 20 20 33 32 34 38 30 20 20 20 20 20 30 0D 7F');
    const parity = Buffer.from(frame.map((b) => b | 0x80));
    expect(parseAll('toledo', parity, { checksum: true }).map((f) => f.weightKg)).toEqual([32480]);
    const bad = Buffer.from(frame);
    bad[17] = 0x7e;
    expect(parseAll('toledo', bad, { checksum: true })).toEqual([]);
  });

  it('reports out of range as overload or underload, and every decimal code', () => {
    expect(parseAll('toledo', encodeToledo({ weightKg: 0, overload: true }, { checksum: true }))[0]).toMatchObject({ overload: true, underload: false });
    expect(parseAll('toledo', encodeToledo({ weightKg: 0, underload: true }, { checksum: true }))[0]).toMatchObject({ overload: false, underload: true });
    const weights = [0, 1, 2, 3, 4, 5].map(
      (dp) => parseAll('toledo', encodeToledo({ weightKg: 3.24, decimals: dp, unit: 't' }, { checksum: true }))[0]?.weightKg,
    );
    expect(weights).toEqual([3000, 3200, 3240, 3240, 3240, 3240]);
  });
});

describe('mt-sics', () => {
  it('decodes S/SI replies, overload, and classifies busy and errors', () => {
    const frames = parseAll('mt-sics', 'S S     100.00 g\r\nS D     129.07 g\r\nS S      32480 kg\r\nS +\r\nS I\r\nES\r\nS -\r\n');
    expect(summary(frames)).toEqual([
      { weightKg: 0, stable: true, kind: undefined, overload: false },
      { weightKg: 0, stable: false, kind: undefined, overload: false },
      { weightKg: 32480, stable: true, kind: undefined, overload: false },
      { weightKg: 0, stable: undefined, kind: undefined, overload: true },
      { weightKg: 0, stable: undefined, kind: undefined, overload: false },
    ]);
    expect(frames[4]?.underload).toBe(true);
    expect(parseSicsLine('S I')).toEqual({ type: 'busy' });
    expect(parseSicsLine('EL')).toEqual({ type: 'error', code: 'EL' });
    expect(parseSicsLine('S S 12 furlongs')).toBeUndefined();
    expect(parseAll('mt-sics', 'S D   -1.5 t\r\n')[0]?.weightKg).toBe(-1500);
  });
});

describe('st-gs', () => {
  it('decodes stable/unstable/overload lines with kinds', () => {
    const frames = parseAll('st-gs', 'ST,GS,+00123.4kg\r\nUS,NT,-00012.5kg\r\nOL,GS,+      kg\r\nST,TR,+0001.20t\r\nXX,GS,+1kg\r\n');
    expect(summary(frames)).toEqual([
      { weightKg: 123, stable: true, kind: 'gross', overload: false },
      { weightKg: -13, stable: false, kind: 'net', overload: false },
      { weightKg: 0, stable: false, kind: 'gross', overload: true },
      { weightKg: 1200, stable: true, kind: 'tare', overload: false },
    ]);
  });
});

describe('weight conversion and detection', () => {
  it('rounds half away from zero to the division', () => {
    expect(toWeightKg(125, 1, 'kg', 1)).toBe(13);
    expect(toWeightKg(-125, 1, 'kg', 1)).toBe(-13);
    expect(toWeightKg(3249, 0, 'kg', 20)).toBe(3240);
    expect(toWeightKg(100, 0, 'lb', 1)).toBe(45);
  });

  it('auto-detect names the protocol(s) that produce frames', () => {
    const p = createProtocol('st-gs');
    const capture = Buffer.concat(Array.from({ length: 5 }, (_, i) => p.encode({ weightKg: 1000 + i * 20, stable: true })));
    expect(detectProtocol(capture).map((d) => d.protocol)).toEqual(['st-gs']);
    const tf0 = createProtocol('yaohua-tf0').encode({ weightKg: 1560 });
    expect(detectProtocol(Buffer.concat([tf0, tf0])).map((d) => d.protocol).sort()).toEqual(['keli', 'yaohua-tf0']);
    expect(detectProtocol(Buffer.from('hello world'))).toEqual([]);
  });
});
