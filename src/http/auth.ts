import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/client.js';
import { AppError } from './errors.js';

export type Role = 'super_admin' | 'admin' | 'manager' | 'staff';

const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3, super_admin: 4 };

/** The authenticated actor of a request. */
export interface AuthContext {
  sessionId: string;
  userId: string;
  role: Role;
  email: string;
  fullName: string;
  /** The user's own organization (null for a super_admin). */
  homeOrganizationId: string | null;
  /** The organization acted in: the user's own, or the one a super_admin chose with X-Organization-Id. */
  organizationId: string | null;
  userCreatedAt: Date;
}

export const SESSION_COOKIE = 'session';

/** Session tokens are stored only as this hash: a stolen database cannot be replayed as logins. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,200})$/.exec(header);
    return m?.[1];
  }
  return request.cookies?.[SESSION_COOKIE];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionRow {
  session_id: string;
  user_id: string;
  organization_id: string | null;
  role: Role;
  email: string;
  full_name: string;
  created_at: Date;
}

/** The live session behind a token, if any (a definer function: sessions are not readable by the app role). */
export async function lookupSession(tx: Queryable, token: string, now: Date): Promise<SessionRow | undefined> {
  const { rows } = await tx.query<SessionRow>('select * from app_session_lookup($1, $2)', [hashToken(token), now]);
  return rows[0];
}

/** The API `user` shape of a session's user. */
export function sessionUser(s: Pick<SessionRow, 'user_id' | 'email' | 'full_name' | 'role' | 'organization_id' | 'created_at'>) {
  return {
    id: s.user_id,
    email: s.email,
    full_name: s.full_name,
    role: s.role,
    organization_id: s.organization_id,
    active: true,
    created_at: s.created_at.toISOString(),
  };
}

/** Resolves the request's session, or throws 401. */
export async function authenticate(request: FastifyRequest): Promise<AuthContext> {
  const token = bearerToken(request);
  if (!token) throw new AppError('unauthenticated', 'Sign in first: send Authorization: Bearer <token>');
  // One statement outside any transaction: app_session_lookup is SECURITY DEFINER, so it runs as its owner
  // whoever calls it, and a tenant transaction (BEGIN, SET ROLE, COMMIT) around it would only add round trips
  // to every authenticated request. The request's own work still runs in its tenant transaction.
  const row = await lookupSession(request.server.db, token, request.server.clock());
  if (!row) throw new AppError('unauthenticated', 'The session is invalid or has expired');
  let organizationId = row.organization_id;
  if (row.role === 'super_admin') {
    const chosen = request.headers['x-organization-id'];
    organizationId = typeof chosen === 'string' && UUID.test(chosen) ? chosen.toLowerCase() : null;
  }
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    role: row.role,
    email: row.email,
    fullName: row.full_name,
    homeOrganizationId: row.organization_id,
    organizationId,
    userCreatedAt: row.created_at,
  };
}

/**
 * A preHandler that lets in `minRole` and every role above it. Tenant routes (the default) also need an
 * organization: a super_admin names one with the X-Organization-Id header.
 */
export function requireRole(minRole: Role, opts: { tenant?: boolean } = {}) {
  const needsTenant = opts.tenant ?? true;
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const auth = await authenticate(request);
    request.auth = auth;
    if (RANK[auth.role] < RANK[minRole]) {
      throw new AppError('forbidden', `This needs the ${minRole} role or higher`);
    }
    if (needsTenant && !auth.organizationId) {
      throw new AppError('validation_failed', 'A super_admin must choose an organization', {
        'headers.x-organization-id': 'required: the id of the organization to act in',
      });
    }
  };
}

/** The signed-in actor; only valid after requireRole ran. */
export function actor(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first');
  return request.auth;
}
