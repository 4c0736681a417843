import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { Delivery, Webhook } from './schemas.js';
import * as sql from './sql.js';
import { assertWebhookTarget } from './target.js';

export { runWebhookDispatch, type DispatchOptions } from './dispatch.js';

type Row = Omit<Webhook, 'created_at' | 'updated_at'> & { created_at: Date; updated_at: Date; secret?: string };
type DeliveryRow = Omit<Delivery, 'next_attempt_at' | 'delivered_at' | 'created_at'> & { next_attempt_at: Date | null; delivered_at: Date | null; created_at: Date };

const toWebhook = ({ secret: _secret, ...r }: Row): Webhook => ({ ...r, created_at: r.created_at.toISOString(), updated_at: r.updated_at.toISOString() });
const withSecret = (r: Row) => ({ ...toWebhook(r), secret: r.secret! });
const toDelivery = (r: DeliveryRow): Delivery => ({
  ...r,
  next_attempt_at: r.next_attempt_at?.toISOString() ?? null,
  delivered_at: r.delivered_at?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
});

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export async function createWebhook(tx: Queryable, input: { url: string; events: string[]; active: boolean; description?: string | undefined }, allowPrivate: boolean) {
  const url = await assertWebhookTarget(input.url, allowPrivate);
  const { rows } = await tx.query<Row>(sql.INSERT_ENDPOINT, [url.toString(), input.events, input.active, input.description ?? null, newSecret()]);
  return withSecret(rows[0]!);
}

export async function getWebhook(tx: Queryable, id: string): Promise<Webhook> {
  const { rows } = await tx.query<Row>(sql.SELECT_ENDPOINT, [id]);
  if (!rows[0]) throw notFound('Webhook');
  return toWebhook(rows[0]);
}

export const listWebhooks = (tx: Queryable, page: Pagination) => fetchPage(tx, sql.LIST_ENDPOINTS, [], page, toWebhook);

export async function updateWebhook(tx: Queryable, id: string, input: { url?: string | undefined; events?: string[] | undefined; active?: boolean | undefined; description?: string | undefined }, allowPrivate: boolean): Promise<Webhook> {
  await getWebhook(tx, id); // another organization's id is a 404 before anything about the body is said
  const url = input.url === undefined ? null : (await assertWebhookTarget(input.url, allowPrivate)).toString();
  const { rows } = await tx.query<Row>(sql.UPDATE_ENDPOINT, [id, url, input.events ?? null, input.active ?? null, input.description ?? null]);
  if (!rows[0]) throw notFound('Webhook');
  return toWebhook(rows[0]);
}

export async function deleteWebhook(tx: Queryable, id: string): Promise<void> {
  const { rows } = await tx.query(sql.DELETE_ENDPOINT, [id]);
  if (!rows[0]) throw notFound('Webhook');
}

/** A new signing secret, shown once; deliveries from now on are signed with it. */
export async function rotateSecret(tx: Queryable, id: string) {
  const { rows } = await tx.query<Row>(sql.ROTATE_SECRET, [id, newSecret()]);
  if (!rows[0]) throw notFound('Webhook');
  return withSecret(rows[0]);
}

export async function listDeliveries(tx: Queryable, id: string, status: Delivery['status'] | undefined, page: Pagination) {
  await getWebhook(tx, id);
  return fetchPage(tx, sql.LIST_DELIVERIES, [id, status ?? null], page, toDelivery);
}

/** Sends a delivery again at the next worker pass, with its original webhook-id. */
export async function replayDelivery(tx: Queryable, id: string, deliveryId: string, now: Date): Promise<Delivery> {
  const { rows } = await tx.query<DeliveryRow>(sql.REPLAY, [id, deliveryId, now]);
  if (!rows[0]) throw notFound('Delivery');
  return toDelivery(rows[0]);
}
