/**
 * HID POS barcode scanner input reports (usage page 0x8C, usage 0x02), report ID 2, 64 bytes with the ID:
 * [0] ID, [1] data length in this report (0–56), [2..4] AIM id "]xy", [5..60] data, [61] vendor code id,
 * [62] reserved, [63] bit0 = more reports follow. WebHID-style reports without the ID byte are accepted too.
 */
// @ts-nocheck

export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_BARCODE_SCANNER_USAGE = 0x02;
export const HID_POS_REPORT_ID = 0x02;
const REPORT_LENGTH = 64;
const MAX_DATA = 56;

export interface ScannedCode {
  text: string;
  data: Buffer;
  /** AIM symbology identifier, e.g. "]Q0" QR, "]E0" EAN-13, "]C0" Code 128. */
  aim: string;
  /** Vendor (Honeywell) code id byte as a character, '' when 0. */
  codeId: string;
}

export interface HidPosState {
  parts: Buffer[];
}

export const emptyHidPosState = (): HidPosState => ({ parts: [] });

/** Feeds one input report; returns a code once the last report of a (possibly multi-report) scan arrives. */
export function parseHidPosReport(state: HidPosState, report: Uint8Array): { state: HidPosState; code: ScannedCode | undefined } {
  // Reports with the ID (hidraw, node-hid) are 64 bytes; WebHID strips the ID (63 bytes).
  const r = report.length === REPORT_LENGTH ? (report[0] === HID_POS_REPORT_ID ? report.subarray(1) : undefined) : report.length === REPORT_LENGTH - 1 ? report : undefined;
  const length = r?.[0];
  if (!r || length === undefined || length > MAX_DATA || r[1] !== 0x5d) return { state: emptyHidPosState(), code: undefined };
  const data = Buffer.from(r.subarray(4, 4 + length));
  const parts = [...state.parts, data];
  if ((r[62] ?? 0) & 0x01) return { state: { parts }, code: undefined };
  const joined = Buffer.concat(parts);
  const codeId = r[60] ?? 0;
  return {
    state: emptyHidPosState(),
    code: {
      text: joined.toString('utf8'),
      data: joined,
      aim: Buffer.from(r.subarray(1, 4)).toString('latin1'),
      codeId: codeId === 0 ? '' : String.fromCharCode(codeId),
    },
  };
}

/** Splits a code into 64-byte reports (with ID), setting the continuation bit on all but the last. */
export function encodeHidPosReports(text: string, aim = ']Q0', codeId = 's'): Buffer[] {
  const data = Buffer.from(text, 'utf8');
  const reports: Buffer[] = [];
  for (let offset = 0; offset === 0 || offset < data.length; offset += MAX_DATA) {
    const chunk = data.subarray(offset, offset + MAX_DATA);
    const report = Buffer.alloc(REPORT_LENGTH);
    report[0] = HID_POS_REPORT_ID;
    report[1] = chunk.length;
    report.write(aim.slice(0, 3), 2, 'latin1');
    chunk.copy(report, 5);
    report[61] = codeId.charCodeAt(0) || 0;
    report[63] = offset + MAX_DATA < data.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
