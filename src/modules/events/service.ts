import type { Queryable } from '../../db/client.js';
import { after, cursorOf, eventId, parseEventId, type Cursor, type EventHub } from './hub.js';
import { BACKLOG, EVENTS_AFTER, EVENTS_HEAD, type EventRow } from './sql.js';

export { EventHub, parseEventId } from './hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's reader of the organization event stream (GET /api/events). */
    events: EventHub;
  }
}

/** How far back a reconnecting client is served: at most this many events. */
export const BACKLOG_LIMIT = 1000;

/** An event as the stream (and webhooks) carry it: `{ type, timestamp, data }` under its SSE id. */
export function toStreamEvent(e: EventRow) {
  return { id: eventId(cursorOf(e)), type: e.type, body: { type: e.type, timestamp: e.occurred_at.toISOString(), data: e.data } };
}

/** The organization's events after a client's Last-Event-ID, oldest first (RLS scopes them). */
export async function backlog(tx: Queryable, since: Cursor): Promise<EventRow[]> {
  const { rows } = await tx.query<EventRow>(BACKLOG, [since.xid.toString(), since.id.toString(), BACKLOG_LIMIT]);
  return rows;
}

/**
 * Streams an organization's events to `send`: first what came after `since` (read by `readBacklog`), then live
 * ones, each once and in order. The live subscription starts before the backlog is read and skips what the
 * backlog already sent, so nothing falls between the two.
 */
export async function streamEvents(
  hub: EventHub,
  organizationId: string,
  since: string | undefined,
  readBacklog: (since: Cursor) => Promise<EventRow[]>,
  send: (e: ReturnType<typeof toStreamEvent>) => void,
): Promise<() => void> {
  let last: Cursor | null = null;
  let ready = false;
  const queued: EventRow[] = [];
  const deliver = (e: EventRow) => {
    const c = cursorOf(e);
    if (last && !after(c, last)) return;
    last = c;
    send(toStreamEvent(e));
  };
  const unsubscribe = hub.subscribe(organizationId, (e) => (ready ? deliver(e) : queued.push(e)));
  const from = parseEventId(since);
  if (from) {
    last = from;
    for (const e of await readBacklog(from)) deliver(e);
  }
  ready = true;
  for (const e of queued) deliver(e);
  return unsubscribe;
}

/** Every organization's settled events after a cursor, for platform readers (the webhook dispatcher). */
export async function eventsAfter(q: Queryable, from: Cursor, limit: number): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(EVENTS_AFTER, [from.xid.toString(), from.id.toString(), limit]);
  return rows;
}

/** The newest settled event: where a reader that starts now begins. */
export async function eventsHead(q: Queryable): Promise<Cursor> {
  const { rows } = await q.query<{ xid: string; id: string }>(EVENTS_HEAD);
  return cursorOf(rows[0]!);
}

export { cursorOf, eventId, type Cursor } from './hub.js';
export type { EventRow } from './sql.js';
