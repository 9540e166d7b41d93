import { describe, expect, it } from 'vitest';
import { IdCardReader } from '../../../drivers/idcard-reader.ts';
import { nations } from '../../../drivers/protocols/nations.ts';
import {
  asSamRequest,
  asSamResponse,
  encodeIdCardText,
  encodeReadTextReply,
  encodeSamResponse,
  findCardRequest,
  parseIdCardText,
  parseReadTextReply,
  parseSamFrames,
  readTextRequest,
  selectCardRequest,
} from '../../../drivers/protocols/sam-idcard.ts';
import { IdCardSimulator, sampleCard } from '../../../drivers/simulators/idcard-simulator.ts';
import { createInProcessPair } from '../../../drivers/transports/in-process.ts';
import { hex } from './helpers.ts';
import fc from 'fast-check';

describe('SAM framing', () => {
  it('builds the reference requests and responses', () => {
    expect(findCardRequest().toString('hex')).toBe('aaaaaa9669000320' + '0122');
    expect(selectCardRequest().toString('hex')).toBe('aaaaaa96690003200221');
    expect(readTextRequest().toString('hex')).toBe('aaaaaa96690003300132');
    expect(encodeSamResponse(0x9f, Buffer.alloc(4))).toEqual(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(encodeSamResponse(0x80)).toEqual(hex('AA AA AA 96 69 00 04 00 00 80 84'));
    expect(encodeSamResponse(0x90, Buffer.alloc(8))).toEqual(hex('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'));
  });

  it('produces the 1295-byte read reply of the reference (CHK 0xFA)', () => {
    const reply = encodeReadTextReply({ ...sampleCard, name: '张三', sexCode: '1', nationCode: '01', idNumber: '110101198001010010' });
    expect(reply.length).toBe(1295);
    expect(reply.subarray(0, 22)).toEqual(hex('AA AA AA 96 69 05 08 00 00 90 01 00 04 00 20 5F 09 4E 20 00 20 00'));
    expect(reply.subarray(44, 50)).toEqual(hex('31 00 30 00 31 00'));
  });

  it('resyncs past garbage and split chunks, and rejects bad checksums', () => {
    const good = encodeReadTextReply(sampleCard, Buffer.alloc(1024, 0xaa));
    const bad = Buffer.from(encodeSamResponse(0x90));
    bad[bad.length - 1] = bad.at(-1)! ^ 1;
    const stream = Buffer.concat([hex('AA AA 00 AA AA AA 96'), bad, good, encodeSamResponse(0x80)]);
    let pending: Buffer = Buffer.alloc(0);
    const frames = [];
    for (let i = 0; i < stream.length; i += 97) {
      const r = parseSamFrames(pending, stream.subarray(i, i + 97));
      pending = r.pending;
      frames.push(...r.frames);
    }
    expect(frames.map((f) => asSamResponse(f)?.sw3)).toEqual([0x90, 0x80]);
    expect(parseReadTextReply(asSamResponse(frames[0]!)!.data, '2026-11-29')?.photo.length).toBe(1024);
  });

  it('never throws on random bytes and only yields checksum-valid frames', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        for (const f of parseSamFrames(Buffer.alloc(0), bytes).frames) {
          let x = 0;
          for (let i = 5; i < f.raw.length - 1; i++) x ^= f.raw[i]!;
          expect(x).toBe(f.raw.at(-1));
        }
      }),
    );
  });
});

describe('ID card text', () => {
  it('round-trips every field and validates the ID number', () => {
    const text = parseIdCardText(encodeIdCardText({ ...sampleCard, validTo: '长期', nationCode: '46', idNumber: '11010119800101001x' }), '2026-11-29');
    expect(text).toMatchObject({
      name: '张三',
      sex: '男',
      nation: '德昂',
      birthDate: '1980-01-01',
      address: sampleCard.address,
      issuer: sampleCard.issuer,
      validFrom: '2015-06-01',
      validTo: '长期',
      idNumber: '11010119800101001X',
      idNumberValid: false,
      cardType: 'resident',
    });
    expect(parseIdCardText(encodeIdCardText(sampleCard), '2026-11-29').idNumberValid).toBe(true);
    expect(encodeIdCardText(sampleCard).length).toBe(256);
  });

  it('detects permit card types from text byte 248 and survives a short block', () => {
    const block = encodeIdCardText(sampleCard);
    block[248] = 0x4a;
    expect(parseIdCardText(block, '2026-11-29').cardType).toBe('hk-mo-tw-residence');
    expect(parseIdCardText(Buffer.alloc(10), '2026-11-29').name).toBe('');
  });

  it('judges the number by the form rule: impossible, future and pre-1900 birth dates and unknown provinces fail', () => {
    const valid = (idNumber: string, today = '2026-11-29') => parseIdCardText(encodeIdCardText({ ...sampleCard, idNumber }), today).idNumberValid;
    expect(valid('11010519491231002x')).toBe(true);
    expect(valid('110105194912310021')).toBe(false);
    // Check digit right, 29 Feb 1849 (no such day, and before 1900): the reader used to say "valid".
    expect(valid('110105184902290011')).toBe(false);
    expect(valid('110105190002290017')).toBe(false);
    // Born on the reader's today is fine, the day after is not (the clock is the reader's).
    expect(valid('110105202611290018', '2026-11-29')).toBe(true);
    expect(valid('110105202611290018', '2026-11-28')).toBe(false);
    // 99 is no GB/T 2260 province; 81 is a Hong Kong residence permit (card type J).
    expect(valid('99010519800101001X')).toBe(false);
    expect(valid('810000199001010019')).toBe(true);
    expect(Object.keys(nations)).toHaveLength(58);
  });
});

describe('reader ↔ simulator over an in-process link', () => {
  it('reads a card once, then find-card fails until the card returns', async () => {
    const [host, device] = createInProcessPair();
    const sim = new IdCardSimulator(device, { card: { ...sampleCard, name: '李四' } });
    await sim.start();
    await host.open();
    const reader = new IdCardReader(host, { replyTimeoutMs: 500 });
    expect((await reader.readOnce())?.text.name).toBe('李四');
    expect(await reader.readOnce()).toBeUndefined();
    expect((await reader.request([0x20, 0x01])).sw3).toBe(0x80);
    sim.removeCard();
    sim.insertCard();
    expect((await reader.readOnce())?.text.idNumberValid).toBe(true);
    expect(sim.reads).toBe(2);
    expect((await reader.request([0x99, 0x01])).sw3).toBe(0x21);
  });
});

describe('a cut-off read reply', () => {
  /** A reader whose first text reply breaks off after `cutAt` of its 1295 bytes; every later reply is whole. */
  async function flakyReader(cutAt: number) {
    const [host, device] = createInProcessPair();
    let pending: Buffer = Buffer.alloc(0);
    let textReplies = 0;
    device.on('data', (bytes: Buffer) => {
      const r = parseSamFrames(pending, bytes);
      pending = r.pending;
      for (const f of r.frames) {
        const req = asSamRequest(f);
        if (!req) continue;
        const key = (req.cmd << 8) | req.para;
        if (key === 0x2001) void device.write(encodeSamResponse(0x9f, Buffer.alloc(4)));
        else if (key === 0x2002) void device.write(encodeSamResponse(0x90, Buffer.alloc(8)));
        else {
          const reply = encodeReadTextReply({ ...sampleCard, name: `司机${++textReplies}` });
          void device.write(textReplies === 1 ? reply.subarray(0, cutAt) : reply);
        }
      }
    });
    await device.open();
    await host.open();
    return new IdCardReader(host, { replyTimeoutMs: 150, today: () => '2026-11-29' });
  }

  it('costs exactly one read: the next command starts from an empty buffer', async () => {
    const reader = await flakyReader(600);
    await expect(reader.readOnce()).rejects.toThrow(/did not answer/);
    const card = await reader.readOnce();
    expect(card?.text.name).toBe('司机2');
    expect(card?.text.idNumberValid).toBe(true);
    expect(card?.photo.length).toBe(1024);
  });

  it('recovers the same way wherever the reply breaks off', async () => {
    for (const cutAt of [6, 7, 300, 1294]) {
      const reader = await flakyReader(cutAt);
      await expect(reader.readOnce()).rejects.toThrow();
      expect((await reader.readOnce())?.text.name).toBe('司机2');
    }
  });
});
