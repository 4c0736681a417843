import type { Database, Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { cursorOf, eventsAfter, eventsHead, type EventRow } from '../events/service.js';
import type { InAppNotification, NotificationSettings } from './schemas.js';
import * as sql from './sql.js';

type Row = Omit<InAppNotification, 'read_at' | 'created_at'> & { read_at: Date | null; created_at: Date };
const toNotification = (r: Row): InAppNotification => ({ ...r, read_at: r.read_at?.toISOString() ?? null, created_at: r.created_at.toISOString() });

/** The signed-in user's notifications, newest first (RLS shows a user only their own). */
export const listNotifications = (tx: Queryable, unread: boolean | undefined, page: Pagination) => fetchPage(tx, sql.LIST, [unread ?? null], page, toNotification);

export async function markRead(tx: Queryable, id: string, now: Date): Promise<InAppNotification> {
  const { rows } = await tx.query<Row>(sql.MARK_READ, [id, now]);
  if (!rows[0]) throw notFound('Notification');
  return toNotification(rows[0]);
}

export async function markAllRead(tx: Queryable, now: Date): Promise<void> {
  await tx.query(sql.MARK_ALL_READ, [now]);
}

export async function deleteNotification(tx: Queryable, id: string): Promise<void> {
  const { rows } = await tx.query(sql.DELETE, [id]);
  if (!rows[0]) throw notFound('Notification');
}

export async function getSettings(tx: Queryable): Promise<NotificationSettings> {
  const { rows } = await tx.query<{ settings: NotificationSettings }>(sql.GET_SETTINGS);
  return rows[0]?.settings ?? {};
}

export async function putSettings(tx: Queryable, settings: NotificationSettings): Promise<NotificationSettings> {
  const { rows } = await tx.query<{ settings: NotificationSettings }>(sql.PUT_SETTINGS, [JSON.stringify(settings)]);
  return rows[0]!.settings;
}

const EVERYONE = ['admin', 'manager', 'staff'];

/** Tells the organization's users (of `roles`) in the transaction's organization. */
export async function notifyUsers(tx: Queryable, n: { event: string; title: string; body?: string; record?: { table: string; id: string } | null; roles?: string[] }): Promise<void> {
  await tx.query(sql.NOTIFY_USERS, [n.event, n.roles ?? EVERYONE, n.title, n.body ?? '', n.record ? JSON.stringify(n.record) : null]);
}

/** What an event tells staff, if anything: a widget booking and any cancellation. */
function noticeOf(e: EventRow): Parameters<typeof notifyUsers>[1] | null {
  const d = e.data as { id: string; booking_number: string; source: string; party_size: number; booking_date: string };
  if (e.type === 'booking.created' && d.source === 'widget') {
    return { event: e.type, title: `New widget booking ${d.booking_number}`, body: `${d.party_size} players on ${d.booking_date}`, record: { table: 'bookings', id: d.id } };
  }
  if (e.type === 'booking.cancelled') {
    return { event: e.type, title: `${d.booking_number} was cancelled`, body: `Booked for ${d.booking_date}`, record: { table: 'bookings', id: d.id } };
  }
  return null;
}

/**
 * One pass of the in-app dispatcher: reads the event stream after its durable cursor and writes the notifications
 * it calls for, and moves the cursor, all in one transaction holding the cursor's row lock: passes of several
 * processes take turns, and a crash loses nothing and writes nothing twice.
 */
export async function dispatchInbox(db: Database, batch = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const stored = (await tx.query<{ xid: string; id: string }>(sql.READ_CURSOR)).rows[0];
    const from = stored ? cursorOf(stored) : await eventsHead(tx);
    const events = await eventsAfter(tx, from, batch);
    for (const e of events) {
      const notice = noticeOf(e);
      if (!notice) continue;
      // The insert names its organization through app_current_org(), as a request's would.
      await tx.query(sql.ENTER_ORGANIZATION, [e.organization_id]);
      await notifyUsers(tx, notice);
    }
    const last = events.length ? cursorOf(events[events.length - 1]!) : from;
    if (!stored || events.length) await tx.query(sql.WRITE_CURSOR, [last.xid.toString(), last.id.toString()]);
    return events.length;
  });
}
