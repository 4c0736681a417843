import { describe, expect, it } from 'vitest';
import { BOOKING_NUMBER, newBookingNumber } from '../../src/modules/bookings/service.js';
import { canTransition } from '../../src/modules/bookings/status.js';
import type { BookingStatus } from '../../src/modules/bookings/schemas.js';
import { useTestApp } from '../support/app.js';

// The database is the wall for each booking rule; where the app spells a rule too (to answer before touching a
// row), these tests hold the two spellings to each other.
const STATUSES: BookingStatus[] = ['pending', 'confirmed', 'checked-in', 'completed', 'cancelled', 'no-show'];

describe('booking rules: one spelling in the database, the app held to it', () => {
  const t = useTestApp();

  it('the status table of bookings/status.ts is the one the trigger applies, pair by pair', async () => {
    const { db } = t();
    const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));
    const { rows } = await db.query<{ from: string; to: string; allowed: boolean }>(
      `select p.f as from, p.t as to, app_booking_transition_allowed(p.f, p.t) as allowed
         from unnest($1::text[], $2::text[]) as p(f, t)`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    expect(rows).toHaveLength(36);
    for (const r of rows) expect([r.from, r.to, r.allowed]).toEqual([r.from, r.to, canTransition(r.from as BookingStatus, r.to as BookingStatus)]);
    // The trigger itself decides through that function.
    const trigger = await db.query<{ def: string }>(`select pg_get_functiondef('bookings_check_status'::regproc) as def`);
    expect(trigger.rows[0]!.def).toContain('app_booking_transition_allowed(old.status, new.status)');
  });

  it('the booking-number pattern is the table check constraint, and generated numbers satisfy both', async () => {
    const { db } = t();
    const { rows } = await db.query<{ def: string }>(
      `select pg_get_constraintdef(c.oid) as def from pg_constraint c
        where c.conrelid = 'bookings'::regclass and c.contype = 'c' and pg_get_constraintdef(c.oid) like '%booking_number ~%'`,
    );
    expect(rows).toHaveLength(1);
    const pattern = /booking_number ~ '([^']+)'/.exec(rows[0]!.def)?.[1];
    expect(pattern).toBe(BOOKING_NUMBER.source);
    const numbers = Array.from({ length: 50 }, () => newBookingNumber());
    for (const n of numbers) expect(n).toMatch(BOOKING_NUMBER);
    const checked = await db.query<{ ok: boolean }>(`select bool_and(n ~ $2) as ok from unnest($1::text[]) n`, [numbers, pattern]);
    expect(checked.rows[0]!.ok).toBe(true);
  });

  it('every room lock in the schema is app_lock_room: no function spells the key itself', async () => {
    const { db } = t();
    const { rows } = await db.query<{ name: string; calls_lock: boolean }>(
      `select p.proname as name, p.prosrc like '%app_lock_room(%' as calls_lock
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and (p.prosrc like '%advisory_xact_lock%' or p.prosrc like '%app_lock_room(%')
          -- The one other advisory lock: the segment rollup's folder (migration 0023), a try-lock in the two-key space.
          and p.proname <> 'app_fold_customer_segments'
        order by 1`,
    );
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['app_claim_slot', 'app_lock_room', 'bookings_check_capacity']);
    expect(byName.app_claim_slot!.calls_lock).toBe(true);
    expect(byName.bookings_check_capacity!.calls_lock).toBe(true);
  });
});
