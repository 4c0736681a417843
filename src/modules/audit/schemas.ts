import { z } from 'zod';
import { instant, text } from '../../http/fields.js';

export const auditLogSchema = z
  .object({
    id: z.number().int(),
    organization_id: z.uuid().nullable(),
    user_id: z.uuid().nullable(),
    actor_role: z
      .string()
      .nullable()
      .describe('The signed-in user’s role (super_admin, admin, manager, staff); `public` for the widget, `stripe` for its webhook, `system` for the server’s own tools'),
    action: z.enum(['insert', 'update', 'delete']),
    table_name: z.string(),
    row_id: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    client_ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    request_id: z.string().nullable(),
    created_at: instant,
  })
  .meta({ id: 'AuditLog' });

export const auditQuery = z.object({
  table: text(63).optional(),
  row_id: text(100).optional(),
  user_id: z.uuid().optional(),
  action: z.enum(['insert', 'update', 'delete']).optional(),
  from: instant.optional(),
  to: instant.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
