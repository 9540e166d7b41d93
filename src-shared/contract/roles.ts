/**
 * Who may do what. A user holds a set of roles; a method is allowed when any of them is in its group.
 * The dispatcher enforces these on every call; the UI only uses them to hide menus.
 */
export const ROLES = ['kiosk', 'officer', 'disposal', 'supervisor', 'admin'] as const;
/**
 * The city hub's roles. Kept out of ROLES, which is what a checkpoint's user forms validate against, so a
 * checkpoint administrator can never grant them; only the hub's own `hub user add` creates such users.
 */
export const HUB_ROLES = ['city', 'hub-admin'] as const;
export type HubRole = (typeof HUB_ROLES)[number];
/** The roles a checkpoint's users hold (and its administrator may grant). */
export type CheckpointRole = (typeof ROLES)[number];
export type Role = CheckpointRole | HubRole;

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
  /** The city's views on the hub (dashboard, ranking, drill-down, exports). */
  city: HUB_ROLES,
  /** The hub's administration: installations, revocation. */
  hubAdmin: ['hub-admin'],
} as const satisfies Record<string, readonly Role[]>;

/** True when any of the user's roles is in the group. */
export const holdsAny = (roles: readonly Role[], group: readonly Role[]): boolean => roles.some((r) => group.includes(r));

/** True for a user of the city hub (the app shows the city screens instead of the checkpoint's). */
export const isHubUser = (roles: readonly Role[]): boolean => roles.some((r) => (HUB_ROLES as readonly Role[]).includes(r));
