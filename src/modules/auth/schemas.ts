import { z } from 'zod';
import { currency, email, text, timezone } from '../../http/fields.js';
import { organizationSchema } from '../organizations/schemas.js';
import { password, userSchema } from '../users/schemas.js';

export const signupBody = z
  .object({
    email,
    password,
    full_name: text(200).min(1),
    organization_name: text(200).min(1),
    timezone: timezone.optional(),
    currency: currency.optional(),
  })
  .strict();

export const loginBody = z.object({ email, password: z.string().min(1).max(200) }).strict();

export const authAnswer = z.object({ token: z.string(), user: userSchema, organization: organizationSchema });

export const sessionAnswer = z.object({ user: userSchema, organization: organizationSchema.nullable() });

export const resetBody = z.object({ email }).strict();

export const resetConfirmBody = z.object({ token: z.string().min(1).max(200), password }).strict();

export const acceptedAnswer = z.object({ status: z.literal('accepted'), message: z.string() });
