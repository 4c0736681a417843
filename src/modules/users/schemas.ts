import { z } from 'zod';
import { email, instant, name, text } from '../../http/fields.js';

export const roleSchema = z.enum(['super_admin', 'admin', 'manager', 'staff']);
/** Roles an admin can give; super_admin is made only by the operator's CLI. */
export const assignableRole = z.enum(['admin', 'manager', 'staff']);

export const password = z.string().min(10, 'must be at least 10 characters').max(200);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    full_name: z.string(),
    role: roleSchema,
    organization_id: z.uuid().nullable(),
    active: z.boolean(),
    created_at: instant,
  })
  .meta({ id: 'User' });

export type User = z.infer<typeof userSchema>;

export const createUserBody = z
  .object({
    email,
    full_name: name(200).min(1),
    role: assignableRole,
    /** Optional: without one the user sets a password through the reset flow. */
    password: password.optional(),
  })
  .strict();

export const updateUserBody = z
  .object({ email, full_name: name(200).min(1), role: assignableRole, password, active: z.boolean() })
  .partial()
  .strict();

export const listUsersQuery = z.object({
  q: text(200).optional(),
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
