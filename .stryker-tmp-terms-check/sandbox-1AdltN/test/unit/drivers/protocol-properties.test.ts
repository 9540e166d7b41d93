// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16Modbus, toledoChecksum, xorBytes, xorNibblesMatch } from '../../../drivers/protocols/checksum.ts';
import { createProtocol, protocolNames, StreamParser, type ProtocolName, type ProtocolOptions, type ScaleFrame } from '../../../drivers/protocols/index.ts';

/** Independent re-check of each emitted frame's own integrity rule (checksum, or self-consistent re-parse). */
function frameIsValid(name: ProtocolName, frame: ScaleFrame, options: ProtocolOptions): boolean {
  const raw = frame.raw;
  const nibbles = (from: number, end: number) => xorNibblesMatch(raw[end], raw[end + 1], xorBytes(raw, from, end));
  switch (name) {
    case 'yaohua-tf0':
      return raw.length === 12 && raw[11] === 0x03 && nibbles(1, 9);
    case 'yaohua-tf1':
      return raw.at(-1) === 0x03 && nibbles(1, raw.length - 3);
    case 'yaohua-a12e':
      return raw.length === 15 && nibbles(0, 11);
    case 'keli-modbus': {
      const crc = crc16Modbus(raw, 0, raw.length - 2);
      return raw.at(-2) === (crc & 0xff) && raw.at(-1) === crc >> 8;
    }
    case 'keli':
      if (raw.length === 12) return raw[11] === 0x03 && (nibbles(1, 9) || nibbles(2, 9));
      break;
    case 'toledo':
      if (raw.length === 18) return ((raw[17] ?? 0) & 0x7f) === toledoChecksum(raw, 0, 17);
      if (raw.length !== 17) return false;
      break;
    default:
      break;
  }
  // No checksum in the format: the frame's bytes on their own must decode to the same reading.
  const again = new StreamParser(createProtocol(name, { ...options, orientation: options.orientation ?? 'reversed', checksum: false }));
  const withNextStart = name === 'keli' && raw.length === 8 ? Buffer.concat([raw, Buffer.from([0x02])]) : raw;
  const frames = again.push(withNextStart);
  return frames.length === 1 && frames[0]?.weightKg === frame.weightKg;
}

const bytes = fc.uint8Array({ maxLength: 400 });
/** Garbage biased towards bytes that start frames, so false starts really happen. */
const garbage = fc.array(
  fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x02, 0x03, 0x0d, 0x0a, 0x3d, 0x57, 0x53, 0x77, 0x2b, 0x30, 0x41, 0x01, 0xaa)),
  { maxLength: 12 },
);

/** Readings each format can represent at 0 decimals. */
const reading = fc.record({
  weightKg: fc.integer({ min: -99_999, max: 999_999 }),
  stable: fc.boolean(),
  kind: fc.constantFrom('gross' as const, 'net' as const),
});

const carriesStable = new Set<ProtocolName>(['toledo', 'mt-sics', 'st-gs']);
const carriesKind = new Set<ProtocolName>(['yaohua-tf1', 'yaohua-a12e', 'yaohua-a12', 'toledo', 'st-gs']);

describe.each(protocolNames)('%s properties', (name) => {
  const options: ProtocolOptions = name === 'yaohua-eq' ? { orientation: 'reversed' } : {};

  it('never throws on random bytes, in random chunks, and only emits frames that pass their checks', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 50 }), (input, chunk) => {
        const parser = new StreamParser(createProtocol(name, options));
        for (let i = 0; i < input.length; i += chunk) {
          for (const frame of parser.push(input.subarray(i, i + chunk))) {
            expect(Number.isInteger(frame.weightKg)).toBe(true);
            expect(frameIsValid(name, frame, options)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds every valid frame embedded in garbage (in order), and round-trips the reading', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(garbage, reading), { minLength: 1, maxLength: 8 }), garbage, (items, tail) => {
        const p = createProtocol(name, options);
        const stream = Buffer.concat([
          ...items.flatMap(([g, r]) => [Buffer.from(g), p.encode({ ...r, decimals: 0 })]),
          // Formats confirmed by the next frame's start (Toledo auto checksum) see one more frame start.
          Buffer.from(tail),
          p.encode({ weightKg: 0 }),
        ]);
        const found = new StreamParser(createProtocol(name, options)).push(stream);
        let k = 0;
        for (const f of found) {
          const want = items[k]?.[1];
          if (!want || f.weightKg !== want.weightKg) continue;
          if (carriesStable.has(name)) expect(f.stable).toBe(want.stable);
          if (carriesKind.has(name)) expect(f.kind).toBe(want.kind);
          k++;
        }
        expect(k).toBe(items.length);
      }),
      { numRuns: 200 },
    );
  });
});
