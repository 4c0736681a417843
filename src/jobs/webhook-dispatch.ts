import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { withTenant } from '../db/tenant.js';
import { dispatchInbox, notifyUsers } from '../modules/inbox/service.js';
import { runWebhookDispatch } from '../modules/webhooks/service.js';

/**
 * The integration worker: a pass of the in-app notifications (docs/integrations.md) and of the webhook dispatcher
 * (fan-out of new events, then due deliveries) every
 * WEBHOOK_DISPATCH_MS, never two at once in one process (several processes may run side by side: deliveries are
 * claimed with SKIP LOCKED and the stream cursor is locked per pass). 0 turns the loop off.
 */
export function startWebhookDispatch(db: Database, config: Config, log: FastifyBaseLogger): { stop(): Promise<void> } {
  if (config.WEBHOOK_DISPATCH_MS === 0) return { stop: async () => {} };
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = dispatchInbox(db).then(() => runWebhookDispatch(db, {
      now: new Date(),
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
      disableAfter: config.WEBHOOK_DISABLE_AFTER,
      onDisabled: (organizationId, endpointId, url) => {
        log.warn({ organizationId, endpointId, url }, 'webhook endpoint disabled after repeated failures');
        void withTenant(db, { organizationId, userId: null, actorRole: 'system' }, (tx) =>
          notifyUsers(tx, { event: 'webhook.disabled', title: 'A webhook endpoint was disabled', body: `${url} failed ${config.WEBHOOK_DISABLE_AFTER} deliveries in a row`, record: { table: 'webhook_endpoints', id: endpointId }, roles: ['admin'] }),
        ).catch((err: unknown) => log.error({ err }, 'could not tell admins about a disabled webhook'));
      },
    }))
      .catch((err: unknown) => log.error({ err }, 'webhook dispatch failed'))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, config.WEBHOOK_DISPATCH_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
