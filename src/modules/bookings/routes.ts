import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { idempotencyHeaders, idempotent, requestFingerprint } from '../../http/idempotency.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { batchStatus, cancelBooking, transitionBooking, updateBooking, type MoneyContext } from './lifecycle.js';
import {
  acceptContactBody, batchStatusAnswer, checkinByCodeBody, batchStatusBody, bookingSchema, createBookingBody, listBookingsQuery, quoteBody, quoteSchema, updateBookingBody, type BookingStatus,
} from './schemas.js';
import { assertCustomerExists } from '../customers/service.js';
import { acceptContact, bookingByCode, createBooking, getBooking, listBookings, quoteBooking } from './service.js';
import { publicBaseUrl } from '../../config.js';
import type { Queryable } from '../../db/client.js';
import { notifyBookingChange } from '../notifications/service.js';
import type { Booking } from './schemas.js';

const tags = ['bookings'];

/** The signed-in staff member a row records (a super_admin acting in an organization is no user of it: the audit log names them). */
const staffId = (request: FastifyRequest) => {
  const auth = actor(request);
  return auth.role === 'super_admin' ? null : auth.userId;
};
const security = [{ bearer: [] }];

export const bookingsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Handlers here do all their work in request.tenant(...): the session is checked by the statement that opens it.
  const staff = requireRole('staff', { deferred: true });
  // Refunds a change causes go through Stripe when configured, recorded as the signed-in user's.
  const money = (request: FastifyRequest): MoneyContext => ({ gateway: app.stripe, actorId: staffId(request) });
  // The customer's mail for a change (and a new booking's reminders), queued in the change's own transaction:
  // bookings know nothing of notifications, the route hands the booking as it was and as it is.
  const notify = (tx: Queryable, before: Booking | null, after: Booking) =>
    notifyBookingChange(tx, app.queue, before, after, { baseUrl: publicBaseUrl(app.config), now: app.clock() });
  /** Runs a change of booking `id` and notifies of it. */
  const changed = async (tx: Queryable, id: string, change: () => Promise<Booking>) => {
    const before = await getBooking(tx, id);
    const after = await change();
    await notify(tx, before, after);
    return after;
  };

  app.post(
    '/bookings/quote',
    {
      preHandler: staff,
      schema: { operationId: 'quoteBooking', tags, security, summary: 'Price a booking exactly as creating it would (nothing is reserved or redeemed)', body: quoteBody, response: { 200: quoteSchema, ...errors(...authErrors, 404, 409, 422) } },
    },
    (request) => request.tenant((tx) => quoteBooking(tx, request.body, app.clock(), false)),
  );

  app.get(
    '/bookings',
    { preHandler: staff, schema: { operationId: 'listBookings', tags, security, summary: 'List and search bookings (dates are venue-local)', querystring: paginationQuery.extend(listBookingsQuery.shape), response: { 200: pageOf(bookingSchema), ...errors(...authErrors) } } },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listBookings(tx, filter, { page, limit }));
    },
  );

  // A customer's booking history lives here, not in customers/: the customers module sits below bookings.
  app.get(
    '/customers/:id/bookings',
    {
      preHandler: staff,
      schema: { operationId: 'listCustomerBookings', tags: ['customers'], security, summary: "A customer's bookings, newest first", params: idParams, querystring: paginationQuery, response: { 200: pageOf(bookingSchema), ...errors(...authErrors, 404) } },
    },
    (request) =>
      request.tenant(async (tx) => {
        await assertCustomerExists(tx, request.params.id);
        return listBookings(tx, { customer_id: request.params.id, sort: '-start_at' }, request.query);
      }),
  );

  app.post(
    '/bookings',
    {
      preHandler: staff,
      schema: {
        operationId: 'createBooking',
        tags,
        security,
        summary: 'Create a booking; honours Idempotency-Key',
        headers: idempotencyHeaders,
        body: createBookingBody,
        response: { 201: bookingSchema, ...errors(...authErrors, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { source, ...input } = request.body;
      const fingerprint = requestFingerprint('POST', '/api/bookings', request.body);
      const result = await request.tenant((tx) =>
        // A signed-in user's keys are theirs alone (the session was checked when the transaction opened).
        idempotent(tx, request.headers['idempotency-key'], fingerprint, app.clock(), { scope: `user:${actor(request).userId}` }, async () => {
          const { booking } = await createBooking(tx, input, {
            source,
            createdBy: staffId(request),
            gateway: app.stripe,
            enforceNotice: source === 'api',
            withManageToken: false,
            trustedContact: true,
          }, app.clock());
          await notify(tx, null, booking);
          return { status: 201, body: booking };
        }),
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  app.post(
    '/bookings/batch-status',
    { preHandler: staff, schema: { operationId: 'setBookingsStatus', tags, security, summary: 'Set one status on many bookings; each succeeds or fails alone', body: batchStatusBody, response: { 200: batchStatusAnswer, ...errors(...authErrors) } } },
    (request) =>
      request.tenant(async (tx) => {
        // The state before, of the bookings that exist (an unknown id fails in batchStatus, as before).
        const before = new Map<string, Booking | null>();
        for (const id of new Set(request.body.ids)) before.set(id, await getBooking(tx, id).catch(() => null));
        const result = await batchStatus(tx, request.body.ids, request.body.status, app.clock(), money(request));
        for (const id of result.updated) {
          const was = before.get(id);
          if (was) await notify(tx, was, await getBooking(tx, id));
        }
        return result;
      }),
  );

  app.get(
    '/bookings/:id',
    { preHandler: staff, schema: { operationId: 'getBooking', tags, security, summary: 'One booking with customer, game and venue summaries', params: idParams, response: { 200: bookingSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getBooking(tx, request.params.id)),
  );

  app.put(
    '/bookings/:id',
    { preHandler: staff, schema: { operationId: 'updateBooking', tags, security, summary: 'Reschedule or edit a booking; availability is re-checked atomically', params: idParams, body: updateBookingBody, response: { 200: bookingSchema, ...errors(...authErrors, 404, 409, 422) } } },
    (request) => request.tenant((tx) => changed(tx, request.params.id, () => updateBooking(tx, request.params.id, request.body, app.clock(), false, money(request)))),
  );

  app.delete(
    '/bookings/:id',
    { preHandler: staff, schema: { operationId: 'cancelBooking', tags, security, summary: 'Cancel a booking (the row is kept) and refund by policy', params: idParams, response: { 200: bookingSchema, ...errors(...authErrors, 404, 409) } } },
    (request) => request.tenant((tx) => changed(tx, request.params.id, () => cancelBooking(tx, request.params.id, app.clock(), { enforceWindow: false }, money(request)))),
  );

  app.post(
    '/bookings/:id/accept-contact',
    {
      preHandler: staff,
      schema: {
        operationId: 'acceptBookingContact',
        tags,
        security,
        summary: 'Accept the contact details a widget booking gave into its customer (fill a missing phone; replace: name and phone)',
        params: idParams,
        body: acceptContactBody,
        response: { 200: bookingSchema, ...errors(...authErrors, 404, 422) },
      },
    },
    (request) => request.tenant((tx) => acceptContact(tx, request.params.id, request.body.replace)),
  );

  const transitions: [string, BookingStatus, string, string][] = [
    ['checkin', 'checked-in', 'Check the group in', 'checkInBooking'],
    ['complete', 'completed', 'Mark a checked-in booking completed', 'completeBooking'],
    ['no-show', 'no-show', 'Mark a confirmed booking as a no-show', 'markBookingNoShow'],
    ['confirm', 'confirmed', 'Confirm a pending booking', 'confirmBooking'],
  ];
  for (const [path, status, summary, operationId] of transitions) {
    app.post(
      `/bookings/:id/${path}`,
      { preHandler: staff, schema: { operationId, tags, security, summary, params: idParams, response: { 200: bookingSchema, ...errors(...authErrors, 404, 409) } } },
      (request) => request.tenant((tx) => changed(tx, request.params.id, () => transitionBooking(tx, request.params.id, status, app.clock(), money(request)))),
    );
  }

  app.post(
    '/bookings/checkin-by-code',
    {
      preHandler: staff,
      schema: {
        operationId: 'checkInBookingByCode',
        tags,
        security,
        summary: 'Check a group in from its scanned QR code (booking number and manage token) or a typed booking number',
        body: checkinByCodeBody,
        response: { 200: bookingSchema, ...errors(...authErrors, 404, 409) },
      },
    },
    (request) =>
      request.tenant(async (tx) => {
        const id = await bookingByCode(tx, request.body.code);
        return transitionBooking(tx, id, 'checked-in', app.clock(), money(request));
      }),
  );
};
