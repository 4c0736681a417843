import type { Database } from '../../src/db/client.js';

// Builders for facts no API can make yet. Fixtures go through the API (test/support/catalog.ts); each builder
// here says why it is SQL and what replaces it, and runs on the owner connection, past RLS.

/**
 * Backdates when a customer was created. created_at is the database's clock at the insert, and no API sets it
 * (a customer import would); tests of segments need customers older than the database's clock makes them.
 */
export async function backdateCustomer(db: Database, customerId: string, createdAt: string): Promise<void> {
  await db.query('update customers set created_at = $2 where id = $1', [customerId, createdAt]);
}
