/** Who may do what. The dispatcher enforces these on every call; the UI only uses them to hide menus. */
// @ts-nocheck

export const ROLES = ['kiosk', 'officer', 'disposal', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_GROUPS = {
  anyone: ROLES,
  registrar: ['kiosk', 'supervisor', 'admin'],
  viewer: ['kiosk', 'officer', 'supervisor', 'admin'],
  enforcement: ['officer', 'supervisor', 'admin'],
  disposal: ['disposal', 'supervisor', 'admin'],
  oversight: ['supervisor', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
