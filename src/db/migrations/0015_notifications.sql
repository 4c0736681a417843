-- Notifications (docs/notifications.md): message templates per organization, event, channel and locale, and the
-- delivery log. The sending itself is a pg-boss job (pg-boss installs its own schema, `pgboss`, at start); a
-- delivery row is written in the same transaction as its job, so the two exist together or not at all.
-- The email outbox of 0001 is replaced by this path.

drop function app_outbox_enqueue(uuid, text, text, text, text);
drop table email_outbox;

create table notification_templates (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  event text not null check (event in ('booking_created', 'booking_confirmed', 'booking_rescheduled', 'booking_cancelled',
    'booking_reminder', 'payment_receipt', 'refund_issued', 'gift_card_issued', 'waiver_request')),
  channel text not null check (channel in ('email', 'sms')),
  locale text not null check (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  subject text check (length(subject) between 1 and 500),
  body_text text not null check (length(body_text) between 1 and 20000),
  body_html text check (length(body_html) between 1 and 100000),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id),
  constraint notification_templates_event_channel_locale_key unique (organization_id, event, channel, locale),
  -- An email needs a subject; a text message has neither subject nor HTML.
  check (channel <> 'email' or subject is not null),
  check (channel <> 'sms' or (subject is null and body_html is null))
);

create table notification_deliveries (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  -- A template event, or a platform mail's kind (password_reset, signup_existing).
  event text not null check (event ~ '^[a-z][a-z_]{0,49}$'),
  channel text not null check (channel in ('email', 'sms')),
  to_address text not null check (length(to_address) between 1 and 320),
  locale text not null default 'en' check (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (length(last_error) <= 2000),
  template_id uuid,
  booking_id uuid,
  customer_id uuid,
  -- What the message is rendered from: the template's variables, or a platform mail's finished text. It may hold a
  -- manage or reset link, so it is dropped once the delivery is settled (sent or skipped).
  content jsonb,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id),
  -- Deleting a template keeps the log: the row forgets which template it used, not its organization.
  foreign key (organization_id, template_id) references notification_templates (organization_id, id) on delete set null (template_id),
  foreign key (organization_id, booking_id) references bookings (organization_id, id),
  foreign key (organization_id, customer_id) references customers (organization_id, id),
  check (status <> 'sent' or sent_at is not null)
);
create index notification_deliveries_org_created_idx on notification_deliveries (organization_id, created_at desc, id);
create index notification_deliveries_booking_idx on notification_deliveries (organization_id, booking_id) where booking_id is not null;
create index notification_deliveries_customer_idx on notification_deliveries (organization_id, customer_id) where customer_id is not null;

do $$
declare
  t text;
begin
  foreach t in array array['notification_templates', 'notification_deliveries'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (organization_id = app_current_org()) with check (organization_id = app_current_org())', t || '_tenant', t);
    execute format('create trigger %I before update on %I for each row execute function app_touch_updated_at()', t || '_touch', t);
  end loop;
end $$;
grant select, insert, update, delete on notification_templates to bookingtms_app;
-- The log is never deleted by the app; only its state columns change.
grant select, insert on notification_deliveries to bookingtms_app;
grant update (status, attempts, last_error, template_id, content, sent_at, updated_at) on notification_deliveries to bookingtms_app;

-- A customer erased for privacy (customers.deleted_at set) leaves no address or message content in the log.
-- A definer: the app role may not change a delivery's address otherwise.
create function app_redact_customer_deliveries() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  update notification_deliveries set to_address = 'redacted', content = null
   where organization_id = new.organization_id and customer_id = new.id;
  return new;
end $$;
create trigger customers_redact_deliveries after update of deleted_at on customers
  for each row when (old.deleted_at is null and new.deleted_at is not null) execute function app_redact_customer_deliveries();
