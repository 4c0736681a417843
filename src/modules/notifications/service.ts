import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { ENQUEUE_EMAIL } from './sql.js';

export interface MailMessage {
  organizationId: string | null;
  to: string;
  subject: string;
  body: string;
  /** What the message is for, e.g. 'password_reset': lets the outbox be filtered and retried by kind. */
  kind: string;
}

/** Sends email. The outbox implementation records every message; SMTP delivery comes with notifications. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Records each message in the email_outbox table and logs that it did (never the body: it may hold a token). */
export function outboxMailer(db: Database, log: FastifyBaseLogger): Mailer {
  return {
    async send(m) {
      await withTenant(db, { organizationId: m.organizationId, userId: null }, (tx) =>
        tx.query(ENQUEUE_EMAIL, [m.organizationId, m.to, m.subject, m.body, m.kind]),
      );
      log.info({ kind: m.kind, organizationId: m.organizationId }, 'email queued in outbox');
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** How this app sends email (the outbox by default; tests pass their own). */
    mailer: Mailer;
  }
}
