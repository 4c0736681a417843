import { z } from 'zod';
import { currency, email, text, timezone } from '../../http/fields.js';
import { organizationSchema } from '../organizations/schemas.js';
import { password, userSchema } from '../users/schemas.js';

// Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the LRM/RLM marks
// (U+200E, U+200F): invisible, they make a name or address display as something else ("Trojan Source").
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** True when `v` holds no bidirectional control character. */
export const hasNoBidiControls = (v: string) => !BIDI_CONTROLS.test(v);

/**
 * Refuses bidirectional control characters in any string schema, with a field message. Meant for every name and
 * address a person types (users, customers, public booking names too).
 */
export const noBidi = <T extends z.ZodType<string>>(schema: T) => schema.refine(hasNoBidiControls, 'must not contain bidirectional control characters');

export const signupBody = z
  .object({
    email: noBidi(email),
    password,
    full_name: noBidi(text(200).min(1)),
    organization_name: noBidi(text(200).min(1)),
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
