import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { markEntered } from '../../db/tenant.js';
import { hashToken } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { venueCalendarBookings } from '../bookings/service.js';
import { getVenue } from '../venues/service.js';
import { bookingsFeed } from './feed.js';
import type { CalendarFeedAnswer } from './schemas.js';
import * as sql from './sql.js';

const DAY_MS = 86_400_000;
/** What a feed holds: bookings starting from 60 days before the current (UTC) day to 365 days after it. */
const FEED_DAYS_BEFORE = 60;
const FEED_DAYS_AFTER = 365;

// 256 random bits, base64url: 43 characters. Anything else cannot be a token, and is not looked up.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Makes the venue's feed URL (manager): a new secret token, stored as its hash only. A venue has one URL at a time,
 * so calling again rotates it: the previous URL stops working with this commit. 404 for another organization's
 * venue, 422 for an archived one.
 */
export async function createCalendarFeed(tx: Queryable, venueId: string, baseUrl: string): Promise<CalendarFeedAnswer> {
  const venue = await getVenue(tx, venueId, { includeArchived: true });
  if (venue.archived_at) throw new AppError('rule_violation', 'The venue is archived: it has no calendar feed');
  const token = randomBytes(32).toString('base64url');
  await tx.query(sql.SET_FEED, [venue.id, hashToken(token)]);
  return { url: `${baseUrl}/api/public/calendar/${token}.ics` };
}

/** A feed as served: its iCalendar text and a strong validator of it. */
export interface CalendarFeed {
  ics: string;
  etag: string;
}

/**
 * The feed behind a token (public): the venue's live bookings in the window around `now`, with no customer data.
 * The token is looked up by its hash, which points the transaction at the venue's organization (RLS from there);
 * an unknown, replaced or malformed token, or an archived venue, is 404 like any unknown resource.
 */
export async function calendarFeed(tx: Queryable, token: string, now: Date): Promise<CalendarFeed> {
  if (!TOKEN.test(token)) throw notFound('Calendar feed');
  const { rows } = await tx.query<{ organization_id: string; venue_id: string }>(sql.ENTER_FEED, [hashToken(token)]);
  if (!rows[0]) throw notFound('Calendar feed');
  markEntered(tx, rows[0].organization_id);
  const venue = await getVenue(tx, rows[0].venue_id);
  // The window moves a day at a time (from the UTC midnight before now), so a feed is the same bytes, and has the
  // same ETag, between two changes of its bookings within a day.
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const from = new Date(today - FEED_DAYS_BEFORE * DAY_MS);
  const to = new Date(today + (FEED_DAYS_AFTER + 1) * DAY_MS);
  const bookings = await venueCalendarBookings(tx, venue.id, from, to);
  const ics = await bookingsFeed({ venue, bookings, from, to });
  return { ics, etag: `"${createHash('sha256').update(ics).digest('base64url')}"` };
}
