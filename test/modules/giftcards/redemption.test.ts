import { describe, expect, it } from 'vitest';
import { giftCardForQuote, issueGiftCard, maskGiftCardCode, redeemGiftCard, refundToGiftCard } from '../../../src/modules/giftcards/service.js';
import { call, useTestApp } from '../../support/app.js';
import { signupOrg } from '../../support/fixtures.js';
import { asTenant, book, bookable, issueCard, ledgerOf } from './fixtures.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

// The service functions booking creation and cancellation call, each in a real tenant transaction.
describe('gift card redemption and refunds', () => {
  const t = useTestApp({ now: NOW });

  it('quotes and redeems up to the balance, refunds back to the card, and the ledger always sums to the balance', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const place = await bookable(app, org.token);
    const [first, second] = [await book(app, org.token, place, NOW), await book(app, org.token, place, NOW)];
    const card = await issueCard(app, org.token, { initial_balance_cents: 3000 });
    const typed = `${card.code.slice(0, 4).toLowerCase()}-${card.code.slice(4, 8)}-${card.code.slice(8, 12)} ${card.code.slice(12)}`;

    expect(await asTenant(db, org, (tx) => giftCardForQuote(tx, typed, 'USD', NOW))).toEqual({ id: card.id, code: card.code, balance_cents: 3000 });
    expect(await asTenant(db, org, (tx) => redeemGiftCard(tx, { code: typed, maxCents: 2000, currency: 'USD', bookingId: first.id }, NOW))).toEqual({ giftCardId: card.id, amountCents: 2000 });
    // Only what is left: 1000 of the 2500 wanted.
    expect(await asTenant(db, org, (tx) => redeemGiftCard(tx, { code: card.code, maxCents: 2500, currency: 'USD', bookingId: second.id }, NOW))).toEqual({ giftCardId: card.id, amountCents: 1000 });
    await expect(asTenant(db, org, (tx) => redeemGiftCard(tx, { code: card.code, maxCents: 1, currency: 'USD', bookingId: second.id }, NOW))).rejects.toMatchObject({ code: 'insufficient_balance' });
    await expect(asTenant(db, org, (tx) => redeemGiftCard(tx, { code: card.code, maxCents: 0, currency: 'USD', bookingId: second.id }, NOW))).rejects.toMatchObject({ code: 'rule_violation' });

    await asTenant(db, org, (tx) => refundToGiftCard(tx, { giftCardId: card.id, amountCents: 1500, bookingId: first.id }));
    // A booking gets back at most what it took: 500 more for the first, never 1500.
    await expect(asTenant(db, org, (tx) => refundToGiftCard(tx, { giftCardId: card.id, amountCents: 501, bookingId: first.id }))).rejects.toMatchObject({ code: 'rule_violation' });
    await asTenant(db, org, (tx) => refundToGiftCard(tx, { giftCardId: card.id, amountCents: 0, bookingId: first.id }));

    const ledger = await ledgerOf(app, org.token, card.id);
    expect(ledger.rows.map((r) => [r.kind, r.amount_cents, r.balance_after_cents, r.booking_id])).toEqual([
      ['refund', 1500, 1500, first.id],
      ['redeem', -1000, 0, second.id],
      ['redeem', -2000, 1000, first.id],
      ['issue', 3000, 3000, null],
    ]);
    const now = await call(app, 'GET', `/api/gift-cards/${card.id}`, { token: org.token });
    expect(now.body.balance_cents).toBe(1500);
    expect(ledger.sum).toBe(1500);
  });

  it('a disabled, expired, foreign-currency or unknown card is invalid_code for quotes and redemptions; refunds still land', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const other = await signupOrg(app);
    const place = await bookable(app, org.token);
    const booking = await book(app, org.token, place, NOW);
    const disabled = await issueCard(app, org.token);
    await call(app, 'PUT', `/api/gift-cards/${disabled.id}`, { token: org.token, body: { status: 'disabled' } });
    const expiring = await issueCard(app, org.token, { expires_at: later(1).toISOString() });
    const euro = await asTenant(db, org, (tx) => issueGiftCard(tx, { initialBalanceCents: 500, currency: 'EUR' }, NOW));
    const foreign = await issueCard(app, other.token);

    const attempts: [string, Date, string][] = [
      [disabled.code, NOW, 'USD'],
      [expiring.code, later(1), 'USD'],
      [euro.code, NOW, 'USD'],
      [foreign.code, NOW, 'USD'],
      ['NOTACODE', NOW, 'USD'],
      ['2222222222222222', NOW, 'USD'],
      ['\u0000', NOW, 'USD'],
    ];
    for (const [code, at, currency] of attempts) {
      await expect(asTenant(db, org, (tx) => giftCardForQuote(tx, code, currency, at)), code).rejects.toMatchObject({ code: 'invalid_code' });
      await expect(asTenant(db, org, (tx) => redeemGiftCard(tx, { code, maxCents: 100, currency, bookingId: booking.id }, at)), code).rejects.toMatchObject({ code: 'invalid_code' });
    }
    // A second before expiry it still pays; the same currency as the card pays.
    expect((await asTenant(db, org, (tx) => giftCardForQuote(tx, expiring.code, 'USD', new Date(later(1).getTime() - 1000)))).balance_cents).toBe(5000);
    expect((await asTenant(db, org, (tx) => redeemGiftCard(tx, { code: euro.code, maxCents: 100, currency: 'EUR', bookingId: booking.id }, NOW))).amountCents).toBe(100);
    expect((await asTenant(db, org, (tx) => redeemGiftCard(tx, { code: expiring.code, maxCents: 700, currency: 'USD', bookingId: booking.id }, NOW))).amountCents).toBe(700);

    // The card expired (or was disabled) after paying: the booking's part still goes back to it.
    await asTenant(db, org, (tx) => refundToGiftCard(tx, { giftCardId: expiring.id, amountCents: 700, bookingId: booking.id }));
    await call(app, 'PUT', `/api/gift-cards/${euro.id}`, { token: org.token, body: { status: 'disabled' } });
    await asTenant(db, org, (tx) => refundToGiftCard(tx, { giftCardId: euro.id, amountCents: 100, bookingId: booking.id }));
    expect((await call(app, 'GET', `/api/gift-cards/${expiring.id}`, { token: org.token })).body.balance_cents).toBe(5000);
    expect((await call(app, 'GET', `/api/gift-cards/${euro.id}`, { token: org.token })).body).toMatchObject({ balance_cents: 500, status: 'disabled' });
    // Nothing of the other organization's card moved.
    expect((await ledgerOf(app, other.token, foreign.id)).rows).toHaveLength(1);
    expect(maskGiftCardCode(euro.code)).toBe(`XXXX-XXXX-XXXX-${euro.code.slice(12)}`);
  });

  it('the database refuses a balance without its ledger row, a negative balance, and changes to the ledger', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const card = await issueCard(app, org.token, { initial_balance_cents: 1000 });
    const sneak = (statement: string) => asTenant(db, org, (tx) => tx.query(statement, [card.id]));
    await expect(sneak('update gift_cards set balance_cents = balance_cents + 100 where id = $1')).rejects.toMatchObject({ code: '23514' });
    await expect(sneak('update gift_cards set balance_cents = -1 where id = $1')).rejects.toMatchObject({ code: '23514' });
    await expect(sneak('update gift_card_transactions set amount_cents = 2000 where gift_card_id = $1')).rejects.toMatchObject({ code: '42501' });
    await expect(sneak('delete from gift_card_transactions where gift_card_id = $1')).rejects.toMatchObject({ code: '42501' });
    await expect(sneak(`update gift_cards set code = 'ABCDEFGHJKMNPQRS' where id = $1`)).rejects.toMatchObject({ code: '42501' });
    await expect(sneak('delete from gift_cards where id = $1')).rejects.toMatchObject({ code: '42501' });
    const ledger = await ledgerOf(app, org.token, card.id);
    expect(ledger.rows.map((r) => [r.kind, r.amount_cents])).toEqual([['issue', 1000]]);
    expect((await call(app, 'GET', `/api/gift-cards/${card.id}`, { token: org.token })).body.balance_cents).toBe(1000);
  });
});
