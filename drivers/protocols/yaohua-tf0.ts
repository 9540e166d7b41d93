/** Yaohua XK3190 continuous output tF=0: STX sign 6digits dp xorH xorL ETX (12 bytes), XOR over sign..dp. */
import { xorBytes, xorNibbleChars, xorNibblesMatch } from './checksum.ts';
import { emptyScanState, frameAttempt, plainReading, scanningParse, type Attempt, type ScanState } from './framing.ts';
import { readSignedDigits, signedDigitsKg, writeSignedDigits, type SignedDigits } from './signed-digits.ts';
import { divisionOf } from './weight-value.ts';
import type { EncodeInput, ProtocolOptions, ScaleProtocol } from './types.ts';

export const STX_FRAME_LENGTH = 12;

/**
 * Validates the 12-byte STX frame at `at`. `xorFroms` lists the accepted first bytes of the XOR coverage:
 * 1 (Yaohua, sign included) and, for Keli, also 2 (sign excluded).
 */
export function stxFrameAt(
  buf: Buffer,
  at: number,
  xorFroms: readonly number[],
): SignedDigits | 'need-more' | 'invalid' {
  if (buf[at] !== 0x02) return 'invalid';
  if (buf.length - at < STX_FRAME_LENGTH) return 'need-more';
  if (buf[at + 11] !== 0x03) return 'invalid';
  const d = readSignedDigits(buf, at + 1, true);
  if (!d) return 'invalid';
  const ok = xorFroms.some((from) => xorNibblesMatch(buf[at + 9], buf[at + 10], xorBytes(buf, at + from, at + 9)));
  return ok ? d : 'invalid';
}

export function encodeStxFrame(input: EncodeInput, xorFrom = 1): Buffer {
  const frame = Buffer.concat([Buffer.from([0x02]), writeSignedDigits(input), Buffer.alloc(3)]);
  const [hi, lo] = xorNibbleChars(xorBytes(frame, xorFrom, 9));
  frame[9] = hi;
  frame[10] = lo;
  frame[11] = 0x03;
  return frame;
}

export function createYaohuaTf0(options: ProtocolOptions = {}): ScaleProtocol<ScanState> {
  const unit = options.unit ?? 'kg';
  const division = divisionOf(options);
  const attempt = (buf: Buffer, at: number): Attempt => {
    const d = stxFrameAt(buf, at, [1]);
    if (typeof d === 'string') return { kind: d };
    return frameAttempt(buf, at, STX_FRAME_LENGTH, plainReading('yaohua-tf0', signedDigitsKg(d, unit, division), { decimals: d.decimals, unit }));
  };
  return {
    name: 'yaohua-tf0',
    initialState: emptyScanState,
    parse: scanningParse(attempt, STX_FRAME_LENGTH * 4),
    encode: (input) => encodeStxFrame(input),
  };
}
