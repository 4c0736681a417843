import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { Database, Queryable } from '../../db/client.js';
import { withTenant, type TenantContext } from '../../db/tenant.js';
import { hashToken, lookupSession, sessionUser, type Role } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import type { Mailer } from '../notifications/service.js';
import { createOrganization, getOrganization } from '../organizations/service.js';
import { hashPassword, insertUser } from '../users/service.js';

/** Where a request came from: recorded on sessions and in the audit log. */
export interface ClientInfo {
  requestId: string;
  clientIp: string;
  userAgent: string | null;
}

export interface AuthSettings {
  sessionTtlHours: number;
  resetTtlMinutes: number;
  loginMaxPerEmail: number;
  loginMaxPerAddress: number;
  loginWindowSeconds: number;
  publicBaseUrl: string;
}

const INVALID_LOGIN = 'Email or password is incorrect';
// Verified against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

async function openSession(tx: Queryable, userId: string, ttlHours: number, client: ClientInfo, now: Date) {
  const token = newToken();
  const expires = new Date(now.getTime() + ttlHours * 3_600_000);
  const { rows } = await tx.query<{ id: string | null }>('select app_session_create($1, $2, $3, $4, $5) as id', [
    userId,
    hashToken(token),
    expires,
    client.clientIp,
    client.userAgent,
  ]);
  if (!rows[0]?.id) throw new AppError('unauthenticated', INVALID_LOGIN);
  return token;
}

const ctx = (client: ClientInfo, organizationId: string | null, userId: string | null, actorRole: Role | null): TenantContext => ({
  organizationId,
  userId,
  actorRole,
  requestId: client.requestId,
  clientIp: client.clientIp,
  userAgent: client.userAgent,
});

/** Creates an organization and its first admin, and signs the admin in. */
export async function signup(
  db: Database,
  input: { email: string; password: string; full_name: string; organization_name: string; timezone?: string | undefined; currency?: string | undefined },
  settings: AuthSettings,
  client: ClientInfo,
  now: Date,
) {
  const passwordHash = await hashPassword(input.password);
  const organizationId = randomUUID();
  const userId = randomUUID();
  return withTenant(db, ctx(client, organizationId, userId, 'admin'), async (tx) => {
    const organization = await createOrganization(tx, {
      id: organizationId,
      name: input.organization_name,
      timezone: input.timezone ?? 'UTC',
      currency: input.currency ?? 'USD',
      email: input.email,
    });
    const user = await insertUser(tx, { id: userId, email: input.email, full_name: input.full_name, role: 'admin', passwordHash });
    const token = await openSession(tx, userId, settings.sessionTtlHours, client, now);
    return { token, user, organization };
  });
}

/** Counts an attempt against a shared limit; throws 429 with Retry-After when it is exceeded. */
async function throttle(tx: Queryable, key: string, max: number, windowSeconds: number) {
  const { rows } = await tx.query<{ hits: number; retry_after: number }>('select * from app_throttle_hit($1, $2)', [key, windowSeconds]);
  const hit = rows[0]!;
  if (hit.hits > max) {
    throw new AppError('rate_limited', `Too many attempts; retry in ${hit.retry_after} s`, undefined, {
      'retry-after': String(hit.retry_after),
    });
  }
}

/** Checks the password and opens a session. Unknown email and wrong password answer the same, in the same time. */
export async function login(db: Database, input: { email: string; password: string }, settings: AuthSettings, client: ClientInfo, now: Date) {
  // Counted in their own transaction so failed attempts stay counted.
  const account = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    await throttle(tx, `login:email:${input.email}`, settings.loginMaxPerEmail, settings.loginWindowSeconds);
    await throttle(tx, `login:addr:${client.clientIp}`, settings.loginMaxPerAddress, settings.loginWindowSeconds);
    const { rows } = await tx.query<{ user_id: string; organization_id: string | null; role: Role; password_hash: string | null; active: boolean }>(
      'select * from app_login_lookup($1)',
      [input.email],
    );
    return rows[0];
  });
  const ok = await argon2.verify(account?.password_hash ?? DUMMY_HASH, input.password);
  if (!account || !ok || !account.active || !account.password_hash) throw new AppError('unauthenticated', INVALID_LOGIN);
  return withTenant(db, ctx(client, account.organization_id, account.user_id, account.role), async (tx) => {
    const token = await openSession(tx, account.user_id, settings.sessionTtlHours, client, now);
    const session = await lookupSession(tx, token, now);
    if (!session) throw new AppError('unauthenticated', INVALID_LOGIN);
    const organization = account.organization_id ? await getOrganization(tx) : null;
    return { token, user: sessionUser(session), organization };
  });
}

/** Ends one session. */
export async function logout(db: Database, sessionId: string): Promise<void> {
  await withTenant(db, { organizationId: null, userId: null }, (tx) => tx.query('select app_session_revoke($1)', [sessionId]));
}

/**
 * Emails a one-time reset link when the address belongs to an active user. The caller answers 202 either way,
 * so the response never tells whether an account exists.
 */
export async function requestPasswordReset(db: Database, mailer: Mailer, email: string, settings: AuthSettings, client: ClientInfo, now: Date) {
  const token = newToken();
  const expires = new Date(now.getTime() + settings.resetTtlMinutes * 60_000);
  const target = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    await throttle(tx, `reset:email:${email}`, settings.loginMaxPerEmail, settings.loginWindowSeconds);
    await throttle(tx, `reset:addr:${client.clientIp}`, settings.loginMaxPerAddress, settings.loginWindowSeconds);
    const { rows } = await tx.query<{ user_id: string; organization_id: string | null; full_name: string; email: string }>(
      'select * from app_reset_create($1, $2, $3)',
      [email, hashToken(token), expires],
    );
    return rows[0];
  });
  if (!target) return;
  const link = `${settings.publicBaseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await mailer.send({
    organizationId: target.organization_id,
    to: target.email,
    kind: 'password_reset',
    subject: 'Reset your BookingTMS password',
    body: `Hello ${target.full_name},\n\nSomeone asked to reset your password. If it was you, open this link within ${settings.resetTtlMinutes} minutes:\n\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.\n`,
  });
}

/** Spends a reset token, sets the new password and ends every session of the user. */
export async function confirmPasswordReset(db: Database, token: string, password: string, client: ClientInfo) {
  const passwordHash = await hashPassword(password);
  const invalid = () => new AppError('validation_failed', 'The reset link is invalid or has expired', { token: 'invalid or expired' });
  const spent = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    const { rows } = await tx.query('select * from app_reset_consume($1, $2)', [hashToken(token), passwordHash]);
    return rows[0];
  });
  if (!spent) throw invalid();
}
