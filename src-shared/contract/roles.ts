/**
 * Who may do what. A user holds a set of roles; a method is allowed when any of them is in its group.
 * The dispatcher enforces these on every call; the UI only uses them to hide menus.
 */
export const ROLES = ['kiosk', 'officer', 'disposal', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_GROUPS = {
  anyone: ROLES,
  registrar: ['kiosk', 'supervisor', 'admin'],
  viewer: ['kiosk', 'officer', 'supervisor', 'admin'],
  enforcement: ['officer', 'supervisor', 'admin'],
  /** Recording at the disposal point: the disposal role itself, never implied by seniority (财税〔2020〕54号). */
  disposal: ['disposal'],
  ledgerReader: ['disposal', 'supervisor', 'admin'],
  oversight: ['supervisor', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** True when any of the user's roles is in the group. */
export const holdsAny = (roles: readonly Role[], group: readonly Role[]): boolean => roles.some((r) => group.includes(r));
