// @ts-nocheck
import { z } from 'zod';
import { ROLES, type Role } from './roles.ts';

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: 'validation.username' });
export const Password = z.string().min(8, { message: 'validation.passwordShort' }).max(200, { message: 'validation.tooLong' });

export const LoginInput = z.object({ username: z.string().max(64), password: z.string().max(200) }).strict();

export const NewUserInput = z
  .object({
    username,
    displayName: z.string().trim().min(1, { message: 'validation.required' }).max(40, { message: 'validation.tooLong' }),
    role: z.enum(ROLES, { message: 'validation.choice' }),
    password: Password,
    credentialNumber: z.string().trim().max(40).optional(),
  })
  .strict();

export const SetupInput = z
  .object({
    stationName: z.string().trim().min(1, { message: 'validation.required' }).max(60, { message: 'validation.tooLong' }),
    stationCode: z.string().trim().regex(/^[A-Z0-9]{2,12}$/, { message: 'validation.stationCode' }),
    admin: NewUserInput.omit({ role: true }),
  })
  .strict();

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  credentialNumber: string | null;
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
}
