/** The notifications module's statements: templates and the delivery log (both tenant tables under RLS). */

const TEMPLATE_COLUMNS = 'id, event, channel, locale, subject, body_text, body_html, active, created_at, updated_at';

export const INSERT_TEMPLATE = `insert into notification_templates (organization_id, event, channel, locale, subject, body_text, body_html, active)
  values (app_current_org(), $1, $2, $3, $4, $5, $6, $7) returning ${TEMPLATE_COLUMNS}`;

/** The built-in templates for a new organization, from a JSON array of {event, channel, subject, body_text, body_html}. */
export const INSERT_DEFAULT_TEMPLATES = `insert into notification_templates (organization_id, event, channel, locale, subject, body_text, body_html)
  select app_current_org(), t.event, t.channel, 'en', t.subject, t.body_text, t.body_html
    from jsonb_to_recordset($1::jsonb) as t(event text, channel text, subject text, body_text text, body_html text)
  on conflict do nothing`;

export const SELECT_TEMPLATE = `select ${TEMPLATE_COLUMNS} from notification_templates where id = $1`;

export const UPDATE_TEMPLATE = `update notification_templates set event = $2, channel = $3, locale = $4, subject = $5, body_text = $6,
  body_html = $7, active = $8 where id = $1 returning ${TEMPLATE_COLUMNS}`;

export const DELETE_TEMPLATE = 'delete from notification_templates where id = $1';

/** Filters: $1 event, $2 channel, $3 locale (null = any). */
export const TEMPLATE_COUNT = `notification_templates t where ($1::text is null or t.event = $1)
  and ($2::text is null or t.channel = $2) and ($3::text is null or t.locale = $3)`;
export const templatePage = (limit: string, offset: string) =>
  `select ${TEMPLATE_COLUMNS} from ${TEMPLATE_COUNT} order by t.event, t.channel, t.locale limit ${limit} offset ${offset}`;

const DELIVERY_COLUMNS = `id, event, channel, to_address, status, attempts, last_error, template_id, booking_id, customer_id, sent_at, created_at`;

export const INSERT_DELIVERY = `insert into notification_deliveries
  (organization_id, event, channel, to_address, locale, status, last_error, booking_id, customer_id, content, dedupe_key)
  values (app_current_org(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  on conflict (organization_id, dedupe_key) where dedupe_key is not null do nothing
  returning organization_id, ${DELIVERY_COLUMNS}`;

/** Whether a delivery with this key ($1) was written (a reminder already sent or queued). */
export const DELIVERY_BY_KEY = 'select 1 from notification_deliveries where dedupe_key = $1';

/**
 * A delivery to attempt, with the organization's template for its event, channel and locale (or the locale's
 * language, or English), when the organization has an active one.
 */
export const DELIVERY_TO_SEND = `select d.id, d.event, d.channel, d.to_address, d.status, d.content, d.locale, t.id as template_id,
    t.subject, t.body_text, t.body_html
  from notification_deliveries d
  left join lateral (
    select id, subject, body_text, body_html from notification_templates t
     where t.event = d.event and t.channel = d.channel and t.active and t.locale in (d.locale, split_part(d.locale, '-', 1), 'en')
     order by t.locale = d.locale desc, t.locale = split_part(d.locale, '-', 1) desc limit 1
  ) t on true
  where d.id = $1`;

/** Records one attempt: $2 status, $3 error, $4 template; a settled delivery drops its content (it may hold links with tokens). */
export const RECORD_ATTEMPT = `update notification_deliveries set status = $2, last_error = $3, template_id = coalesce($4, template_id),
    attempts = attempts + 1, sent_at = case when $2 = 'sent' then now() else sent_at end,
    content = case when $2 in ('sent', 'skipped') then null else content end
  where id = $1 and status = 'queued'`;

/** Sends a failed delivery again: back to queued (its content was kept for this). */
export const REQUEUE_DELIVERY = `update notification_deliveries set status = 'queued' where id = $1 and status = 'failed'
  returning organization_id, ${DELIVERY_COLUMNS}`;

export const SELECT_DELIVERY = `select ${DELIVERY_COLUMNS} from notification_deliveries where id = $1`;

/** Filters: $1 booking, $2 customer, $3 status, $4 channel (null = any). */
export const DELIVERY_COUNT = `notification_deliveries d where ($1::uuid is null or d.booking_id = $1)
  and ($2::uuid is null or d.customer_id = $2) and ($3::text is null or d.status = $3) and ($4::text is null or d.channel = $4)`;
export const deliveryPage = (limit: string, offset: string) =>
  `select ${DELIVERY_COLUMNS} from ${DELIVERY_COUNT} order by d.created_at desc, d.id limit ${limit} offset ${offset}`;
