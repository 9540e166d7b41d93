/** Shared shapes for weighbridge protocol parsers and encoders. */

import type { ProtocolName } from '../../src-shared/devices/protocol-names.ts';

export { protocolNames, type ProtocolName } from '../../src-shared/devices/protocol-names.ts';

export type WeightKind = 'gross' | 'net' | 'tare';

export type WeightUnit = 'kg' | 'g' | 't' | 'lb' | 'oz' | 'ton';

/** One decoded reading. weightKg is an integer, already signed and rounded to the division. */
export interface ScaleFrame {
  protocol: ProtocolName;
  weightKg: number;
  /** From the indicator's motion flag; undefined when the protocol carries none. */
  stable: boolean | undefined;
  kind: WeightKind | undefined;
  overload: boolean;
  underload?: boolean;
  raw: Buffer;
  decimals?: number;
  unit?: WeightUnit;
  tareKg?: number;
}

export interface ProtocolOptions {
  /** Scale division: readings are rounded to a multiple of it. Positive integer, default 1 kg. */
  divisionKg?: number;
  /** Unit of the displayed value for protocols whose frames carry none (Yaohua tF=0/1, "=", Keli). Default kg. */
  unit?: WeightUnit;
  /** Yaohua "=" formats: byte order of the 8 characters. Default 'auto'. */
  orientation?: 'reversed' | 'forward' | 'auto';
  /** Toledo: trailing checksum byte present? Default 'auto'. */
  checksum?: boolean | 'auto';
  /** Plausibility bound for auto-detection (Yaohua "="). Default 200 000 kg. */
  capacityKg?: number;
  /** Command-mode address: Yaohua/Keli 1–26, Modbus slave 1–247. Default 1. */
  address?: number;
}

/** What an encoder turns into bytes (simulator and tests). weightKg may carry decimals when decimals > 0. */
export interface EncodeInput {
  weightKg: number;
  decimals?: number;
  stable?: boolean;
  kind?: WeightKind;
  overload?: boolean;
  underload?: boolean;
  tareKg?: number;
  unit?: WeightUnit;
}

export interface ParseResult<S> {
  frames: ScaleFrame[];
  state: S;
  /** Bytes thrown away while resynchronising (a health signal, not an error). */
  droppedBytes: number;
}

/** A pure protocol: parse(state, bytes) never throws and never returns a frame whose checks fail. */
export interface ScaleProtocol<S = unknown> {
  name: ProtocolName;
  initialState(): S;
  parse(state: S, bytes: Uint8Array): ParseResult<S>;
  encode(input: EncodeInput): Buffer;
  /** Command-mode protocols: the request the host sends periodically to get a reading. */
  pollRequest?: Buffer;
  pollIntervalMs?: number;
}
