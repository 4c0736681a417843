import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicBaseUrl } from '../../config.js';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { calendarFeedAnswer } from './schemas.js';
import { createCalendarFeed } from './service.js';

const security = [{ bearer: [] }];

/** The admin side of calendar feeds; the feed itself is a public route (public/routes.ts, with the widget's rate limit). */
export const calendarsRoutes: FastifyPluginAsyncZod = async (app) => {
  const manager = requireRole('manager', { deferred: true });

  app.post(
    '/venues/:id/calendar-feed',
    {
      preHandler: manager,
      schema: {
        operationId: 'createVenueCalendarFeed',
        tags: ['venues'],
        security,
        summary: 'A new secret iCalendar feed URL of the venue’s bookings; the previous URL stops working at once',
        description:
          'The URL is shown once (only a hash of its token is kept). Calendar apps (Google, Apple, Outlook) subscribe to it; it holds the venue’s live bookings from 60 days back to 365 days ahead, without customer data.',
        params: idParams,
        response: { 200: calendarFeedAnswer, ...errors(...authErrors, 404, 422) },
      },
    },
    (request) => request.tenant((tx) => createCalendarFeed(tx, request.params.id, publicBaseUrl(app.config))),
  );
};
