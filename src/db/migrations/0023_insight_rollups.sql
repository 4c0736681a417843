-- What the revenue, staff and customers reports read instead of whole tables (issue 15's speed; docs/reports.md
-- "How the figures are kept", docs/performance.md). Both are kept exact by triggers in the transaction of every
-- change they summarise, so a report reads them as it would read the base rows, at any moment:
--
-- 1. revenue_entries: what each succeeded payment row contributes to revenue, with the two facts of its booking
--    that the revenue report used to join every booking for (the venue, and the row's share of the booking's tax).
--    A change of what a contribution depends on (the payment's status or success instant; the booking's tax, total
--    or venue) appends the difference, so the rows of a payment always sum to what it contributes now.
-- 2. customer_segment_days (+ customer_segment_changes): live customers counted by the time-free part of their
--    segment (vip, new, regular) and the UTC day of their recency instant, with their lifetime value, so segment
--    counts at any instant are a sum over days plus the customers of one day, never a function per customer.
--
-- Citus-ready like every tenant table: the organization leads every primary key, foreign keys carry it, RLS forced.
-- The app role may only read these tables; the definer functions below write them.

-- 1. Revenue ---------------------------------------------------------------------------------------------

create table revenue_entries (
  organization_id uuid not null references organizations (id),
  id bigint generated always as identity,
  payment_id uuid not null,
  -- When the payment row succeeded (its updated_at: a succeeded row never changes again), as the report dates it.
  at timestamptz not null,
  venue_id uuid not null,
  method text not null,
  kind text not null check (kind in ('payment', 'refund')),
  created_by uuid,
  -- Signed: a payment's or refund's amount as received or returned; a later restatement appends its opposite.
  amount_cents bigint not null,
  -- The row's share of its booking's tax, rounded half up per row, negative for refunds (docs/reports.md).
  tax_cents bigint not null,
  primary key (organization_id, id),
  foreign key (organization_id, payment_id) references payments (organization_id, id),
  foreign key (organization_id, venue_id) references venues (organization_id, id)
);
-- A period's money is an index-only range read.
create index revenue_entries_at_idx on revenue_entries (organization_id, at)
  include (venue_id, method, kind, created_by, amount_cents, tax_cents);
create index revenue_entries_payment_idx on revenue_entries (organization_id, payment_id);

-- Brings the entries of payments p_ids of organization p_org in line with what they contribute now: the
-- difference between the current contribution (a succeeded row: its amount and tax share at its booking's venue)
-- and what the entries already hold, appended per key; nothing when they agree. The bookings are locked first
-- (as the payments trigger that updates their sums does), so a concurrent change of a booking's tax or venue
-- waits for this transaction and then restates with what it wrote.
create function app_revenue_restate(p_org uuid, p_ids uuid[]) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  perform 1 from bookings b
   where b.organization_id = p_org
     and b.id in (select p.booking_id from payments p where p.organization_id = p_org and p.id = any(p_ids))
   order by b.id
     for no key update of b;
  insert into revenue_entries (organization_id, payment_id, at, venue_id, method, kind, created_by, amount_cents, tax_cents)
  select p_org, x.payment_id, x.at, x.venue_id, x.method, x.kind, x.created_by, sum(x.amount_cents), sum(x.tax_cents)
    from (
      select e.payment_id, e.at, e.venue_id, e.method, e.kind, e.created_by, -e.amount_cents as amount_cents, -e.tax_cents as tax_cents
        from revenue_entries e where e.organization_id = p_org and e.payment_id = any(p_ids)
      union all
      select p.id, p.updated_at, b.venue_id, p.method, p.kind, p.created_by, p.amount_cents,
             (case when b.final_amount = 0 then 0 else round(p.amount_cents::numeric * b.tax_amount / b.final_amount) end
              * case when p.kind = 'refund' then -1 else 1 end)::bigint
        from payments p join bookings b on b.organization_id = p.organization_id and b.id = p.booking_id
       where p.organization_id = p_org and p.id = any(p_ids) and p.status = 'succeeded'
    ) x
   group by x.payment_id, x.at, x.venue_id, x.method, x.kind, x.created_by
  having sum(x.amount_cents) <> 0 or sum(x.tax_cents) <> 0;
end $$;
revoke all on function app_revenue_restate from public;

-- Statement triggers: one restatement per statement, so the demo seeder's bulk inserts cost one set-based insert.
create function payments_revenue_inserted() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  r record;
begin
  for r in select organization_id as org, array_agg(id) as ids from added where status = 'succeeded' group by 1 loop
    perform app_revenue_restate(r.org, r.ids);
  end loop;
  return null;
end $$;
create trigger payments_revenue_insert after insert on payments
  referencing new table as added for each statement execute function payments_revenue_inserted();

-- A status move (or any update that moves updated_at) of a row that is or was succeeded.
create function payments_revenue_updated() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  r record;
begin
  for r in
    select n.organization_id as org, array_agg(n.id) as ids
      from after_rows n join before_rows o on o.organization_id = n.organization_id and o.id = n.id
     where (o.status = 'succeeded' or n.status = 'succeeded') and (o.status, o.updated_at) is distinct from (n.status, n.updated_at)
     group by 1
  loop
    perform app_revenue_restate(r.org, r.ids);
  end loop;
  return null;
end $$;
create trigger payments_revenue_update after update on payments
  referencing old table as before_rows new table as after_rows for each statement execute function payments_revenue_updated();

-- A booking whose tax, total or venue changes (a resize prices it again) restates its payments' contributions,
-- as the report computed them from the booking's current figures before.
create function bookings_revenue_restate() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  perform app_revenue_restate(new.organization_id,
    array(select p.id from payments p where p.organization_id = new.organization_id and p.booking_id = new.id));
  return null;
end $$;
create trigger bookings_revenue after update of tax_amount, final_amount, venue_id on bookings
  for each row when ((old.tax_amount, old.final_amount, old.venue_id) is distinct from (new.tax_amount, new.final_amount, new.venue_id))
  execute function bookings_revenue_restate();

insert into revenue_entries (organization_id, payment_id, at, venue_id, method, kind, created_by, amount_cents, tax_cents)
select p.organization_id, p.id, p.updated_at, b.venue_id, p.method, p.kind, p.created_by, p.amount_cents,
       (case when b.final_amount = 0 then 0 else round(p.amount_cents::numeric * b.tax_amount / b.final_amount) end
        * case when p.kind = 'refund' then -1 else 1 end)::bigint
  from payments p join bookings b on b.organization_id = p.organization_id and b.id = p.booking_id
 where p.status = 'succeeded'
 order by p.organization_id, p.updated_at;

-- The revenue report's discounts and the promotions report read a period's coupon redemptions by the date each
-- was made or released: ranges of these indexes instead of a scan of every redemption.
create index coupon_redemptions_created_idx on coupon_redemptions (organization_id, created_at);
create index coupon_redemptions_released_idx on coupon_redemptions (organization_id, released_at) where released_at is not null;

-- 2. Customer segments -------------------------------------------------------------------------------------

-- New against returning: the customers whose first booking falls in a report's period or later, by range (the
-- column changes only when a customer's first booking does, so the index costs the statistics trigger little).
create index customers_first_booking_idx on customers (organization_id, first_booking_at) where first_booking_at is not null;

-- The segment rule (0002) in its two parts: the time-free part of the stored statistics, and inactivity, which
-- depends on the instant asked about. customer_segment stays the one rule every reader applies.
create function customer_segment_static(total_bookings integer, lifetime_value_cents bigint) returns text
language sql immutable as $$
  select case
    when rfm_frequency(total_bookings) + rfm_monetary(lifetime_value_cents) >= 8 then 'vip'
    when total_bookings <= 1 then 'new'
    else 'regular' end
$$;
create or replace function customer_segment(total_bookings integer, lifetime_value_cents bigint, last_booking_at timestamptz,
                                            created_at timestamptz, at timestamptz) returns text
language sql immutable as $$
  select case
    when coalesce(last_booking_at, created_at) < at - interval '180 days' then 'inactive'
    else customer_segment_static(total_bookings, lifetime_value_cents) end
$$;
grant execute on function customer_segment_static to bookingtms_app;

-- The recency day of a customer: the UTC date of the instant inactivity is measured from.
create function customer_recency_day(last_booking_at timestamptz, created_at timestamptz) returns date
language sql immutable as $$
  select (coalesce(last_booking_at, created_at) at time zone 'UTC')::date
$$;

-- Live customers (not erased) per (time-free segment, recency day): count and lifetime value. Exact at every
-- moment together with customer_segment_changes: a customer's change appends its difference there (an insert,
-- which never waits for another booking's transaction), and every so often one transaction folds the changes in.
create table customer_segment_days (
  organization_id uuid not null references organizations (id),
  segment text not null check (segment in ('vip', 'regular', 'new')),
  recency_day date not null,
  customers bigint not null,
  lifetime_value_cents bigint not null,
  primary key (organization_id, segment, recency_day)
);
create table customer_segment_changes (
  organization_id uuid not null references organizations (id),
  id bigint generated always as identity,
  segment text not null check (segment in ('vip', 'regular', 'new')),
  recency_day date not null,
  customers bigint not null,
  lifetime_value_cents bigint not null,
  primary key (organization_id, id)
);

-- Folds organization p_org's changes into its days, unless another transaction is doing so (then it will).
-- The advisory lock is the two-key form, a space apart from the room locks' single keys.
create function app_fold_customer_segments(p_org uuid) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if not pg_try_advisory_xact_lock(2023, hashtext(p_org::text)) then
    return;
  end if;
  with gone as (
    delete from customer_segment_changes where organization_id = p_org
    returning segment, recency_day, customers, lifetime_value_cents
  ), folded as (
    insert into customer_segment_days as d (organization_id, segment, recency_day, customers, lifetime_value_cents)
    select p_org, segment, recency_day, sum(customers), sum(lifetime_value_cents) from gone group by segment, recency_day
    on conflict (organization_id, segment, recency_day) do update
      set customers = d.customers + excluded.customers, lifetime_value_cents = d.lifetime_value_cents + excluded.lifetime_value_cents
    returning d.segment, d.recency_day, d.customers
  )
  delete from customer_segment_days d using folded f
   where d.organization_id = p_org and d.segment = f.segment and d.recency_day = f.recency_day and f.customers = 0;
end $$;
revoke all on function app_fold_customer_segments from public;

create function customers_segment_rollup() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  last_id bigint;
begin
  with parts as (
    select old.organization_id as org, customer_segment_static(old.total_bookings, old.lifetime_value_cents) as segment,
           customer_recency_day(old.last_booking_at, old.created_at) as day, -1 as n, -old.lifetime_value_cents as v
     where tg_op <> 'INSERT' and old.deleted_at is null
    union all
    select new.organization_id, customer_segment_static(new.total_bookings, new.lifetime_value_cents),
           customer_recency_day(new.last_booking_at, new.created_at), 1, new.lifetime_value_cents
     where tg_op <> 'DELETE' and new.deleted_at is null
  ), added as (
    insert into customer_segment_changes (organization_id, segment, recency_day, customers, lifetime_value_cents)
    select org, segment, day, sum(n), sum(v) from parts group by org, segment, day
    having sum(n) <> 0 or sum(v) <> 0
    returning id, organization_id
  )
  select max(id) into last_id from added;
  -- About one change in 256 folds its organization's changes in, so they stay a few hundred rows.
  if last_id is not null and last_id % 256 = 0 then
    perform app_fold_customer_segments(coalesce(new.organization_id, old.organization_id));
  end if;
  return null;
end $$;
create trigger customers_segments_insert after insert on customers
  for each row execute function customers_segment_rollup();
create trigger customers_segments_update after update on customers
  for each row when ((old.total_bookings, old.lifetime_value_cents, old.last_booking_at, old.created_at, old.deleted_at is null)
                     is distinct from (new.total_bookings, new.lifetime_value_cents, new.last_booking_at, new.created_at, new.deleted_at is null))
  execute function customers_segment_rollup();
create trigger customers_segments_delete after delete on customers
  for each row execute function customers_segment_rollup();

insert into customer_segment_days (organization_id, segment, recency_day, customers, lifetime_value_cents)
select organization_id, customer_segment_static(total_bookings, lifetime_value_cents),
       customer_recency_day(last_booking_at, created_at), count(*), sum(lifetime_value_cents)
  from customers where deleted_at is null
 group by 1, 2, 3;

-- Tenancy and rights ----------------------------------------------------------------------------------------

do $$
declare
  t text;
begin
  foreach t in array array['revenue_entries', 'customer_segment_days', 'customer_segment_changes'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (organization_id = app_current_org()) with check (organization_id = app_current_org())', t || '_tenant', t);
    execute format('grant select on %I to bookingtms_app', t);
  end loop;
end $$;
