import type { Database } from '../../../src/db/client.js';

/**
 * The messages of a kind queued for an address, waiting until there are at least `count`: auth mail is queued after
 * the response has been sent, so it may land a moment after the answer.
 */
export async function mailsTo(db: Database, to: string, kind: string, count = 1): Promise<string[]> {
  for (let i = 0; ; i++) {
    const { rows } = await db.query<{ body: string }>('select body from email_outbox where kind = $1 and to_address = $2 order by created_at', [kind, to]);
    if (rows.length >= count || i >= 200) return rows.map((r) => r.body);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The reset token in a password_reset message. */
export const resetToken = (body: string) => decodeURIComponent(/token=([^\s]+)/.exec(body)![1]!);
