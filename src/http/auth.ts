import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/client.js';
import { requestSettingsParams, requestSettingsSql } from '../db/tenant.js';
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

/** The organization a super_admin chose with X-Organization-Id (a uuid), or null. */
function chosenOrganization(request: FastifyRequest): string | null {
  const chosen = request.headers['x-organization-id'];
  return typeof chosen === 'string' && UUID.test(chosen) ? chosen.toLowerCase() : null;
}

function requireToken(request: FastifyRequest): string {
  const token = bearerToken(request);
  if (!token) throw new AppError('unauthenticated', 'Sign in first: send Authorization: Bearer <token>');
  return token;
}

/** Resolves the request's session, or throws 401. */
export async function authenticate(request: FastifyRequest): Promise<AuthContext> {
  const token = requireToken(request);
  // One statement outside any transaction: app_session_lookup is SECURITY DEFINER, so it runs as its owner
  // whoever calls it, and a tenant transaction (BEGIN, SET ROLE, COMMIT) around it would only add round trips
  // to every authenticated request. The request's own work still runs in its tenant transaction.
  const row = await lookupSession(request.server.db, token, request.server.clock());
  if (!row) throw new AppError('unauthenticated', 'The session is invalid or has expired');
  return toAuthContext(row, chosenOrganization(request));
}

function toAuthContext(row: SessionRow, chosenOrganizationId: string | null): AuthContext {
  const organizationId = row.role === 'super_admin' ? chosenOrganizationId : row.organization_id;
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

/** What a route requires of its caller. */
export interface Requirement {
  minRole: Role;
  needsTenant: boolean;
}

function checkRequirement(auth: AuthContext, req: Requirement): void {
  if (RANK[auth.role] < RANK[req.minRole]) {
    throw new AppError('forbidden', `This needs the ${req.minRole} role or higher`);
  }
  if (req.needsTenant && !auth.organizationId) {
    throw new AppError('validation_failed', 'A super_admin must choose an organization', {
      'headers.x-organization-id': 'required: the id of the organization to act in',
    });
  }
}

/** A session check deferred to the request's tenant transaction (see requireRole's `deferred`). */
export interface DeferredAuth extends Requirement {
  token: string;
}

const REQUIREMENT = Symbol('requirement');

/**
 * A preHandler that lets in `minRole` and every role above it. Tenant routes (the default) also need an
 * organization: a super_admin names one with the X-Organization-Id header.
 *
 * `deferred` (for hot routes whose handler does nothing before its tenant transaction): the session is looked up
 * by the statement that opens that transaction (withSession), one round trip instead of two. Such a handler must
 * reach `actor(request)` only inside `request.tenant(...)`.
 */
export function requireRole(minRole: Role, opts: { tenant?: boolean; deferred?: boolean } = {}) {
  const requirement: Requirement = { minRole, needsTenant: opts.tenant ?? true };
  const guard = async (request: FastifyRequest, _reply: FastifyReply) => {
    if (opts.deferred) {
      request.deferredAuth = { ...requirement, token: requireToken(request) };
      return;
    }
    const auth = await authenticate(request);
    request.auth = auth;
    checkRequirement(auth, requirement);
  };
  // The OpenAPI document reads a route's security, role and organization header from its guard (http/openapi.ts).
  return Object.assign(guard, { [REQUIREMENT]: requirement });
}


/** What a route's requireRole guard requires, if its preHandler (one or a list) has one. */
export function requirementOf(preHandler: unknown): Requirement | undefined {
  for (const h of Array.isArray(preHandler) ? preHandler : [preHandler]) {
    const found = (h as { [REQUIREMENT]?: Requirement } | undefined)?.[REQUIREMENT];
    if (found) return found;
  }
  return undefined;
}

/**
 * Runs `fn` in the request's tenant transaction, opened by one statement that looks the session up and sets the
 * organization, actor and audit context from it (BEGIN included: one round trip on a server). No session, the
 * wrong role or no organization throws before `fn` runs, and the transaction is rolled back with nothing done.
 */
export function withSession<T>(request: FastifyRequest, pending: DeferredAuth, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const chosen = chosenOrganization(request);
  return request.server.db.transaction(
    async (tx, started) => {
      const row = started[0] as SessionRow | undefined;
      if (!row) throw new AppError('unauthenticated', 'The session is invalid or has expired');
      const auth = toAuthContext(row, chosen);
      request.auth = auth;
      checkRequirement(auth, pending);
      return fn(tx);
    },
    {
      sql: `select s.session_id, s.user_id, s.organization_id, s.role, s.email, s.full_name, s.created_at,
                   set_config('app.organization_id', case when s.role = 'super_admin' then $3 else coalesce(s.organization_id::text, '') end, true),
                   set_config('app.user_id', s.user_id::text, true), set_config('app.actor_role', s.role, true), ${requestSettingsSql(4)}
              from app_session_lookup($1, $2) s`,
      params: [
        hashToken(pending.token),
        request.server.clock().toISOString(),
        chosen ?? '',
        ...requestSettingsParams({ requestId: request.id, clientIp: request.ip, userAgent: request.headers['user-agent'] ?? null }),
      ],
    },
  );
}

/** The signed-in actor; only valid after requireRole ran. */
export function actor(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first');
  return request.auth;
}
