/**
 * st-gs and yaohua-a12 parse from bytes for speed. Their grammar is the regex they used before; these tests
 * keep that regex as the reference and check the byte parsers agree with it on lines built from the grammar's
 * own tokens, near-misses included.
 */
// @ts-nocheck

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProtocol, type ProtocolName } from '../../../drivers/protocols/index.ts';
import { frameAttempt, lineAt, scanningParse, type Attempt } from '../../../drivers/protocols/framing.ts';
import type { ScaleFrame, WeightKind, WeightUnit } from '../../../drivers/protocols/types.ts';
import { parseDecimal, toWeightKg } from '../../../drivers/protocols/weight-value.ts';

const DIVISION_KG = 5;
const kindByCode: Record<string, WeightKind> = { GS: 'gross', GW: 'gross', NT: 'net', NW: 'net', TR: 'tare' };

function referenceStGs(buf: Buffer, at: number): Attempt {
  const line = lineAt(buf, at, 32);
  if (typeof line === 'string') return { kind: line };
  const m = /^(ST|US|OL)\s*,\s*(GS|NT|TR|GW|NW)\s*,\s*([+-])\s*([\d.\s]*?)\s*(kg|g|t|lb)?$/.exec(line.text);
  if (!m) return { kind: 'invalid' };
  const overload = m[1] === 'OL';
  const unit = (m[5] as WeightUnit | undefined) ?? 'kg';
  const d = parseDecimal(`${m[3]}${m[4] ?? ''}`);
  if (!overload && !d) return { kind: 'invalid' };
  return frameAttempt(buf, at, line.length, {
    protocol: 'st-gs', weightKg: d && !overload ? toWeightKg(d.scaled, d.decimals, unit, DIVISION_KG) : 0,
    stable: overload ? false : m[1] === 'ST', kind: kindByCode[m[2] ?? 'GS'], overload, decimals: d?.decimals, unit,
  });
}

function referenceA12(buf: Buffer, at: number): Attempt {
  if (buf[at] !== 0x77) return { kind: 'invalid' };
  const line = lineAt(buf, at, 24);
  if (typeof line === 'string') return { kind: line };
  const m = /^w([wnt])(-?\d*\.?\d*)(kg|lb)$/.exec(line.text);
  const d = m && parseDecimal(m[2] ?? '');
  if (!m || !d) return { kind: 'invalid' };
  const unit = m[3] === 'lb' ? 'lb' : 'kg';
  return frameAttempt(buf, at, line.length, {
    protocol: 'yaohua-a12', weightKg: toWeightKg(d.scaled, d.decimals, unit, DIVISION_KG), stable: undefined,
    kind: ({ w: 'gross', n: 'net', t: 'tare' } as const)[m[1] as 'w' | 'n' | 't'], overload: false, decimals: d.decimals, unit,
  });
}

/** Token soup: each token is a piece of a valid line or a near miss, so most lines get far into the grammar. */
const line = (tokens: string[]) =>
  fc.array(fc.constantFrom(...tokens), { maxLength: 14 }).map((t) => t.join('') + (t.length % 3 === 0 ? '\n' : '\r\n'));
const stGsTokens = ['ST', 'US', 'OL', 'SS', 'GS', 'NT', 'TR', 'GW', 'NW', ',', ',', '+', '-', '0', '1', '9', '00123', '.', '..', ' ', '  ', '\t', '\xa0', '\r', '\x0b', 'kg', 'g', 't', 'lb', 'k', 'x', ',', 'ST,GS,+', 'US,NT,-', 'OL,TR,+'];
const a12Tokens = ['w', 'ww', 'wn', 'wt', 'wx', '-', '--', '0', '7', '0015', '.', '..', 'kg', 'lb', 'k', 'g', ' ', '\r', '1234567890'];

function agree(name: ProtocolName, reference: (buf: Buffer, at: number) => Attempt, text: string, cut: number): void {
  const bytes = Buffer.from(text, 'latin1');
  const run = (parse: (s: { pending: Buffer }, b: Uint8Array) => { frames: ScaleFrame[]; state: { pending: Buffer }; droppedBytes?: number }) => {
    const a = parse({ pending: Buffer.alloc(0) }, bytes.subarray(0, cut));
    const b = parse(a.state, bytes.subarray(cut));
    return { frames: [...a.frames, ...b.frames], dropped: (a.droppedBytes ?? 0) + (b.droppedBytes ?? 0), pending: b.state.pending.toString('latin1') };
  };
  const expected = run(scanningParse(reference, name === 'st-gs' ? 64 : 48));
  expect(run(createProtocol(name, { divisionKg: DIVISION_KG }).parse as never)).toEqual(expected);
}

describe.each([
  ['st-gs', referenceStGs, stGsTokens],
  ['yaohua-a12', referenceA12, a12Tokens],
] as const)('%s byte parser', (name, reference, tokens) => {
  it('agrees with the reference regex on lines made of the grammar tokens, split anywhere', () => {
    fc.assert(
      fc.property(fc.array(line([...tokens]), { minLength: 1, maxLength: 6 }), fc.nat(), (lines, cutSeed) => {
        const text = lines.join('');
        agree(name, reference, text, cutSeed % (text.length + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes the samples the reference decodes (so the comparison above is not vacuous)', () => {
    const text = name === 'st-gs' ? 'ST , GS ,- 0012.5 \xa0kg\r\nUS,NW,+7\t\r\nOL,TR,+  \r\n' : 'wn-0000.1kg\r\nwt12lb\r\nww.5kg\r\n';
    const frames = createProtocol(name, { divisionKg: 1 }).parse({ pending: Buffer.alloc(0) } as never, Buffer.from(text, 'latin1')).frames;
    expect(frames.map((f) => [f.weightKg, f.kind, f.unit, f.decimals ?? null])).toEqual(
      name === 'st-gs'
        ? [[-13, 'gross', 'kg', 1], [7, 'net', 'kg', 0], [0, 'tare', 'kg', null]]
        : [[0, 'net', 'kg', 1], [5, 'tare', 'lb', 0], [1, 'gross', 'kg', 1]],
    );
    agree(name, reference, text, 7);
  });
});
