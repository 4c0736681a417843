-- Customers' personal data: what an anonymous caller may write, and erasure that reaches the audit log.

-- 1. Contact details a widget booking gave (name, phone) stay on the booking: an anonymous caller who types
--    somebody else's email must not write to that customer's record. Staff see them on the booking and accept them
--    into the customer (POST /api/bookings/:id/accept-contact). Null for bookings made by staff.
alter table bookings add column contact_name text check (length(contact_name) between 1 and 200),
                     add column contact_phone text check (length(contact_phone) between 1 and 50);

-- 2. Erasure (GDPR article 17). The audit log is append-only, and it held an erased customer's name, email and
--    phone in the before/after images of their rows forever. When a customer is erased (deleted_at set), this
--    trigger, in the same transaction:
--    - clears the contact details of their bookings;
--    - redacts the personal fields from every audit entry of the customer row and of those bookings (the entry
--      stays: who changed what and when; only the values go);
--    - forgets the stored idempotent answers that show the customer (they would be replayed verbatim).
--    It is the only code that may change an audit entry: SECURITY DEFINER (the app role has no UPDATE on
--    audit_logs at all), and the immutability trigger lets an update through only while it runs (a setting it
--    sets for its own transaction) and only if it changes nothing but the images.
create or replace function app_audit_immutable() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and current_setting('app.audit_redaction', true) = 'on'
     and (new.id, new.organization_id, new.user_id, new.actor_role, new.action, new.table_name, new.row_id,
          new.client_ip, new.user_agent, new.request_id, new.created_at)
     is not distinct from (old.id, old.organization_id, old.user_id, old.actor_role, old.action, old.table_name, old.row_id,
          old.client_ip, old.user_agent, old.request_id, old.created_at) then
    return new;
  end if;
  raise exception 'audit_logs rows cannot be changed' using errcode = '42501';
end $$;

-- Under FORCE ROW LEVEL SECURITY an owner that is not a superuser needs a policy to update; this one reaches only
-- the organization the transaction is in, and only the redaction above can get past the immutability trigger.
create policy audit_logs_redact on audit_logs for update using (organization_id = app_current_org());

create function app_erase_customer_data() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  personal text[] := array['full_name', 'email', 'phone', 'notes', 'tags', 'contact_name', 'contact_phone'];
begin
  update bookings set contact_name = null, contact_phone = null
   where organization_id = new.organization_id and customer_id = new.id and (contact_name is not null or contact_phone is not null);
  perform set_config('app.audit_redaction', 'on', true);
  update audit_logs a
     set before = case when a.before is null then null else a.before - personal end,
         after = case when a.after is null then null else a.after - personal end
   where a.organization_id = new.organization_id
     and ((a.table_name = 'customers' and a.row_id = new.id::text)
       or (a.table_name = 'bookings' and a.row_id in (select b.id::text from bookings b
                                                       where b.organization_id = new.organization_id and b.customer_id = new.id)));
  perform set_config('app.audit_redaction', '', true);
  delete from idempotency_keys
   where organization_id = new.organization_id and response_body -> 'customer' ->> 'id' = new.id::text;
  return null;
end $$;

-- Named to fire after customers_audit (triggers of one event fire in name order), so the erasure's own audit entry,
-- whose "before" still holds the personal data, is redacted too.
create trigger customers_zz_erase after update of deleted_at on customers
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function app_erase_customer_data();
