import { z } from 'zod';
import { freeText, requiredText } from './clean-text.ts';
import { ROLES, type Role } from './roles.ts';

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: 'validation.username' });
export const Password = z.string().min(8, { message: 'validation.passwordShort' }).max(200, { message: 'validation.tooLong' });

export const LoginInput = z.object({ username: z.string().max(64), password: z.string().max(200) }).strict();

/** A set of roles, stored and returned in the order of ROLES. */
export const RolesInput = z.array(z.enum(ROLES, { message: 'validation.choice' })).min(1, { message: 'validation.required' }).max(ROLES.length)
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

const UserFields = z
  .object({
    username,
    displayName: requiredText(40),
    password: Password,
    credentialNumber: freeText(40).optional(),
  })
  .strict();

/** `roles` names every role the user holds; `role` is the one-role shorthand (CLI, scripts). */
export const NewUserInput = UserFields.extend({ role: z.enum(ROLES, { message: 'validation.choice' }).optional(), roles: RolesInput.optional() })
  .refine((u) => u.role !== undefined || u.roles !== undefined, { message: 'validation.required', path: ['roles'] })
  .transform(({ role, roles, ...rest }) => ({ ...rest, roles: roles ?? [role!] }));

export const SetupInput = z
  .object({
    stationName: requiredText(60),
    stationCode: z.string().trim().regex(/^[A-Z0-9]{2,12}$/, { message: 'validation.stationCode' }),
    admin: UserFields,
    /** The one-time code the browser host printed in its terminal; the Electron shell needs none. */
    setupCode: z.string().trim().max(64).optional(),
  })
  .strict();

export interface User {
  id: number;
  username: string;
  displayName: string;
  /** Every role the user holds (at least one), in the order of ROLES. */
  roles: Role[];
  active: boolean;
  credentialNumber: string | null;
  /** Set by an administrator's reset: the user must choose a new password before anything else. */
  mustChangePassword: boolean;
}

export interface Station {
  name: string;
  code: string;
}

export interface LoginResult {
  token: string;
  user: User;
  station: Station;
  lockAfterMinutes: number;
  /** When the session ends whatever the activity (an absolute lifetime of one shift), ISO UTC. */
  sessionEndsAt: string;
}
