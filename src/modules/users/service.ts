import argon2 from 'argon2';
import type { Queryable } from '../../db/client.js';
import { likePattern } from '../../db/like.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { User } from './schemas.js';

interface UserRow {
  id: string;
  email: string;
  full_name: string;
  role: User['role'];
  organization_id: string | null;
  active: boolean;
  created_at: Date;
}

const COLUMNS = 'id, email::text, full_name, role, organization_id, active, created_at';

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

function emailTaken(err: unknown): boolean {
  return (err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'users_email_key';
}

const EMAIL_TAKEN = () => new AppError('already_exists', 'A user with this email already exists', { email: 'already in use' });

/** Inserts a user of the current organization. */
export async function insertUser(
  tx: Queryable,
  input: { id?: string; email: string; full_name: string; role: User['role']; passwordHash: string | null },
): Promise<User> {
  try {
    const { rows } = await tx.query<UserRow>(
      `insert into users (id, organization_id, email, full_name, role, password_hash)
       values (coalesce($1, gen_random_uuid()), app_current_org(), $2, $3, $4, $5) returning ${COLUMNS}`,
      [input.id ?? null, input.email, input.full_name, input.role, input.passwordHash],
    );
    return toUser(rows[0]!);
  } catch (err) {
    if (emailTaken(err)) throw EMAIL_TAKEN();
    throw err;
  }
}

/** One user of the current organization. */
export async function getUser(tx: Queryable, id: string): Promise<User> {
  const { rows } = await tx.query<UserRow>(`select ${COLUMNS} from users where id = $1`, [id]);
  if (!rows[0]) throw notFound('User');
  return toUser(rows[0]);
}

/** The organization's users, filtered and paginated. */
export async function listUsers(
  tx: Queryable,
  filter: { q?: string | undefined; role?: string | undefined; active?: boolean | undefined },
  page: Pagination,
) {
  const where = `($1::text is null or email ilike $1 or full_name ilike $1)
    and ($2::text is null or role = $2) and ($3::boolean is null or active = $3)`;
  const params = [filter.q ? likePattern(filter.q) : null, filter.role ?? null, filter.active ?? null];
  return fetchPage(
    tx,
    { page: (limit, offset) => `select ${COLUMNS} from users where ${where} order by created_at, id limit ${limit} offset ${offset}`, count: `users where ${where}` },
    params,
    page,
    toUser,
  );
}

/** Changes the given fields. An admin cannot demote or deactivate themselves (the organization would lose its owner). */
export async function updateUser(
  tx: Queryable,
  actorId: string,
  id: string,
  input: { email?: string; full_name?: string; role?: User['role']; passwordHash?: string | null; active?: boolean },
): Promise<User> {
  if (id === actorId && ((input.role && input.role !== 'admin') || input.active === false)) {
    throw new AppError('rule_violation', 'You cannot demote or deactivate yourself; ask another admin');
  }
  try {
    const { rows } = await tx.query<UserRow>(
      `update users set email = coalesce($2, email), full_name = coalesce($3, full_name), role = coalesce($4, role),
         password_hash = coalesce($5, password_hash), active = coalesce($6, active)
       where id = $1 returning ${COLUMNS}`,
      [id, input.email ?? null, input.full_name ?? null, input.role ?? null, input.passwordHash ?? null, input.active ?? null],
    );
    if (!rows[0]) throw notFound('User');
    // A deactivated user or a changed password ends every open session of that user.
    if (input.active === false || input.passwordHash) await tx.query('select app_sessions_revoke_user($1)', [id]);
    return toUser(rows[0]);
  } catch (err) {
    if (emailTaken(err)) throw EMAIL_TAKEN();
    throw err;
  }
}

/** Deactivates (never deletes: bookings and the audit trail keep pointing at the user). */
export function deactivateUser(tx: Queryable, actorId: string, id: string): Promise<User> {
  return updateUser(tx, actorId, id, { active: false });
}
