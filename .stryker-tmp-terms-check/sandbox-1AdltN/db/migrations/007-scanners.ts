/**
 * Scanners: a configured scanner may sit on a serial (virtual COM) port or be a HID POS device (usage page
 * 0x8C), addressed by hidraw path or "vid:pid"; and the keyboard-wedge scanner's settings, which the kiosk
 * reads to tell a scan from typing.
 */
// @ts-nocheck

export default /* sql */ `
ALTER TABLE devices ADD COLUMN transport TEXT NOT NULL DEFAULT 'serial' CHECK (transport IN ('serial','hid'));

ALTER TABLE device_settings ADD COLUMN wedge_prefix TEXT NOT NULL DEFAULT '';
-- A KeyboardEvent.key: 'Enter', 'Tab' or one character.
ALTER TABLE device_settings ADD COLUMN wedge_suffix TEXT NOT NULL DEFAULT 'Enter';
ALTER TABLE device_settings ADD COLUMN wedge_min_length INTEGER NOT NULL DEFAULT 6 CHECK (wedge_min_length BETWEEN 1 AND 64);
ALTER TABLE device_settings ADD COLUMN wedge_max_inter_key_ms INTEGER NOT NULL DEFAULT 30 CHECK (wedge_max_inter_key_ms BETWEEN 5 AND 200);
ALTER TABLE device_settings ADD COLUMN wedge_updated_at TEXT;
`;
