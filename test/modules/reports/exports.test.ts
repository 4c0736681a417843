import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { createCustomer } from '../../support/catalog.js';
import { moneyWorld, pay, staffBooking, type MoneyWorld } from '../../support/money.js';
import { parse, parseCsv } from './csv-parse.js';

const NOW = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
// Small batches, so that a thousand rows cross several of them.
const get = useTestApp({ now: NOW, env: { EXPORT_BATCH_ROWS: '300' } });
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000 + 0).toISOString().slice(0, 10);

describe('exports', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  const download = (url: string, token = w.manager) => app().inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const bookingIds: string[] = [];

  beforeAll(async () => {
    w = await moneyWorld(app());
    for (let i = 0; i < 3; i++) {
      // 14:00 UTC is inside the New York venue's hours whatever the season.
      const b = await staffBooking(app(), w, `${at(3 + i)}T16:00:00Z`, { customer: { full_name: i === 0 ? '=HYPERLINK("http://x")' : `Doe, "JJ" ${i}`, email: `export.${i}.${Date.now()}@example.test` } });
      bookingIds.push(b.id);
    }
    await pay(app(), w, bookingIds[0]!, 5000, 'cash');
  });

  it('bookings as CSV: a header row, RFC 4180 quoting, formulas neutralised', async () => {
    const res = await download('/api/exports/bookings?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('bookings.csv');
    const rows = parse(res.body);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(bookingIds));
    const names = rows.map((r) => r.customer_name).sort();
    expect(names).toEqual(['\'=HYPERLINK("http://x")', 'Doe, "JJ" 1', 'Doe, "JJ" 2']);
    // The quoting is RFC 4180's: a field with a comma or quote is quoted, its quotes doubled.
    expect(res.body).toContain('"Doe, ""JJ"" 1"');
    expect(rows.find((r) => r.id === bookingIds[0])).toMatchObject({ amount_paid: '5000', status: 'confirmed', start_time: expect.stringMatching(/^\d\d:\d\d$/) });
  });

  it('JSON, and the from/to dates of each dataset', async () => {
    const res = await download(`/api/exports/bookings?format=json&from=${at(4)}&to=${at(5)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const rows = JSON.parse(res.body) as { id: string; booking_date: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(bookingIds.slice(1).sort());
    const payments = JSON.parse((await download('/api/exports/payments?format=json')).body);
    expect(payments).toMatchObject([{ booking_id: bookingIds[0], kind: 'payment', method: 'cash', amount_cents: 5000, status: 'succeeded' }]);
    expect(JSON.parse((await download(`/api/exports/payments?format=json&from=2020-01-01&to=2020-01-02`)).body)).toEqual([]);
    const cards = await download('/api/exports/gift_cards');
    expect(parseCsv(cards.body)).toEqual([expect.arrayContaining(['id', 'code', 'balance_cents'])]);
  });

  it('streams past one batch, every row once, in order', async () => {
    const made = 1005;
    for (let i = 0; i < made; i += 15) await Promise.all(Array.from({ length: Math.min(15, made - i) }, () => createCustomer(app(), w.admin)));
    const res = await download('/api/exports/customers?format=csv');
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body);
    // The export's own three customers, and the ones made here.
    expect(rows).toHaveLength(made + 3);
    expect(new Set(rows.map((r) => r.id)).size).toBe(made + 3);
    const json = JSON.parse((await download('/api/exports/customers?format=json')).body) as { id: string }[];
    expect(json.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    // A thousand customers made through the API one request each: on a loaded machine that alone can pass a minute.
  }, 240_000);

  it('exports are for managers; the dataset and dates are checked', async () => {
    expect((await download('/api/exports/bookings', w.staff)).statusCode).toBe(403);
    expect((await download('/api/exports/users')).statusCode).toBe(400);
    expect((await download('/api/exports/bookings?format=xml')).statusCode).toBe(400);
    expect((await download(`/api/exports/bookings?from=${at(5)}&to=${at(1)}`)).statusCode).toBe(400);
    expect((await call(app(), 'GET', '/api/exports/bookings')).status).toBe(401);
  });
});
