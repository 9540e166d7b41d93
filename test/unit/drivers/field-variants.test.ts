/**
 * Frames from real indicators found in public captures (reference device-protocols.md §1.5, §1.8), as parser
 * vectors: whole, split at every byte, one byte at a time, and among garbage. Auto-detection must list them,
 * and the raw view must name every line no parser takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProtocol, detectProtocol, StreamParser, untakenLines, type ProtocolName, type ScaleFrame } from '../../../drivers/protocols/index.ts';
import { encodeKeli } from '../../../drivers/protocols/keli.ts';

type Expected = Pick<ScaleFrame, 'weightKg' | 'stable' | 'kind' | 'overload'> & { unit: string; decimals: number };

/** [line, parsers that must take it, expected frame]. Weights are integer kg at a 1 kg division. */
const vectors: [string, ProtocolName[], Expected][] = [
  // §1.8 without a sign: 245.6 g is 0.2456 kg, 0 kg at the weighbridge's resolution.
  ['ST,GS,   245.6 g\r\n', ['st-gs', 'keli'], { weightKg: 0, stable: true, kind: 'gross', overload: false, unit: 'g', decimals: 1 }],
  // §1.8 with a space where the sign goes: 254.80 kg rounds to 255 kg.
  ['ST,GS, 00254.80 kg\r\n', ['st-gs', 'keli'], { weightKg: 255, stable: true, kind: 'gross', overload: false, unit: 'kg', decimals: 2 }],
  // §1.8 with one comma and trailing spaces: 20.7 g.
  ['ST,GS    20.7g  \r\n', ['st-gs', 'keli'], { weightKg: 0, stable: true, kind: 'gross', overload: false, unit: 'g', decimals: 1 }],
  ['US,NT -  1234.5 kg\r\n', ['st-gs', 'keli'], { weightKg: -1235, stable: false, kind: 'net', overload: false, unit: 'kg', decimals: 1 }],
  // §1.5 (3): Keli D2008FA legacy line, stable, 15 000 in the indicator's unit (kg).
  ['ST 00015000\r\n', ['keli'], { weightKg: 15000, stable: true, kind: undefined, overload: false, unit: 'kg', decimals: 0 }],
  ['US 00032480\n', ['keli'], { weightKg: 32480, stable: false, kind: undefined, overload: false, unit: 'kg', decimals: 0 }],
  // §1.5 (4): XK3118T1 "GW:" line with a decimal comma: 23.45 kg.
  ['GW:0023,45(kg)\r\n', ['keli'], { weightKg: 23, stable: undefined, kind: 'gross', overload: false, unit: 'kg', decimals: 2 }],
  ['GW:32480(kg)\r\n', ['keli'], { weightKg: 32480, stable: undefined, kind: 'gross', overload: false, unit: 'kg', decimals: 0 }],
  ['NW:-0150,5(kg)', ['keli'], { weightKg: -151, stable: undefined, kind: 'net', overload: false, unit: 'kg', decimals: 1 }],
];

const shape = (f: ScaleFrame) => ({ weightKg: f.weightKg, stable: f.stable, kind: f.kind, overload: f.overload, unit: f.unit, decimals: f.decimals });
const run = (name: ProtocolName, chunks: Uint8Array[]) => {
  const p = new StreamParser(createProtocol(name));
  return chunks.flatMap((c) => p.push(c));
};

/** Noise that cannot complete a frame by itself: no LF, no STX, no ')'. */
const garbageArb = fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b.map((c) => (c === 0x0a || c === 0x02 || c === 0x29 ? 0x3f : c))));
const nearMisses = ['ST,XX,+12kg\r\n', 'US 12a\r\n', 'GW:12(lb)\r\n', 'ST,GS,+1.2.3kg\r\n', 'XT 00015000\r\n', 'GW:(kg)\r\n'];

describe.each(vectors)('%j', (line, parsers, expected) => {
  const bytes = Buffer.from(line, 'latin1');
  const protocols = parsers.map((p) => [p] as const);

  it.each(protocols)('%s decodes it whole, split at every byte and byte by byte', (name) => {
    const frame = { ...expected, protocol: name };
    expect(run(name, [bytes]).map((f) => ({ ...shape(f), protocol: f.protocol }))).toEqual([frame]);
    // A line that ends at ')' (no CR LF) is complete at once; the others wait for their LF.
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(run(name, [bytes.subarray(0, cut), bytes.subarray(cut)]).map(shape), `cut at ${cut}`).toEqual([expected]);
    }
    expect(run(name, [...bytes].map((b) => Buffer.from([b]))).map(shape)).toEqual([expected]);
    expect(run(name, [bytes, bytes, bytes]).map(shape)).toEqual([expected, expected, expected]);
  });

  it.each(protocols)('%s finds it among garbage and near misses', (name) => {
    fc.assert(
      fc.property(garbageArb, fc.constantFrom(...nearMisses), garbageArb, fc.nat(), (before, miss, after, cutSeed) => {
        const stream = Buffer.concat([before, Buffer.from('\n' + miss, 'latin1'), bytes, after, Buffer.from('\n')]);
        const cut = cutSeed % (stream.length + 1);
        expect(run(name, [stream.subarray(0, cut), stream.subarray(cut)]).map(shape)).toEqual([expected]);
      }),
      { numRuns: 150 },
    );
  });

  it('auto-detection lists every parser that takes it', () => {
    const found = detectProtocol(Buffer.from(line.repeat(5), 'latin1')).map((m) => m.protocol);
    expect(found).toEqual(expect.arrayContaining(parsers));
  });
});

describe('Keli encoder forms round-trip', () => {
  it.each(['gw-line', 'st-legacy', 'eq-line'] as const)('%s', (form) => {
    for (const weightKg of [0, 20, 15000, 32480]) {
      expect(run('keli', [encodeKeli({ weightKg, stable: true }, form)]).map((f) => f.weightKg)).toEqual([weightKg]);
    }
  });
});

describe('lines no parser took', () => {
  it('are listed with the parsers that would take them, the configured one excluded', () => {
    const stream = Buffer.from('ST,GS,+00123.4kg\r\nST 00015000\r\nHELLO 42\r\n\x02+0324800\x03\r\nGW:0023,45(kg)\r\nST,GS,+1', 'latin1');
    expect(untakenLines(stream, 'st-gs')).toEqual([
      { text: 'ST 00015000', takenBy: ['keli'] },
      { text: 'HELLO 42', takenBy: [] },
      { text: 'GW:0023,45(kg)', takenBy: ['keli'] },
    ]);
    expect(untakenLines(stream, 'keli')).toEqual([{ text: 'HELLO 42', takenBy: [] }]);
  });

  it('show tabs and stray CRs so an invisible difference is visible', () => {
    expect(untakenLines(Buffer.from('ST,\tGX,+1kg\r\r\n', 'latin1'), 'st-gs')).toEqual([{ text: 'ST,\\x09GX,+1kg\\x0d', takenBy: [] }]);
  });
});
