/**
 * Each report as one flat table for `?format=csv`: the same figures as its JSON answer, one row per line of it
 * (a nested section becomes a `section` column), so a spreadsheet can sum any column.
 */
import type { FunnelReport } from '../analytics/schemas.js';
import type { bookingsReport, customersReport, promotionsReport, staffReport } from './reports.js';
import { PAYMENT_METHODS, type RevenueRow } from './schemas.js';

export interface Table {
  columns: string[];
  rows: Record<string, unknown>[];
}

export function revenueTable(rows: RevenueRow[]): Table {
  const methodColumns = PAYMENT_METHODS.flatMap((m) => [`${m}_gross_cents`, `${m}_refund_cents`, `${m}_net_cents`]);
  return {
    columns: ['period', 'gross_cents', 'discount_cents', 'refund_cents', 'net_cents', 'tax_cents', ...methodColumns],
    rows: rows.map(({ by_method, ...r }) => ({
      ...r,
      ...Object.fromEntries(
        PAYMENT_METHODS.flatMap((m) => [
          [`${m}_gross_cents`, by_method[m].gross_cents],
          [`${m}_refund_cents`, by_method[m].refund_cents],
          [`${m}_net_cents`, by_method[m].net_cents],
        ]),
      ),
    })),
  };
}

export function bookingsTable(r: Awaited<ReturnType<typeof bookingsReport>>): Table {
  return {
    columns: ['section', 'key', 'name', 'bookings', 'players', 'revenue_cents', 'cancelled', 'no_shows', 'occupancy_rate'],
    rows: [
      { section: 'total', key: `${r.from}..${r.to}`, ...r.totals },
      ...r.by_status.map((s) => ({ section: 'status', key: s.status, bookings: s.bookings, players: s.players })),
      ...r.by_game.map((g) => ({ section: 'game', key: g.game_id, ...g })),
      ...r.by_venue.map((v) => ({ section: 'venue', key: v.venue_id, ...v })),
      ...r.by_source.map((s) => ({ section: 'source', key: s.source, bookings: s.bookings })),
    ],
  };
}

export function customersTable(r: Awaited<ReturnType<typeof customersReport>>): Table {
  return {
    columns: ['section', 'key', 'customers', 'revenue_cents', 'new_customers', 'returning_customers'],
    rows: [
      ...r.segments.map((s) => ({ section: 'segment', key: s.segment, customers: s.customers, revenue_cents: s.revenue_cents })),
      ...r.periods.map((p) => ({ section: 'period', key: p.period, new_customers: p.new_customers, returning_customers: p.returning_customers })),
    ],
  };
}

export function promotionsTable(r: Awaited<ReturnType<typeof promotionsReport>>): Table {
  const g = r.gift_cards;
  return {
    columns: ['section', 'key', 'code', 'count', 'released', 'amount_cents'],
    rows: [
      ...r.coupons.map((c) => ({ section: 'coupon', key: c.coupon_id, code: c.code, count: c.redemptions, released: c.released, amount_cents: c.discount_cents })),
      { section: 'gift_cards', key: 'issued', count: g.issued, amount_cents: g.issued_cents },
      { section: 'gift_cards', key: 'redeemed', amount_cents: g.redeemed_cents },
      { section: 'gift_cards', key: 'refunded', amount_cents: g.refunded_cents },
      { section: 'gift_cards', key: 'adjusted', amount_cents: g.adjusted_cents },
      { section: 'gift_cards', key: 'outstanding', amount_cents: g.outstanding_cents },
    ],
  };
}

export function staffTable(rows: Awaited<ReturnType<typeof staffReport>>): Table {
  return { columns: ['user_id', 'name', 'role', 'bookings_created', 'check_ins', 'revenue_taken_cents'], rows };
}

/** The funnel: one row per step, then the overall conversion as a last row. */
export function funnelTable(r: FunnelReport): Table {
  return {
    columns: ['step', 'sessions', 'conversion_rate'],
    rows: [...r.steps.map((s) => ({ step: s.type, sessions: s.sessions, conversion_rate: s.conversion_rate ?? '' })), { step: 'overall', conversion_rate: r.overall_conversion_rate ?? '' }],
  };
}
