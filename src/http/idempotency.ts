import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../db/client.js';
import { AppError } from './errors.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** The request header of the routes that honour one (checked by `idempotent`: 1-200 visible ASCII characters). */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .max(200)
    .optional()
    .describe(
      `1-200 visible ASCII characters, remembered ${IDEMPOTENCY_TTL_HOURS} h per caller: the same key with the same body answers the first answer again (Idempotent-Replayed: true) and creates nothing; with another body, 409 idempotency_conflict`,
    ),
});

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Whose keys these are. A key is remembered per organization *and* caller, so that nobody can block another
 * caller's key or replay it to receive their answer: a signed-in user's keys are theirs (`user:<id>`); a widget
 * visitor's are bound to the venue's embed key and to their client (address and user agent, see clientScope).
 */
export interface IdempotencyOptions {
  scope: string;
  /** Top-level fields of the answer that are secrets (a manage token): stored sealed, never in plain text. */
  sealed?: readonly string[];
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
 * The scope of an anonymous caller: the embed key's venue and a hash of the client's address and user agent. A
 * visitor retrying after a lost answer comes from the same browser, so the retry finds its key; someone else who
 * learnt the key and body does not. (Behind TRUST_PROXY the address is X-Forwarded-For's.)
 */
export function clientScope(request: FastifyRequest, venueId: string): string {
  const client = createHash('sha256').update(`${request.ip}\n${request.headers['user-agent'] ?? ''}`).digest('base64url');
  return `widget:${venueId}:${client}`;
}

// The stored key is a hash of scope and key, and sealed fields are encrypted with a key derived from them by
// another hash: whoever reads the table (a leaked backup) learns neither the keys nor the secrets, and the caller
// who presents the key again can open its answer.
const storedKey = (scope: string, key: string) => createHash('sha256').update(`idempotency-key\n${scope}\n${key}`).digest('base64url');
const sealingKey = (scope: string, key: string) => createHmac('sha256', `idempotency-seal\n${scope}`).update(key).digest();

function seal(value: unknown, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `sealed:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
}

function unseal(value: unknown, secret: Buffer): unknown {
  if (typeof value !== 'string' || !value.startsWith('sealed:')) return value;
  const raw = Buffer.from(value.slice('sealed:'.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', secret, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
}

function mapFields<T>(body: T, fields: readonly string[], fn: (v: unknown) => unknown): T {
  if (!fields.length || !body || typeof body !== 'object') return body;
  const copy = { ...(body as Record<string, unknown>) };
  for (const f of fields) if (f in copy) copy[f] = fn(copy[f]);
  return copy as T;
}

/**
 * Runs `run` at most once per Idempotency-Key of one caller (`opts.scope`) in the current organization, inside the
 * caller's transaction. The key row is inserted first: a concurrent request with the same key blocks on that insert
 * until the first commits, then sees its stored answer. If the first one fails, its transaction (key row included)
 * rolls back and the retry runs afresh. Same key with another request: 409 idempotency_conflict.
 */
export async function idempotent<T>(
  tx: Queryable,
  key: string | undefined,
  fingerprint: string,
  now: Date,
  opts: IdempotencyOptions,
  run: () => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (key === undefined) return { ...(await run()), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1-200 visible ASCII characters', { 'headers.idempotency-key': 'invalid' });
  }
  const stored = storedKey(opts.scope, key);
  const sealed = opts.sealed ?? [];
  await tx.query('delete from idempotency_keys where key = $1 and expires_at <= $2', [stored, now]);
  const expires = new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000);
  const claimed = await tx.query(
    `insert into idempotency_keys (organization_id, key, request_hash, expires_at) values (app_current_org(), $1, $2, $3)
     on conflict (organization_id, key) do nothing returning key`,
    [stored, fingerprint, expires],
  );
  if (claimed.rows.length === 0) {
    const { rows } = await tx.query<{ request_hash: string; response_status: number | null; response_body: T }>(
      'select request_hash, response_status, response_body from idempotency_keys where key = $1',
      [stored],
    );
    const prior = rows[0];
    if (!prior || prior.request_hash !== fingerprint || prior.response_status === null) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used for a different request');
    }
    const secret = sealingKey(opts.scope, key);
    return { status: prior.response_status, body: mapFields(prior.response_body, sealed, (v) => unseal(v, secret)), replayed: true };
  }
  const result = await run();
  const secret = sealingKey(opts.scope, key);
  await tx.query('update idempotency_keys set response_status = $2, response_body = $3 where key = $1', [
    stored,
    result.status,
    JSON.stringify(mapFields(result.body, sealed, (v) => seal(v, secret))),
  ]);
  return { ...result, replayed: false };
}
