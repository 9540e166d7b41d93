/** Checksums used by the scale and ID-card protocols, in one place. */
// @ts-nocheck


export function xorBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i] ?? 0;
  return x;
}

/** Yaohua/Keli nibble-to-ASCII as the manuals specify: 0–9 → '0'–'9', 10–15 → 'A'–'F'. */
export function xorNibbleChars(x: number): [number, number] {
  const enc = (n: number) => (n <= 9 ? 0x30 + n : 0x37 + n);
  return [enc((x >> 4) & 0x0f), enc(x & 0x0f)];
}

/** Accepts both encodings seen in the field: 'A'–'F' (manual) and ':'–'?' (0x30+n). */
function nibbleValue(c: number | undefined): number | undefined {
  if (c === undefined) return undefined;
  if (c >= 0x30 && c <= 0x3f) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return undefined;
}

export function xorNibblesMatch(hi: number | undefined, lo: number | undefined, x: number): boolean {
  const h = nibbleValue(hi);
  const l = nibbleValue(lo);
  return h !== undefined && l !== undefined && ((h << 4) | l) === x;
}

/** CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF); sent low byte first. */
export function crc16Modbus(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i] ?? 0;
    for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** Toledo continuous checksum: two's complement of the 7-bit sum of STX..CR. */
export function toledoChecksum(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += (bytes[i] ?? 0) & 0x7f;
  return -sum & 0x7f;
}
