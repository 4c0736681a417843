import { z } from 'zod';
import { currency, email, name, timezone } from '../../http/fields.js';
import { organizationSchema } from '../organizations/schemas.js';
import { password, userSchema } from '../users/schemas.js';

export const signupBody = z
  .object({
    // Emails are ASCII (the shared field), so no bidirectional control can be in one; names refuse them.
    email,
    password,
    full_name: name(200).min(1),
    organization_name: name(200).min(1),
    timezone: timezone.optional(),
    currency: currency.optional(),
  })
  .strict();

export const loginBody = z.object({ email, password: z.string().min(1).max(200) }).strict();

export const authAnswer = z.object({ token: z.string(), user: userSchema, organization: organizationSchema });

/** Signup's answer for an email that already has an account: nothing about the account, a message went to it. */
export const checkEmailAnswer = z.object({ status: z.literal('check_email'), message: z.string() });

export const sessionAnswer = z.object({ user: userSchema, organization: organizationSchema.nullable() });

export const resetBody = z.object({ email }).strict();

export const resetConfirmBody = z.object({ token: z.string().min(1).max(200), password }).strict();

export const acceptedAnswer = z.object({ status: z.literal('accepted'), message: z.string() });
