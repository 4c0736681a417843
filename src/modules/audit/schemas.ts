import { z } from 'zod';
import { instant, text } from '../../http/fields.js';

/**
 * One audit entry. The contract (docs/api.md, "Audit log") names the fields `occurred_at, actor_id, record_id, ip`;
 * the first version answered the table's column names (`created_at, user_id, row_id, client_ip`). Both are
 * answered, the same values under each name, so clients of either keep working; the old names are deprecated.
 */
export const auditLogSchema = z
  .object({
    id: z.number().int(),
    organization_id: z.uuid().nullable(),
    occurred_at: instant.describe('When the change was committed'),
    actor_id: z.uuid().nullable().describe('The signed-in user who made the change; null for the widget, webhooks and the server’s own tools'),
    actor_role: z
      .string()
      .nullable()
      .describe('The signed-in user’s role (super_admin, admin, manager, staff); `public` for the widget, `stripe` for its webhook, `system` for the server’s own tools'),
    action: z.enum(['insert', 'update', 'delete']),
    table_name: z.string(),
    record_id: z.string().nullable().describe('The changed row’s id; null for a bulk load’s summary entry'),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().nullable().describe('The client’s address'),
    user_agent: z.string().nullable(),
    request_id: z.string().nullable(),
    user_id: z.uuid().nullable().meta({ deprecated: true }).describe('Deprecated: `actor_id`'),
    row_id: z.string().nullable().meta({ deprecated: true }).describe('Deprecated: `record_id`'),
    client_ip: z.string().nullable().meta({ deprecated: true }).describe('Deprecated: `ip`'),
    created_at: instant.meta({ deprecated: true }).describe('Deprecated: `occurred_at`'),
  })
  .meta({ id: 'AuditLog' });

export const auditQuery = z.object({
  table: text(63).optional(),
  record_id: text(100).optional().describe('Entries of one row'),
  actor_id: z.uuid().optional().describe('Entries made by one user'),
  row_id: text(100).optional().meta({ deprecated: true }).describe('Deprecated: `record_id`'),
  user_id: z.uuid().optional().meta({ deprecated: true }).describe('Deprecated: `actor_id`'),
  action: z.enum(['insert', 'update', 'delete']).optional(),
  from: instant.optional(),
  to: instant.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
