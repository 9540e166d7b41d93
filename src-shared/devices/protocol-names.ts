/** The weighbridge protocols the drivers can parse, by the names the settings, the CLI and the screens use. */

export const protocolNames = [
  'yaohua-tf0',
  'yaohua-tf1',
  'yaohua-eq',
  'yaohua-a12e',
  'yaohua-a12',
  'keli',
  'keli-modbus',
  'toledo',
  'mt-sics',
  'st-gs',
] as const;

export type ProtocolName = (typeof protocolNames)[number];
