import { createHash } from 'node:crypto';
import type { Queryable } from '../db/client.js';
import { AppError } from './errors.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A fingerprint of the request: same method, route and body (key order ignored) = same request. */
export function requestFingerprint(method: string, route: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${route} ${JSON.stringify(canonical(body))}`).digest('base64url');
}

/**
 * Runs `run` at most once per Idempotency-Key in the current organization, inside the caller's transaction.
 * The key row is inserted first: a concurrent request with the same key blocks on that insert until the first
 * commits, then sees its stored answer. If the first one fails, its transaction (key row included) rolls back and
 * the retry runs afresh. Same key with another request: 409 idempotency_conflict.
 */
export async function idempotent<T>(
  tx: Queryable,
  key: string | undefined,
  fingerprint: string,
  now: Date,
  run: () => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (key === undefined) return { ...(await run()), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1-200 visible ASCII characters', { 'headers.idempotency-key': 'invalid' });
  }
  await tx.query('delete from idempotency_keys where key = $1 and expires_at <= $2', [key, now]);
  const expires = new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000);
  const claimed = await tx.query(
    `insert into idempotency_keys (organization_id, key, request_hash, expires_at) values (app_current_org(), $1, $2, $3)
     on conflict (organization_id, key) do nothing returning key`,
    [key, fingerprint, expires],
  );
  if (claimed.rows.length === 0) {
    const { rows } = await tx.query<{ request_hash: string; response_status: number | null; response_body: T }>(
      'select request_hash, response_status, response_body from idempotency_keys where key = $1',
      [key],
    );
    const prior = rows[0];
    if (!prior || prior.request_hash !== fingerprint || prior.response_status === null) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used for a different request');
    }
    return { status: prior.response_status, body: prior.response_body, replayed: true };
  }
  const result = await run();
  await tx.query('update idempotency_keys set response_status = $2, response_body = $3 where key = $1', [key, result.status, JSON.stringify(result.body)]);
  return { ...result, replayed: false };
}
