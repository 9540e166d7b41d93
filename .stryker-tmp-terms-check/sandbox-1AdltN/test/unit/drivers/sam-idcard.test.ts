// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { IdCardReader } from '../../../drivers/idcard-reader.ts';
import { idNumberCheckChar, isValidIdNumber } from '../../../drivers/protocols/id-number-check.ts';
import { nations } from '../../../drivers/protocols/nations.ts';
import {
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
    expect(parseReadTextReply(asSamResponse(frames[0]!)!.data)?.photo.length).toBe(1024);
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
    const text = parseIdCardText(encodeIdCardText({ ...sampleCard, validTo: '长期', nationCode: '46', idNumber: '11010119800101001x' }));
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
    expect(parseIdCardText(encodeIdCardText(sampleCard)).idNumberValid).toBe(true);
    expect(encodeIdCardText(sampleCard).length).toBe(256);
  });

  it('detects permit card types from text byte 248 and survives a short block', () => {
    const block = encodeIdCardText(sampleCard);
    block[248] = 0x4a;
    expect(parseIdCardText(block).cardType).toBe('hk-mo-tw-residence');
    expect(parseIdCardText(Buffer.alloc(10)).name).toBe('');
  });

  it('GB 11643 check characters', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(Object.keys(nations)).toHaveLength(58);
  });
});

describe('reader ↔ simulator over an in-process link', () => {
  it('reads a card once, then find-card fails until the card returns', async () => {
    const [host, device] = createInProcessPair();
    const sim = new IdCardSimulator(device, { card: { ...sampleCard, name: '李四' } });
    await sim.start();
    await host.open();
    const reader = new IdCardReader(host, 500);
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
