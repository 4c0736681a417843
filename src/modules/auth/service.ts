import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { Database, Queryable } from '../../db/client.js';
import { withTenant, type TenantContext } from '../../db/tenant.js';
import { hashToken, lookupSession, sessionUser, type Role } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { createDefaultTemplates, type Mailer } from '../notifications/service.js';
import { createOrganization, getOrganization } from '../organizations/service.js';
import { hashPassword, insertUser } from '../users/service.js';
import { LOGIN_LOOKUP, RESET_CHECK, RESET_CONSUME, RESET_CREATE, SESSION_CREATE, SESSION_REVOKE } from './sql.js';
import { throttle } from '../../http/throttle.js';

/** Where a request came from: recorded on sessions and in the audit log. */
export interface ClientInfo {
  requestId: string;
  clientIp: string;
  userAgent: string | null;
}

export interface AuthSettings {
  sessionTtlHours: number;
  resetTtlMinutes: number;
  loginMaxPerEmailAndAddress: number;
  loginMaxPerEmail: number;
  loginMaxPerAddress: number;
  loginWindowSeconds: number;
  resetMaxPerEmail: number;
  signupMaxPerAddress: number;
  signupMaxPerEmail: number;
  signupWindowSeconds: number;
  publicBaseUrl: string;
}

/**
 * Runs a task once the response has been sent. Mail is queued this way, so whether a message was due (the
 * address has an account) never changes the work done before the answer.
 */
export type AfterResponse = (task: () => Promise<void>) => void;

const INVALID_LOGIN = 'Email or password is incorrect';
// Verified against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));

/** What signup answers for an email that already has an account, in any organization. */
export const CHECK_EMAIL = { status: 'check_email', message: 'Check your inbox: we sent a message to this address to continue' } as const;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

async function openSession(tx: Queryable, userId: string, ttlHours: number, client: ClientInfo, now: Date) {
  const token = newToken();
  const expires = new Date(now.getTime() + ttlHours * 3_600_000);
  const { rows } = await tx.query<{ id: string | null }>(SESSION_CREATE, [userId, hashToken(token), expires, client.clientIp, client.userAgent]);
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

/** Queues a message after the response, logging nothing but failures (the body may hold a token). */
function mailLater(later: AfterResponse, mailer: Mailer, message: Parameters<Mailer['send']>[0]) {
  later(() => mailer.send(message));
}

type SignupInput = { email: string; password: string; full_name: string; organization_name: string; timezone?: string | undefined; currency?: string | undefined };

/**
 * Creates an organization and its first admin, and signs the admin in. An email that already has an account
 * (of any organization, or the operator's) gets CHECK_EMAIL instead, and its owner a message saying so: the
 * answer never says "this email exists", and the account's owner learns of the attempt. Throttled per address
 * and per email before any hashing.
 */
export async function signup(
  db: Database,
  mailer: Mailer,
  input: SignupInput,
  settings: AuthSettings,
  client: ClientInfo,
  now: Date,
  later: AfterResponse,
) {
  const existing = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    await throttle(tx, `signup:addr:${client.clientIp}`, settings.signupMaxPerAddress, settings.signupWindowSeconds);
    await throttle(tx, `signup:email:${input.email}`, settings.signupMaxPerEmail, settings.signupWindowSeconds);
    const { rows } = await tx.query<{ organization_id: string | null; active: boolean }>(LOGIN_LOOKUP, [input.email]);
    return rows[0];
  });
  if (existing) {
    if (existing.active) {
      mailLater(later, mailer, {
        organizationId: existing.organization_id,
        to: input.email,
        kind: 'signup_existing',
        subject: 'Someone tried to sign up with your address',
        body: `Hello,\n\nSomeone tried to create a new BookingTMS organization with this address, which already has an account. If it was you, sign in at ${settings.publicBaseUrl}/login, or reset your password at ${settings.publicBaseUrl}/reset-password.\n\nIf it was not you, ignore this message; nothing was changed.\n`,
      });
    }
    return CHECK_EMAIL;
  }
  const passwordHash = await hashPassword(input.password);
  const organizationId = randomUUID();
  const userId = randomUUID();
  try {
    return await withTenant(db, ctx(client, organizationId, userId, 'admin'), async (tx) => {
      const organization = await createOrganization(tx, {
        id: organizationId,
        name: input.organization_name,
        timezone: input.timezone ?? 'UTC',
        currency: input.currency ?? 'USD',
        email: input.email,
      });
      const user = await insertUser(tx, { id: userId, email: input.email, full_name: input.full_name, role: 'admin', passwordHash });
      // Every organization starts with editable templates for every event and channel (docs/notifications.md).
      await createDefaultTemplates(tx);
      const token = await openSession(tx, userId, settings.sessionTtlHours, client, now);
      return { token, user, organization };
    });
  } catch (err) {
    // Another signup took the email between the look-up and the insert: the same answer as above.
    if (err instanceof AppError && err.code === 'already_exists' && err.fields?.email) return CHECK_EMAIL;
    throw err;
  }
}

/**
 * Checks the password and opens a session. Unknown email and wrong password answer the same, in the same time.
 * Limited per (email, address) first, so guesses from one place lock only that place out; the per-email ceiling
 * is higher and stops guessing spread over many addresses.
 */
export async function login(db: Database, input: { email: string; password: string }, settings: AuthSettings, client: ClientInfo, now: Date) {
  // Counted in their own transaction so failed attempts stay counted.
  const account = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    await throttle(tx, `login:email-addr:${input.email}:${client.clientIp}`, settings.loginMaxPerEmailAndAddress, settings.loginWindowSeconds);
    await throttle(tx, `login:email:${input.email}`, settings.loginMaxPerEmail, settings.loginWindowSeconds);
    await throttle(tx, `login:addr:${client.clientIp}`, settings.loginMaxPerAddress, settings.loginWindowSeconds);
    const { rows } = await tx.query<{ user_id: string; organization_id: string | null; role: Role; password_hash: string | null; active: boolean }>(LOGIN_LOOKUP, [
      input.email,
    ]);
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
  await withTenant(db, { organizationId: null, userId: null }, (tx) => tx.query(SESSION_REVOKE, [sessionId]));
}

/**
 * Emails a one-time reset link when the address belongs to an active user; the link replaces any earlier one.
 * Known and unknown addresses run the same statements before the caller answers 202, and the mail is queued
 * after the answer, so neither the response nor its timing tells whether an account exists.
 */
export async function requestPasswordReset(
  db: Database,
  mailer: Mailer,
  email: string,
  settings: AuthSettings,
  client: ClientInfo,
  now: Date,
  later: AfterResponse,
) {
  const token = newToken();
  const expires = new Date(now.getTime() + settings.resetTtlMinutes * 60_000);
  const target = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    await throttle(tx, `reset:email:${email}`, settings.resetMaxPerEmail, settings.loginWindowSeconds);
    await throttle(tx, `reset:addr:${client.clientIp}`, settings.loginMaxPerAddress, settings.loginWindowSeconds);
    const { rows } = await tx.query<{ user_id: string; organization_id: string | null; full_name: string; email: string }>(RESET_CREATE, [
      email,
      hashToken(token),
      expires,
    ]);
    return rows[0];
  });
  if (!target) return;
  const link = `${settings.publicBaseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  mailLater(later, mailer, {
    organizationId: target.organization_id,
    to: target.email,
    kind: 'password_reset',
    subject: 'Reset your BookingTMS password',
    body: `Hello ${target.full_name},\n\nSomeone asked to reset your password. If it was you, open this link within ${settings.resetTtlMinutes} minutes:\n\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.\n`,
  });
}

/**
 * Spends a reset token, sets the new password and ends every session of the user (and, by the users trigger of
 * migration 0010, every other outstanding link). Throttled per address, and the token is checked before the
 * password is hashed, so an anonymous caller cannot make the server hash for free.
 */
export async function confirmPasswordReset(db: Database, token: string, password: string, settings: AuthSettings, client: ClientInfo) {
  const invalid = () => new AppError('validation_failed', 'The reset link is invalid or has expired', { token: 'invalid or expired' });
  const tokenHash = hashToken(token);
  const usable = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    await throttle(tx, `reset-confirm:addr:${client.clientIp}`, settings.loginMaxPerAddress, settings.loginWindowSeconds);
    const { rows } = await tx.query<{ ok: boolean }>(RESET_CHECK, [tokenHash]);
    return rows[0]?.ok === true;
  });
  if (!usable) throw invalid();
  const passwordHash = await hashPassword(password);
  const spent = await withTenant(db, ctx(client, null, null, null), async (tx) => {
    const { rows } = await tx.query(RESET_CONSUME, [tokenHash, passwordHash]);
    return rows[0];
  });
  if (!spent) throw invalid();
}
