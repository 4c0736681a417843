import { describe, expect, it } from 'vitest';
import { redeemGiftCard } from '../../../src/modules/giftcards/service.js';
import { call, useTestApp } from '../../support/app.js';
import { onServer } from '../../support/db.js';
import { signupOrg } from '../../support/fixtures.js';
import { asTenant, book, bookable, issueCard, ledgerOf } from './fixtures.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const RACERS = 100;
const INITIAL = 5000;
const AMOUNT = 70; // 5000 / 70: 71 debits fit, with 30 left over

// Real concurrency needs the server: PGlite runs one transaction at a time, which proves nothing about locks.
describe.skipIf(!onServer)('concurrent debits never overdraw a card', () => {
  const t = useTestApp({ now: NOW, poolSize: 40 });

  /** The card's balance equals its ledger's sum, and what succeeded accounts for every cent that left it. */
  async function settle(token: string, cardId: string, taken: number) {
    const { app } = t();
    const card = await call(app, 'GET', `/api/gift-cards/${cardId}`, { token });
    const ledger = await ledgerOf(app, token, cardId);
    expect(card.body.balance_cents).toBeGreaterThanOrEqual(0);
    expect(taken).toBe(INITIAL - card.body.balance_cents);
    expect(ledger.sum).toBe(card.body.balance_cents);
    expect(ledger.rows.every((r) => r.balance_after_cents >= 0)).toBe(true);
    return card.body.balance_cents as number;
  }

  it(`${RACERS} concurrent adjusts of -${AMOUNT}: exactly the ones that fit succeed, the rest are 422`, async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const card = await issueCard(app, org.token, { initial_balance_cents: INITIAL });
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => call(app, 'POST', `/api/gift-cards/${card.id}/adjust`, { token: org.token, body: { amount_cents: -AMOUNT, reason: 'race' } })),
    );
    const ok = answers.filter((a) => a.status === 201).length;
    expect(answers.filter((a) => a.status !== 201).map((a) => a.body.code as string)).toEqual(Array(RACERS - ok).fill('insufficient_balance'));
    expect(ok).toBe(Math.floor(INITIAL / AMOUNT));
    expect(await settle(org.token, card.id, ok * AMOUNT)).toBe(INITIAL % AMOUNT);
  }, 120_000);

  it(`${RACERS} concurrent redemptions in their own transactions take the balance exactly once`, async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const place = await bookable(app, org.token);
    const booking = await book(app, org.token, place, NOW);
    const card = await issueCard(app, org.token, { initial_balance_cents: INITIAL });
    let open = 0;
    let most = 0;
    const results = await Promise.allSettled(
      Array.from({ length: RACERS }, () =>
        asTenant(db, org, async (tx) => {
          most = Math.max(most, ++open);
          try {
            return await redeemGiftCard(tx, { code: card.code, maxCents: AMOUNT, currency: 'USD', bookingId: booking.id }, NOW);
          } finally {
            open -= 1;
          }
        }),
      ),
    );
    expect(most, 'transactions open at once').toBeGreaterThanOrEqual(10);
    const taken = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.amountCents] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
    // 71 full debits and one of the 30 left; then the card is empty.
    expect(taken.filter((a) => a === AMOUNT)).toHaveLength(Math.floor(INITIAL / AMOUNT));
    expect(taken.filter((a) => a !== AMOUNT)).toEqual([INITIAL % AMOUNT]);
    expect(refused).toEqual(Array(RACERS - taken.length).fill('insufficient_balance'));
    expect(await settle(org.token, card.id, taken.reduce((s, a) => s + a, 0))).toBe(0);
  }, 120_000);
});
