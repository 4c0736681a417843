import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { moneyWorld, staffBooking } from '../../support/money.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const get = useTestApp({ now: NOW });

describe('GET /api/customers/:id/bookings', () => {
  it('lists one customer’s bookings, newest first, paginated', async () => {
    const app = get().app;
    const w = await moneyWorld(app);
    const first = await staffBooking(app, w, '2026-06-03T14:00:00-04:00');
    const starts = ['2026-06-10T14:00:00-04:00', '2026-06-05T14:00:00-04:00', '2026-06-20T14:00:00-04:00'];
    for (const start_at of starts) await staffBooking(app, w, start_at, { customer: undefined, customer_id: first.customer_id });
    await staffBooking(app, w, '2026-06-04T14:00:00-04:00'); // someone else's
    const page1 = await call(app, 'GET', `/api/customers/${first.customer_id}/bookings?limit=3`, { token: w.staff });
    expect(page1.status, JSON.stringify(page1.body)).toBe(200);
    expect(page1.body).toMatchObject({ total: 4, page: 1, pages: 2, total_exact: true });
    expect(page1.body.data.map((b: { booking_date: string }) => b.booking_date)).toEqual(['2026-06-20', '2026-06-10', '2026-06-05']);
    const page2 = await call(app, 'GET', `/api/customers/${first.customer_id}/bookings?limit=3&page=2`, { token: w.staff });
    expect(page2.body.data.map((b: { id: string }) => b.id)).toEqual([first.id]);
    expect((await call(app, 'GET', `/api/customers/${randomUUID()}/bookings`, { token: w.staff })).status).toBe(404);
    expect((await call(app, 'GET', `/api/customers/${first.customer_id}/bookings`)).status).toBe(401);
  });
});
