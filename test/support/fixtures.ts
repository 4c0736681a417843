import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { call } from './app.js';

let counter = 0;
/** A unique email for this test run. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${counter}.${randomBytes(4).toString('hex')}@example.test`;
}

export const PASSWORD = 'correct horse battery';

export interface SignedUpOrg {
  token: string;
  userId: string;
  organizationId: string;
  email: string;
}

/** Signs up a new organization through the API and returns its admin's token. */
export async function signupOrg(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<SignedUpOrg> {
  const email = uniqueEmail('admin');
  const res = await call(app, 'POST', '/api/auth/signup', {
    body: { email, password: PASSWORD, full_name: 'Ada Admin', organization_name: 'Escape Works', timezone: 'America/New_York', currency: 'USD', ...overrides },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { token: res.body.token, userId: res.body.user.id, organizationId: res.body.organization.id, email: (overrides.email as string) ?? email };
}

/** Adds a user with the given role to the admin's organization and signs them in. */
export async function addUser(app: FastifyInstance, adminToken: string, role: 'admin' | 'manager' | 'staff') {
  const email = uniqueEmail(role);
  const created = await call(app, 'POST', '/api/users', { token: adminToken, body: { email, full_name: `Some ${role}`, role, password: PASSWORD } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const login = await call(app, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return { token: login.body.token as string, userId: created.body.id as string, email };
}
