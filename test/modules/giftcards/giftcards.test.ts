import { describe, expect, it } from 'vitest';
import { GIFT_CARD_ALPHABET } from '../../../src/modules/giftcards/service.js';
import { call, useTestApp } from '../../support/app.js';
import { createCustomer, createVenue } from '../../support/catalog.js';
import { addUser, signupOrg } from '../../support/fixtures.js';
import { issueCard, ledgerOf } from './fixtures.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const CODE = new RegExp(`^[${GIFT_CARD_ALPHABET}]{16}$`);

describe('gift cards', () => {
  const t = useTestApp({ now: NOW, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' } });

  it('a manager issues, reads, lists and changes cards; staff gets 403 everywhere', async () => {
    const { app } = t();
    const org = await signupOrg(app, { currency: 'EUR' });
    const manager = await addUser(app, org.token, 'manager');
    const staff = await addUser(app, org.token, 'staff');
    const customer = await createCustomer(app, org.token);
    const card = await issueCard(app, manager.token, {
      initial_balance_cents: 2500, expires_at: inDays(365), recipient_name: 'Rita Recipient', recipient_email: 'Rita@Example.org', customer_id: customer.id, note: 'Birthday',
    });
    expect(card).toMatchObject({
      initial_balance_cents: 2500, balance_cents: 2500, currency: 'EUR', status: 'active', expires_at: inDays(365),
      recipient_name: 'Rita Recipient', recipient_email: 'rita@example.org', customer_id: customer.id, note: 'Birthday',
    });
    expect(card.code).toMatch(CODE);
    expect((await call(app, 'GET', `/api/gift-cards/${card.id}`, { token: manager.token })).body).toEqual(card);

    const second = await issueCard(app, org.token, { initial_balance_cents: 100 });
    expect(second.code).not.toBe(card.code);
    const list = await call(app, 'GET', '/api/gift-cards?limit=1', { token: manager.token });
    expect(list.body).toMatchObject({ total: 2, page: 1, pages: 2, data: [{ id: second.id }] });

    const disabled = await call(app, 'PUT', `/api/gift-cards/${card.id}`, { token: manager.token, body: { status: 'disabled' } });
    expect(disabled.body).toMatchObject({ status: 'disabled', expires_at: inDays(365), balance_cents: 2500 });
    const byStatus = await call(app, 'GET', '/api/gift-cards?status=disabled', { token: manager.token });
    expect(byStatus.body.data.map((c: { id: string }) => c.id)).toEqual([card.id]);
    const again = await call(app, 'PUT', `/api/gift-cards/${card.id}`, { token: manager.token, body: { status: 'active', expires_at: null } });
    expect(again.body).toMatchObject({ status: 'active', expires_at: null });

    const staffCalls = [
      call(app, 'GET', '/api/gift-cards', { token: staff.token }),
      call(app, 'POST', '/api/gift-cards', { token: staff.token, body: { initial_balance_cents: 100 } }),
      call(app, 'GET', `/api/gift-cards/${card.id}`, { token: staff.token }),
      call(app, 'PUT', `/api/gift-cards/${card.id}`, { token: staff.token, body: { status: 'disabled' } }),
      call(app, 'GET', `/api/gift-cards/${card.id}/transactions`, { token: staff.token }),
      call(app, 'POST', `/api/gift-cards/${card.id}/adjust`, { token: staff.token, body: { amount_cents: 100, reason: 'x' } }),
    ];
    for (const res of await Promise.all(staffCalls)) expect(res.body.code).toBe('forbidden');
    expect((await call(app, 'GET', '/api/gift-cards')).status).toBe(401);
    expect((await call(app, 'GET', `/api/gift-cards/${card.id}`, { token: manager.token })).body.balance_cents).toBe(2500);
  });

  it('refuses bad amounts and fields with 400 validation_failed', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const cases: [unknown, string][] = [
      [{ initial_balance_cents: 0 }, 'body.initial_balance_cents'],
      [{ initial_balance_cents: -100 }, 'body.initial_balance_cents'],
      [{ initial_balance_cents: 1.5 }, 'body.initial_balance_cents'],
      [{ initial_balance_cents: 2 ** 31 + 1 }, 'body.initial_balance_cents'],
      [{ initial_balance_cents: 10_000_001 }, 'body.initial_balance_cents'],
      [{ initial_balance_cents: '12' }, 'body.initial_balance_cents'],
      [{}, 'body.initial_balance_cents'],
      [{ initial_balance_cents: 100, expires_at: inDays(-1) }, 'body.expires_at'],
      [{ initial_balance_cents: 100, expires_at: '2027-01-01' }, 'body.expires_at'],
      [{ initial_balance_cents: 100, recipient_email: 'nope' }, 'body.recipient_email'],
      [{ initial_balance_cents: 100, balance_cents: 1 }, 'body'],
      [{ initial_balance_cents: 100, code: 'AAAAAAAAAAAAAAAA' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await call(app, 'POST', '/api/gift-cards', { token: org.token, body });
      expect({ body, status: res.status, code: res.body.code, field: Object.keys(res.body.fields ?? {}) }).toEqual({ body, status: 400, code: 'validation_failed', field: [field] });
    }
    const card = await issueCard(app, org.token);
    for (const body of [{ initial_balance_cents: 1 }, { balance_cents: 1 }, { code: 'X' }, { status: 'expired' }, { expires_at: inDays(-1) }]) {
      const res = await call(app, 'PUT', `/api/gift-cards/${card.id}`, { token: org.token, body });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const unknownCustomer = await call(app, 'POST', '/api/gift-cards', { token: org.token, body: { initial_balance_cents: 100, customer_id: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownCustomer.status).toBe(404);
    expect((await call(app, 'GET', '/api/gift-cards', { token: org.token })).body.total).toBe(1);
  });

  it('the ledger sums to the balance; a debit below zero is 422 and writes nothing', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const card = await issueCard(app, org.token, { initial_balance_cents: 1000 });
    const adjust = (amount_cents: unknown, reason: unknown = 'correction') => call(app, 'POST', `/api/gift-cards/${card.id}/adjust`, { token: org.token, body: { amount_cents, reason } });

    const credit = await adjust(250, 'goodwill');
    expect(credit.status, JSON.stringify(credit.body)).toBe(201);
    expect(credit.body).toMatchObject({ gift_card: { balance_cents: 1250 }, transaction: { kind: 'adjust', amount_cents: 250, balance_after_cents: 1250, reason: 'goodwill', booking_id: null, created_by: org.userId } });
    expect((await adjust(-1200)).body.gift_card.balance_cents).toBe(50);

    const over = await adjust(-51);
    expect(over).toMatchObject({ status: 422, body: { code: 'insufficient_balance' } });
    for (const bad of [0, 1.5, '10', null, 10_000_001]) expect((await adjust(bad)).body.code).toBe('validation_failed');
    expect((await adjust(10, '')).body.code).toBe('validation_failed');
    expect((await call(app, 'POST', `/api/gift-cards/${card.id}/adjust`, { token: org.token, body: { amount_cents: 10 } })).body.code).toBe('validation_failed');

    const ledger = await ledgerOf(app, org.token, card.id);
    expect(ledger.rows.map((r) => [r.kind, r.amount_cents, r.balance_after_cents])).toEqual([
      ['adjust', -1200, 50],
      ['adjust', 250, 1250],
      ['issue', 1000, 1000],
    ]);
    const now = await call(app, 'GET', `/api/gift-cards/${card.id}`, { token: org.token });
    expect(ledger.sum).toBe(now.body.balance_cents);
    expect(now.body.balance_cents).toBe(50);
    expect((await adjust(-50)).body.gift_card.balance_cents).toBe(0);
    const page = await call(app, 'GET', `/api/gift-cards/${card.id}/transactions?limit=2&page=2`, { token: org.token });
    expect(page.body).toMatchObject({ total: 4, page: 2, pages: 2, data: [{ kind: 'adjust', amount_cents: 250 }, { kind: 'issue' }] });
  });

  it('cards expire by the clock, and search finds a code however it is typed', async () => {
    const { app, clock } = t();
    const org = await signupOrg(app);
    const card = await issueCard(app, org.token, { expires_at: inDays(3), recipient_name: 'Sam Searchable' });
    await issueCard(app, org.token, { recipient_email: 'other@example.org' });
    const messy = `${card.code.slice(0, 4).toLowerCase()}-${card.code.slice(4, 8)} ${card.code.slice(8, 12)}`;
    const found = await call(app, 'GET', `/api/gift-cards?q=${encodeURIComponent(messy)}`, { token: org.token });
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([card.id]);
    expect((await call(app, 'GET', '/api/gift-cards?q=searchable', { token: org.token })).body.total).toBe(1);
    expect((await call(app, 'GET', '/api/gift-cards?q=%25', { token: org.token })).body.total).toBe(0);
    try {
      clock.now = new Date(NOW.getTime() + 3 * 86_400_000); // expiry is exclusive: expired from expires_at on
      expect((await call(app, 'GET', `/api/gift-cards/${card.id}`, { token: org.token })).body.status).toBe('expired');
      const expired = await call(app, 'GET', '/api/gift-cards?status=expired', { token: org.token });
      expect(expired.body.data.map((c: { id: string }) => c.id)).toEqual([card.id]);
      expect((await call(app, 'GET', '/api/gift-cards?status=active', { token: org.token })).body.total).toBe(1);
    } finally {
      clock.now = NOW;
    }
  });

  it('another organization’s card is 404 on every route, and not found through its own venues', async () => {
    const { app } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    const card = await issueCard(app, a.token);
    const aVenue = await createVenue(app, a.token);
    const bVenue = await createVenue(app, b.token);
    for (const [method, url, body] of [
      ['GET', `/api/gift-cards/${card.id}`, undefined],
      ['PUT', `/api/gift-cards/${card.id}`, { status: 'disabled' }],
      ['GET', `/api/gift-cards/${card.id}/transactions`, undefined],
      ['POST', `/api/gift-cards/${card.id}/adjust`, { amount_cents: -1, reason: 'theft' }],
    ] as const) {
      const res = await call(app, method, url, { token: b.token, body });
      expect({ url, method, status: res.status, code: res.body.code }).toEqual({ url, method, status: 404, code: 'not_found' });
    }
    expect((await call(app, 'GET', `/api/gift-cards?q=${card.code}`, { token: b.token })).body.total).toBe(0);
    const theirs = await call(app, 'GET', `/api/public/venues/${bVenue.embed_key}/gift-cards/${card.code}`);
    expect(theirs).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const own = await call(app, 'GET', `/api/public/venues/${aVenue.embed_key}/gift-cards/${card.code}`);
    expect(own).toMatchObject({ status: 200, body: { balance_cents: 5000, currency: 'USD', expires_at: null, status: 'active' } });
    expect((await call(app, 'GET', `/api/gift-cards/${card.id}`, { token: a.token })).body).toMatchObject({ status: 'active', balance_cents: 5000 });
  });

  it('the public look-up answers balance and status only, for any spelling of the code', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const venue = await createVenue(app, org.token);
    const card = await issueCard(app, org.token, { initial_balance_cents: 1234, expires_at: inDays(10), recipient_name: 'Private Person' });
    const spaced = encodeURIComponent(`${card.code.slice(0, 8).toLowerCase()} - ${card.code.slice(8)}`);
    const res = await call(app, 'GET', `/api/public/venues/${venue.embed_key}/gift-cards/${spaced}`);
    expect(res.body).toEqual({ balance_cents: 1234, currency: 'USD', expires_at: inDays(10), status: 'active' });
    await call(app, 'PUT', `/api/gift-cards/${card.id}`, { token: org.token, body: { status: 'disabled' } });
    expect((await call(app, 'GET', `/api/public/venues/${venue.embed_key}/gift-cards/${card.code}`)).body.status).toBe('disabled');
    for (const code of ['UNKNOWNCODE23456', `${card.code}X`, '%00', encodeURIComponent("' or 1=1 --")]) {
      expect((await call(app, 'GET', `/api/public/venues/${venue.embed_key}/gift-cards/${code}`)).status).toBe(404);
    }
    expect((await call(app, 'GET', `/api/public/venues/no-such-key-000000000000/gift-cards/${card.code}`)).status).toBe(404);
  });
});
