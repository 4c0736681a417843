import type { Database } from '../../db/client.js';
import { INSERT_SUPER_ADMIN } from './sql.js';

/**
 * Creates the platform operator. Runs on the owner connection (the CLI), not as the app role: no request can
 * make a super_admin, and the row belongs to no organization.
 */
export async function createSuperAdmin(db: Database, input: { email: string; fullName: string; passwordHash: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(INSERT_SUPER_ADMIN, [input.email.toLowerCase(), input.fullName, input.passwordHash]);
  return rows[0]!.id;
}
