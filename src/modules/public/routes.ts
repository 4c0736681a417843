import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicBaseUrl } from '../../config.js';
import { errors } from '../../http/fields.js';
import { calendarFeedBody, calendarTokenParams } from '../calendars/schemas.js';
import { calendarFeed } from '../calendars/service.js';
import { unsubscribeByToken } from '../customers/service.js';
import { notifyBookingChange } from '../notifications/service.js';
import { clientScope, idempotencyHeaders, idempotent, requestFingerprint } from '../../http/idempotency.js';
import { limitPerClient } from '../../http/throttle.js';
import { availabilitySchema, publicAvailabilityQuery } from '../availability/schemas.js';
import { availabilityCacheFor, cachedAvailability } from '../availability/service.js';
import { quoteSchema } from '../bookings/schemas.js';
import { createBooking, createHold, enterHold, quoteBooking, releaseHold } from '../bookings/service.js';
import {
  bookingNumberParams,
  cancelBody,
  createdPublicBookingSchema,
  embedKeyParams,
  holdBody,
  holdParams,
  holdSchema,
  manageQuery,
  publicQuoteBody,
  publicBookingBody,
  publicBookingSchema,
  publicVenueAnswer,
} from './schemas.js';
import { cancelByCustomer, checkoutFor, enterVenue, toPublicBooking, venueForWidget, viewBooking } from './service.js';

const tags = ['public'];
// Public callers have no user: the transaction starts without an organization and enters the one the key names.
const anonymous = { organizationId: null, actorRole: 'public' };

export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const cache = availabilityCacheFor(app.commitHooks, app.config.AVAILABILITY_CACHE_MS);
  // One budget per client address for the whole widget API.
  limitPerClient(app, app.config.PUBLIC_RATE_LIMIT_PER_MINUTE);
  const publicErrors = [400, 404, 429] as const;

  app.get(
    '/public/venues/:embed_key',
    { schema: { operationId: 'getWidget', tags, summary: 'The widget’s venue, organization branding and active games', params: embedKeyParams, response: { 200: publicVenueAnswer, ...errors(...publicErrors) } } },
    (request) => request.tenant(async (tx) => venueForWidget(tx, (await enterVenue(tx, request.params.embed_key)).venueId), anonymous),
  );

  app.get(
    '/public/venues/:embed_key/games/:game_id/availability',
    {
      schema: {
        operationId: 'getWidgetAvailability',
        tags,
        summary: 'Bookable slots, as the admin endpoint answers them',
        params: embedKeyParams.extend({ game_id: z.uuid() }),
        querystring: publicAvailabilityQuery,
        response: { 200: availabilitySchema, ...errors(...publicErrors) },
      },
    },
    (request) => {
      const { embed_key, game_id } = request.params;
      // The widget offers only active games linked to its venue; any other game id is 404, like an unknown one.
      return cachedAvailability(cache, { gameId: game_id, query: request.query, embedKey: embed_key }, app.clock(), (fn) => request.tenant(fn, anonymous), (tx) =>
        enterVenue(tx, embed_key),
      );
    },
  );

  app.post(
    '/public/venues/:embed_key/bookings',
    {
      schema: {
        operationId: 'createWidgetBooking',
        tags,
        summary: 'Book a slot; returns a manage token to view or cancel it. Honours Idempotency-Key',
        params: embedKeyParams,
        headers: idempotencyHeaders,
        body: publicBookingBody,
        response: { 201: createdPublicBookingSchema, ...errors(...publicErrors, 409, 422) },
      },
    },
    async (request, reply) => {
      const { hold_id, hold_token, ...body } = request.body;
      const key = request.headers['idempotency-key'];
      const fingerprint = requestFingerprint('POST', `/api/public/venues/${request.params.embed_key}/bookings`, request.body);
      const result = await request.tenant(async (tx) => {
        const { venueId } = await enterVenue(tx, request.params.embed_key);
        // Keys are the visitor's own (venue and client), and the manage token is kept sealed in the replay store.
        const scope = { scope: clientScope(request, venueId), sealed: ['manage_token', 'payment'] };
        return idempotent(tx, key, fingerprint, app.clock(), scope, async () => {
          const checkout = await checkoutFor(tx, app.stripe, app.config.HOLD_MINUTES, key ?? null);
          const { booking, manageToken, payment } = await createBooking(
            tx,
            { ...body, venue_id: venueId, status: 'confirmed', hold: hold_id && hold_token ? { id: hold_id, token: hold_token } : undefined },
            { source: 'widget', createdBy: null, enforceNotice: true, withManageToken: true, trustedContact: false, gateway: app.stripe, checkout },
            app.clock(),
          );
          // The manage token exists only here: the confirmation (its links and QR code) is queued with it.
          await notifyBookingChange(tx, app.queue, null, booking, { baseUrl: publicBaseUrl(app.config), now: app.clock(), manageToken });
          const online = payment ? { ...payment, publishable_key: app.config.STRIPE_PUBLISHABLE_KEY ?? null } : null;
          return { status: 201, body: { ...toPublicBooking(booking), manage_token: manageToken!, payment: online } };
        });
      }, anonymous);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/public/bookings/:booking_number',
    { schema: { operationId: 'getManagedBooking', tags, summary: 'The customer’s booking, opened with its manage token (404 for a wrong token, as for an unknown number)', params: bookingNumberParams, querystring: manageQuery, response: { 200: publicBookingSchema, ...errors(...publicErrors) } } },
    (request) => request.tenant((tx) => viewBooking(tx, request.params.booking_number, request.query.token), anonymous),
  );

  app.post(
    '/public/bookings/:booking_number/cancel',
    { schema: { operationId: 'cancelManagedBooking', tags, summary: 'Cancel under the organization’s cancellation policy', params: bookingNumberParams, body: cancelBody, response: { 200: publicBookingSchema, ...errors(...publicErrors, 409, 422) } } },
    (request) =>
      request.tenant((tx) => cancelByCustomer(tx, app.queue, request.params.booking_number, request.body.token, app.clock(), app.stripe, publicBaseUrl(app.config)), anonymous),
  );

  app.get(
    '/public/unsubscribe/:token',
    {
      schema: {
        operationId: 'unsubscribe',
        tags,
        summary: 'The unsubscribe link of every customer mail: turns the customer’s booking messages off (or one channel)',
        params: z.object({ token: z.string().min(1).max(200) }),
        querystring: z.object({ channel: z.enum(['email', 'sms']).optional() }),
        response: { 200: z.object({ unsubscribed: z.array(z.enum(['email', 'sms'])) }), ...errors(...publicErrors) },
      },
    },
    (request) =>
      request.tenant(async (tx) => {
        const channel = request.query.channel ?? null;
        await unsubscribeByToken(tx, request.params.token, channel);
        return { unsubscribed: channel ? [channel] : (['email', 'sms'] as const).slice() };
      }, anonymous),
  );

  app.post(
    '/public/venues/:embed_key/quote',
    { schema: { operationId: 'quoteWidgetBooking', tags, summary: 'Price a booking exactly as booking it would (codes are checked, not used)', params: embedKeyParams, body: publicQuoteBody, response: { 200: quoteSchema, ...errors(...publicErrors, 409, 422) } } },
    (request) =>
      request.tenant(async (tx) => {
        const { venueId } = await enterVenue(tx, request.params.embed_key);
        const { customer, ...input } = request.body;
        return quoteBooking(tx, { ...input, venue_id: venueId, customer_email: customer?.email }, app.clock(), true);
      }, anonymous),
  );

  app.post(
    '/public/venues/:embed_key/holds',
    {
      schema: {
        operationId: 'createHold',
        tags,
        summary: `Hold a slot during checkout (HOLD_MINUTES, default 10): it counts as taken for everyone else`,
        params: embedKeyParams,
        body: holdBody,
        response: { 201: holdSchema, ...errors(...publicErrors, 409, 422) },
      },
    },
    async (request, reply) => {
      const hold = await request.tenant(async (tx) => {
        const { venueId } = await enterVenue(tx, request.params.embed_key);
        return createHold(tx, { ...request.body, venue_id: venueId }, app.clock(), app.config.HOLD_MINUTES);
      }, anonymous);
      return reply.status(201).send(hold);
    },
  );

  app.get(
    '/public/calendar/:token.ics',
    {
      schema: {
        operationId: 'getCalendarFeed',
        tags,
        summary: 'A venue’s calendar feed (iCalendar, RFC 5545): its live bookings, no customer data',
        description:
          'The secret URL `POST /api/venues/{id}/calendar-feed` makes. `text/calendar; charset=utf-8`, bookings from 60 days back to 365 days ahead in the venue’s time zone. Answers 304 to a matching `If-None-Match`. An unknown or replaced token is 404.',
        params: calendarTokenParams,
        response: { 200: calendarFeedBody, 304: z.null().describe('Not modified since the ETag given in If-None-Match'), ...errors(...publicErrors) },
      },
    },
    async (request, reply) => {
      const feed = await request.tenant((tx) => calendarFeed(tx, request.params.token, app.clock()), anonymous);
      // A secret URL: no shared cache may keep it (a replaced URL must stop working), the client may for a while
      // and then revalidate cheaply with the ETag.
      void reply.header('cache-control', 'private, max-age=300, must-revalidate').header('etag', feed.etag);
      if (ifNoneMatch(request.headers['if-none-match'], feed.etag)) return reply.status(304).send(null);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="bookings.ics"').send(feed.ics);
    },
  );

  app.delete(
    '/public/holds/:hold_id',
    { schema: { operationId: 'releaseHold', tags, summary: 'Release a hold: the slot is free at once', params: holdParams, querystring: manageQuery, response: { 204: z.null().describe('Released'), ...errors(...publicErrors) } } },
    async (request, reply) => {
      await request.tenant(async (tx) => releaseHold(tx, await enterHold(tx, request.params.hold_id, request.query.token)), anonymous);
      return reply.status(204).send(null);
    },
  );
};

/** Whether an If-None-Match header names this ETag (a list, weak forms and `*` included, RFC 9110 13.1.2). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
