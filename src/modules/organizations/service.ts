import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { DEFAULT_BRANDING, DEFAULT_POLICIES, type Organization, type UpdateOrganization } from './schemas.js';
import * as sql from './sql.js';

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  currency: string;
  email: string | null;
  phone: string | null;
  address: Record<string, string>;
  branding: Record<string, unknown>;
  policies: Record<string, unknown>;
  tax: { rate_bps: number; inclusive: boolean };
  created_at: Date;
  updated_at: Date;
}

/** The API shape, with defaults filled in for settings the organization never set. */
export function toOrganization(r: OrganizationRow): Organization {
  return {
    ...r,
    branding: { ...DEFAULT_BRANDING, ...r.branding },
    policies: { ...DEFAULT_POLICIES, ...r.policies },
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'org';
}

/** Creates the organization whose id the transaction context already names (signup). */
export async function createOrganization(
  tx: Queryable,
  input: { id: string; name: string; timezone: string; currency: string; email: string },
): Promise<Organization> {
  // Slugs are global; on a clash add a short random suffix rather than fail the signup.
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? slugify(input.name) : `${slugify(input.name)}-${randomBytes(3).toString('hex')}`;
    const { rows } = await tx.query<OrganizationRow>(sql.INSERT_ORGANIZATION, [input.id, input.name, slug, input.timezone, input.currency, input.email]);
    if (rows[0]) return toOrganization(rows[0]);
  }
}

/** The current organization (RLS shows no other). */
export async function getOrganization(tx: Queryable): Promise<Organization> {
  const { rows } = await tx.query<OrganizationRow>(sql.SELECT_CURRENT_ORGANIZATION);
  if (!rows[0]) throw notFound('Organization');
  return toOrganization(rows[0]);
}

/** Changes the given fields; branding and policies merge into what is stored. */
export async function updateOrganization(tx: Queryable, input: UpdateOrganization): Promise<Organization> {
  const { rows } = await tx.query<OrganizationRow>(sql.UPDATE_CURRENT_ORGANIZATION, [
    input.name ?? null,
    input.timezone ?? null,
    input.currency ?? null,
    input.email !== undefined,
    input.email ?? null,
    input.phone !== undefined,
    input.phone ?? null,
    input.address ? JSON.stringify(input.address) : null,
    input.branding ? JSON.stringify(input.branding) : null,
    input.policies ? JSON.stringify(input.policies) : null,
    input.tax?.rate_bps ?? null,
    input.tax?.inclusive ?? null,
  ]);
  if (!rows[0]) throw notFound('Organization');
  return toOrganization(rows[0]);
}
