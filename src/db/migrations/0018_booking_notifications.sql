-- Booking notifications (docs/notifications.md): what a customer agreed to receive, the unsubscribe link in every
-- customer mail, and a key that lets a message be written once however often its job runs (reminders).

-- Both channels on by default: booking mails are transactional, the customer turns them off (unsubscribe, staff).
alter table customers
  add column notification_preferences jsonb not null default '{"email": true, "sms": true}'
    check (jsonb_typeof(notification_preferences -> 'email') = 'boolean' and jsonb_typeof(notification_preferences -> 'sms') = 'boolean'),
  -- 256 random bits per customer (two v4 uuids' random parts): the link is the credential, so it cannot be
  -- derived from anything the mail or the customer record shows. A volatile default gives each row its own.
  add column unsubscribe_token text not null default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
create unique index customers_unsubscribe_token_idx on customers (unsubscribe_token);

-- A reminder job that runs twice (a crash after it wrote its delivery) finds its key taken and writes nothing.
alter table notification_deliveries add column dedupe_key text check (length(dedupe_key) <= 300);
create unique index notification_deliveries_dedupe_idx on notification_deliveries (organization_id, dedupe_key) where dedupe_key is not null;

-- GET /api/public/unsubscribe/:token comes without an organization: this definer finds the customer past RLS and,
-- on a match, points the transaction at its organization (as app_manage_booking does for manage links).
create function app_enter_unsubscribe(p_token text)
returns table (organization_id uuid, customer_id uuid)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  hit record;
begin
  select c.organization_id, c.id into hit from customers c where c.unsubscribe_token = p_token and c.deleted_at is null;
  if found then
    perform set_config('app.organization_id', hit.organization_id::text, true);
    organization_id := hit.organization_id;
    customer_id := hit.id;
    return next;
  end if;
end $$;
revoke all on function app_enter_unsubscribe from public;
grant execute on function app_enter_unsubscribe to bookingtms_app;
