import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors } from '../../http/fields.js';
import { tenantContextOf } from '../../http/tenant.js';
import type { Queryable } from '../../db/client.js';
import { funnelSchema } from '../analytics/schemas.js';
import { funnelReport } from '../analytics/service.js';
import { reportCacheFor } from './cache.js';
import {
  activityQuery, activitySchema, bookingsReportSchema, customersReportSchema, deskBookingSchema, exportParams, exportQuery, funnelQuery, hourlySchema,
  promotionsReportSchema, reportQuery, revenueSchema, staffReportSchema, statsSchema, trendSchema, upcomingQuery, venueQuery, type ReportQuery,
} from './schemas.js';
import {
  bookingsReport, customersReport, dashboardActivity, dashboardHourly, dashboardStats, dashboardToday, dashboardTrend, dashboardUpcoming,
  exportStream, periodOf, promotionsReport, revenueReport, scopeOf, staffReport, toCsv, type Period,
} from './service.js';
import { bookingsTable, customersTable, funnelTable, promotionsTable, revenueTable, staffTable, type Table } from './tables.js';

const security = [{ bearer: [] }];
const CSV_NOTE = ' `?format=csv` answers the same figures as text/csv (a header row, RFC 4180, formula-leading characters neutralised).';

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The desk needs today's and the next bookings; figures about money and people's actions are for managers up.
  const staff = requireRole('staff', { deferred: true });
  const manager = requireRole('manager', { deferred: true });
  const tags = ['dashboard'];
  const cache = reportCacheFor(app.commitHooks, app.config.REPORTS_CACHE_MS);
  /**
   * The organization's answer to `query` at `path`, from the cache or computed. The session is checked (inside
   * the transaction, deferred) before the cache is even looked at, so a cached answer needs the same rights.
   */
  const cached = <T>(request: FastifyRequest, path: string, query: Record<string, unknown>, compute: (tx: Queryable) => Promise<T>): Promise<T> =>
    request.tenant((tx) => cache.through(actor(request).organizationId!, path, query, app.clock().getTime(), () => compute(tx)));

  app.get('/dashboard/stats', { preHandler: manager, schema: { operationId: 'getDashboardStats', tags, security, summary: 'The last 30 days against the 30 before', querystring: venueQuery, response: { 200: statsSchema, ...errors(...authErrors, 404) } } },
    (request) => cached(request, 'stats', request.query, (tx) => dashboardStats(tx, request.query.venue_id, app.clock())));
  app.get('/dashboard/trend', { preHandler: manager, schema: { operationId: 'getDashboardTrend', tags, security, summary: 'Bookings and money of the last 8 weeks (weeks start on policies.week_start)', querystring: venueQuery, response: { 200: trendSchema, ...errors(...authErrors, 404) } } },
    (request) => cached(request, 'trend', request.query, (tx) => dashboardTrend(tx, request.query.venue_id, app.clock())));
  app.get('/dashboard/hourly', { preHandler: manager, schema: { operationId: 'getDashboardHourly', tags, security, summary: 'Live bookings of the last 30 days by venue-local start hour', querystring: venueQuery, response: { 200: hourlySchema, ...errors(...authErrors, 404) } } },
    (request) => cached(request, 'hourly', request.query, (tx) => dashboardHourly(tx, request.query.venue_id, app.clock())));
  app.get('/dashboard/upcoming', { preHandler: staff, schema: { operationId: 'listUpcomingBookings', tags, security, summary: 'The next bookings, soonest first', querystring: upcomingQuery, response: { 200: z.array(deskBookingSchema), ...errors(...authErrors, 404) } } },
    (request) => cached(request, 'upcoming', request.query, (tx) => dashboardUpcoming(tx, request.query.venue_id, request.query.limit, app.clock())));
  app.get('/dashboard/today', { preHandler: staff, schema: { operationId: 'listTodaysBookings', tags, security, summary: 'Today’s bookings with check-in and payment state', querystring: venueQuery, response: { 200: z.array(deskBookingSchema), ...errors(...authErrors, 404) } } },
    (request) => cached(request, 'today', request.query, (tx) => dashboardToday(tx, request.query.venue_id, app.clock())));
  app.get('/dashboard/activity', { preHandler: manager, schema: { operationId: 'listRecentActivity', tags, security, summary: 'Recent changes in words, from the audit log', querystring: activityQuery, response: { 200: activitySchema, ...errors(...authErrors, 404) } } },
    (request) => cached(request, 'activity', request.query, (tx) => dashboardActivity(tx, request.query.venue_id, request.query.limit)));

  /** A report route: JSON by its schema, or its table as CSV; both from one cached answer (the format is no key). */
  function report<T, Q extends ReportQuery = ReportQuery>(
    path: string, summary: string, schema: z.ZodType, compute: (tx: Queryable, p: Period, query: Q) => Promise<T>, table: (answer: T) => Table, querystring: z.ZodType = reportQuery,
  ) {
    const operationId = `get${path.replace(/^.*\/(.)/, (_, c: string) => c.toUpperCase())}Report`;
    const answers = { 'application/json': { schema }, 'text/csv': { schema: z.string().describe('With ?format=csv: a header row, then one row per line') } };
    app.get(path, { preHandler: manager, schema: { operationId, tags: ['reports'], security, summary, description: CSV_NOTE, querystring, response: { 200: { description: 'The report', content: answers }, ...errors(...authErrors, 404) } } },
      async (request, reply: FastifyReply) => {
        const query = request.query as Q;
        const { format, ...key } = query;
        const { answer, period } = await cached(request, path, key, async (tx) => {
          const p = await periodOf(tx, query, app.clock());
          return { answer: await compute(tx, p, query), period: p };
        });
        if (format !== 'csv') return answer;
        const t = table(answer);
        const name = `${path.split('/').pop()}-${period.from}-${period.to}.csv`;
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(toCsv(t.columns, t.rows));
      });
  }
  report('/reports/revenue', 'Money received, refunded and net by period and method, from payment rows', revenueSchema, revenueReport, revenueTable);
  report('/reports/bookings', 'Bookings by status, game, venue and source, with occupancy per game', bookingsReportSchema, bookingsReport, bookingsTable);
  report('/reports/customers', 'Customer segments, and new against returning customers per period', customersReportSchema, (tx, p) => customersReport(tx, p, app.clock()), customersTable);
  report('/reports/promotions', 'Coupon redemptions and discounts; gift cards issued, redeemed and outstanding', promotionsReportSchema, promotionsReport, promotionsTable);
  report('/reports/staff', 'Per user: bookings created, check-ins made, money taken', staffReportSchema, staffReport, staffTable);
  report<Awaited<ReturnType<typeof funnelReport>>, ReportQuery & { game_id?: string }>(
    '/reports/funnel', 'Widget sessions per step (view, slot, checkout, booking) and the conversion between steps', funnelSchema,
    (tx, p, query) => funnelReport(tx, p, query.game_id), funnelTable, funnelQuery,
  );

  // Exports stream for as long as the download lasts, outside the request's one transaction (src/db/cursor.ts):
  // the session is checked before the first byte, by the preHandler.
  app.get('/exports/:dataset', {
    preHandler: requireRole('manager'),
    schema: {
      operationId: 'exportDataset',
      tags: ['reports'], security, summary: 'Stream a dataset as CSV or JSON', params: exportParams, querystring: exportQuery,
      response: {
        200: {
          description: 'The dataset, streamed as the download goes',
          content: {
            'text/csv': { schema: z.string().describe('format=csv: a header row, RFC 4180') },
            'application/json': { schema: z.array(z.record(z.string(), z.unknown())).describe('format=json: one object per row') },
          },
        },
        ...errors(...authErrors, 404),
      },
    },
  }, async (request, reply) => {
    const { zone } = await request.tenant((tx) => scopeOf(tx, undefined));
    const { format, from, to } = request.query;
    const { dataset } = request.params;
    const { body, pump } = exportStream(app.db, tenantContextOf(request), { dataset, format, from, to, zone, batch: app.config.EXPORT_BATCH_ROWS });
    void pump().catch((err: unknown) => {
      request.log.error({ err }, 'export failed while streaming');
      body.destroy(err as Error);
    });
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    return reply.type(type).header('content-disposition', `attachment; filename="${dataset}.${format}"`).send(body as unknown as string); // a stream: Fastify pipes it, the schema only documents the body
  });
};
