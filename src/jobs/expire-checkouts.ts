import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { withTenant } from '../db/tenant.js';
import { organizationsWithExpiredCheckouts, sweepExpiredCheckouts } from '../modules/bookings/service.js';
import type { StripeGateway } from '../modules/payments/service.js';

const EVERY_MS = 60_000;

/**
 * The tidy-up of expired checkouts (docs/money.md): once a minute, each organization's holds and unpaid pending
 * bookings past their time are swept, so lists show them cancelled and their gift-card parts and coupons go back
 * even when nobody books that slot again. Correctness never waits for it: the room's next writer sweeps first.
 * `committed`, in an API process, is its commit hooks: a swept checkout frees a slot and cancels a booking, so the
 * process's cached availability and report answers of that organization are retired like after a request's write.
 */
export function startCheckoutSweeper(
  db: Database,
  gateway: StripeGateway | null,
  log: FastifyBaseLogger,
  clock: () => Date = () => new Date(),
  committed: (organizationId: string) => void = () => undefined,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const now = clock();
      for (const organizationId of await organizationsWithExpiredCheckouts(db, now)) {
        await withTenant(db, { organizationId, userId: null, actorRole: 'system' }, (tx) => sweepExpiredCheckouts(tx, now, gateway));
        committed(organizationId);
      }
    })()
      .catch((err: unknown) => log.error({ err }, 'checkout sweep failed'))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
