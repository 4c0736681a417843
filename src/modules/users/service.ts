import argon2 from 'argon2';
import type { Database, Queryable } from '../../db/client.js';
import { withTenant, type TenantContext } from '../../db/tenant.js';
import { likePattern } from '../../db/like.js';
import { AppError, notFound, violatedUnique } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { throttle } from '../../http/throttle.js';
import type { User } from './schemas.js';
import * as sql from './sql.js';

interface UserRow {
  id: string;
  email: string;
  full_name: string;
  role: User['role'];
  organization_id: string | null;
  active: boolean;
  created_at: Date;
}

const toUser = (r: UserRow): User => ({ ...r, created_at: r.created_at.toISOString() });

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/**
 * Replaces a plain `password` with its hash. Callers do this *before* opening the transaction: hashing takes
 * tens of milliseconds, and a transaction (on PGlite: the only connection) should not wait for it.
 */
export async function withPasswordHash<T extends { password?: string | undefined }>(
  input: T,
): Promise<Omit<T, 'password'> & { passwordHash: string | null }> {
  const { password, ...rest } = input;
  return { ...rest, passwordHash: password ? await hashPassword(password) : null };
}

/** Inserts a user of the current organization. A taken email answers 409 (http/errors.ts maps users_email_key). */
export async function insertUser(
  tx: Queryable,
  input: { id?: string; email: string; full_name: string; role: User['role']; passwordHash: string | null },
): Promise<User> {
  const { rows } = await tx.query<UserRow>(sql.INSERT_USER, [input.id ?? null, input.email, input.full_name, input.role, input.passwordHash]);
  return toUser(rows[0]!);
}

/** One user of the current organization. */
export async function getUser(tx: Queryable, id: string): Promise<User> {
  const { rows } = await tx.query<UserRow>(sql.SELECT_USER, [id]);
  if (!rows[0]) throw notFound('User');
  return toUser(rows[0]);
}

/** The organization's users, filtered and paginated. */
export async function listUsers(
  tx: Queryable,
  filter: { q?: string | undefined; role?: string | undefined; active?: boolean | undefined },
  page: Pagination,
) {
  const params = [filter.q ? likePattern(filter.q) : null, filter.role ?? null, filter.active ?? null];
  return fetchPage(tx, { page: sql.listPage, count: sql.LIST_COUNT }, params, page, toUser);
}

/** Changes the given fields (a taken email answers 409, as on insert). An admin cannot demote or deactivate themselves (the organization would lose its owner). */
export async function updateUser(
  tx: Queryable,
  actorId: string,
  id: string,
  input: { email?: string; full_name?: string; role?: User['role']; passwordHash?: string | null; active?: boolean },
): Promise<User> {
  if (id === actorId && ((input.role && input.role !== 'admin') || input.active === false)) {
    throw new AppError('rule_violation', 'You cannot demote or deactivate yourself; ask another admin');
  }
  const { rows } = await tx.query<UserRow>(sql.UPDATE_USER, [
    id,
    input.email ?? null,
    input.full_name ?? null,
    input.role ?? null,
    input.passwordHash ?? null,
    input.active ?? null,
  ]);
  if (!rows[0]) throw notFound('User');
  // A deactivated user or a changed password ends every open session of that user.
  if (input.active === false || input.passwordHash) await tx.query(sql.REVOKE_SESSIONS, [id]);
  return toUser(rows[0]);
}

/** Deactivates (never deletes: bookings and the audit trail keep pointing at the user). */
export function deactivateUser(tx: Queryable, actorId: string, id: string): Promise<User> {
  return updateUser(tx, actorId, id, { active: false });
}

/**
 * Creates the platform operator. Runs on the owner connection (the CLI), not as the app role: no request can
 * make a super_admin, and the row belongs to no organization.
 */
export async function createSuperAdmin(db: Database, input: { email: string; fullName: string; passwordHash: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql.INSERT_SUPER_ADMIN, [input.email.toLowerCase(), input.fullName, input.passwordHash]);
  return rows[0]!.id;
}

/**
 * Runs a user write and, when it is refused because the email is taken, counts that against the organization's
 * limit in a transaction of its own (the refused one rolls back): user emails are unique across organizations, so
 * each such 409 tells an admin that an account exists somewhere, and past the limit the answer is 429 instead.
 */
export async function limitEmailClashes<T>(db: Database, ctx: TenantContext, max: number, windowSeconds: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    // users_email_key: the email belongs to a user already (emails are unique across the platform).
    if (violatedUnique(err) === 'users_email_key' && ctx.organizationId) {
      await withTenant(db, ctx, (tx) => throttle(tx, `user-email-clash:${ctx.organizationId}`, max, windowSeconds));
    }
    throw err;
  }
}
