/** The events module's SQL: domain_events rows are written by triggers (migration 0016), only read here. */

/** Every organization's settled events after the cursor ($1 xid, $2 id), at most $3 (app_domain_events_after). */
export const EVENTS_AFTER = 'select organization_id, id::text, xid::text, type, data, occurred_at from app_domain_events_after($1::xid8, $2::bigint, $3)';

/** The newest settled event: a new hub starts after it. */
export const EVENTS_HEAD = 'select xid::text, id::text from app_domain_events_head()';

/**
 * This organization's settled events after a cursor ($1 xid, $2 id), oldest first, at most $3: a reconnecting
 * client's backlog (Last-Event-ID), under row-level security.
 */
export const BACKLOG = `select organization_id, id::text, xid::text, type, data, occurred_at from domain_events
  where (xid, id) > ($1::xid8, $2::bigint) and xid < app_event_horizon()
  order by xid, id limit $3`;

export interface EventRow {
  organization_id: string;
  id: string;
  xid: string;
  type: string;
  data: Record<string, unknown>;
  occurred_at: Date;
}
