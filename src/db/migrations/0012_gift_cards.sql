-- Gift cards and referrals (docs/gift-cards.md). The walls are here, not in the application:
-- - a card's balance never goes below 0 (check), and equals the sum of its ledger at every commit (a deferred
--   constraint trigger), so no statement can move money without writing the ledger;
-- - the ledger is append-only (no update/delete grant, and a trigger that refuses them for everyone);
-- - a card's code, currency and initial balance never change (update is granted on the mutable columns only);
-- - a customer is referred at most once, never by themself, and rewarded at most once.

-- Gift cards --------------------------------------------------------------------------------------------

create table gift_cards (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  -- 16 characters of an alphabet without 0/O, 1/I/L and U (read out, typed in), about 78 bits: unguessable.
  -- Stored normalised (upper case, no separators), so a look-up is an equality on the unique key.
  code text not null check (code ~ '^[2-9A-HJKMNP-TV-Z]{16}$'),
  initial_balance_cents integer not null check (initial_balance_cents between 1 and 10000000),
  balance_cents bigint not null check (balance_cents >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  -- 'expired' is not stored: it is derived from expires_at at read time, so a card needs no job to expire.
  status text not null default 'active' check (status in ('active', 'disabled')),
  expires_at timestamptz,
  recipient_name text check (length(recipient_name) between 1 and 200),
  recipient_email text check (length(recipient_email) between 3 and 254),
  customer_id uuid,
  created_by uuid,
  note text check (length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id),
  unique (organization_id, code),
  foreign key (organization_id, customer_id) references customers (organization_id, id),
  foreign key (organization_id, created_by) references users (organization_id, id)
);
create index gift_cards_org_created_idx on gift_cards (organization_id, created_at desc, id);

-- The ledger: one row per movement of money, never changed. `seq` orders a card's rows as their updates of the
-- balance were serialised (each is inserted in the statement that holds the card's row lock).
create table gift_card_transactions (
  organization_id uuid not null,
  id uuid not null default gen_random_uuid(),
  seq bigint generated always as identity,
  gift_card_id uuid not null,
  kind text not null check (kind in ('issue', 'redeem', 'refund', 'adjust')),
  amount_cents bigint not null check (amount_cents <> 0),
  booking_id uuid,
  balance_after_cents bigint not null check (balance_after_cents >= 0),
  reason text check (length(reason) between 1 and 2000),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (organization_id, id),
  foreign key (organization_id, gift_card_id) references gift_cards (organization_id, id),
  foreign key (organization_id, booking_id) references bookings (organization_id, id),
  foreign key (organization_id, created_by) references users (organization_id, id),
  -- The sign of each kind; redemptions and refunds belong to a booking, an adjustment has its reason.
  check (case kind when 'issue' then amount_cents > 0 when 'refund' then amount_cents > 0
                   when 'redeem' then amount_cents < 0 else true end),
  check (kind not in ('redeem', 'refund') or booking_id is not null),
  check (kind <> 'adjust' or reason is not null)
);
create index gift_card_transactions_card_idx on gift_card_transactions (organization_id, gift_card_id, seq desc);
create index gift_card_transactions_booking_idx on gift_card_transactions (organization_id, booking_id) where booking_id is not null;

create function app_ledger_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'gift card ledger rows cannot be changed or deleted' using errcode = '42501';
end $$;
create trigger gift_card_transactions_append_only before update or delete on gift_card_transactions
  for each row execute function app_ledger_append_only();
-- TRUNCATE bypasses row triggers; nobody but the owner may truncate anyway, and this says so explicitly.
create trigger gift_card_transactions_no_truncate before truncate on gift_card_transactions
  for each statement execute function app_ledger_append_only();

-- balance_cents = sum(ledger) for the card, checked at commit (deferred: a card and its issue row, or a balance
-- update and its ledger row, are written by one statement, but a check per row would see one half). The first
-- trigger argument names the column holding the card id. 23514 is a check violation, like the other walls.
create function app_gift_card_balance_matches_ledger() returns trigger
language plpgsql as $$
declare
  card uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
  balance bigint;
  total bigint;
begin
  select g.balance_cents, (select coalesce(sum(t.amount_cents), 0) from gift_card_transactions t
                            where t.organization_id = g.organization_id and t.gift_card_id = g.id)
    into balance, total
    from gift_cards g where g.organization_id = new.organization_id and g.id = card;
  if balance is distinct from total then
    raise exception 'gift card % balance % does not match its ledger %', card, balance, total using errcode = '23514';
  end if;
  return null;
end $$;
create constraint trigger gift_cards_balance_matches_ledger after insert or update of balance_cents on gift_cards
  deferrable initially deferred for each row execute function app_gift_card_balance_matches_ledger('id');
create constraint trigger gift_card_transactions_balance_matches_ledger after insert on gift_card_transactions
  deferrable initially deferred for each row execute function app_gift_card_balance_matches_ledger('gift_card_id');

-- Referrals ---------------------------------------------------------------------------------------------

create table referral_codes (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  customer_id uuid not null,
  code text not null check (code ~ '^REF-[2-9A-HJKMNP-TV-Z]{6}$'),
  created_at timestamptz not null default now(),
  primary key (organization_id, id),
  unique (organization_id, customer_id),
  unique (organization_id, code),
  foreign key (organization_id, customer_id) references customers (organization_id, id)
);

create table referrals (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  referrer_customer_id uuid not null,
  referred_customer_id uuid not null,
  -- The referred customer's first booking: its completion earns the referrer the reward.
  booking_id uuid not null,
  rewarded_at timestamptz,
  reward_gift_card_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id),
  unique (organization_id, referred_customer_id),
  check (referrer_customer_id <> referred_customer_id),
  check ((rewarded_at is null) = (reward_gift_card_id is null)),
  foreign key (organization_id, referrer_customer_id) references customers (organization_id, id),
  foreign key (organization_id, referred_customer_id) references customers (organization_id, id),
  foreign key (organization_id, booking_id) references bookings (organization_id, id),
  foreign key (organization_id, reward_gift_card_id) references gift_cards (organization_id, id)
);
create index referrals_referrer_idx on referrals (organization_id, referrer_customer_id);
create index referrals_booking_idx on referrals (organization_id, booking_id);

-- RLS, grants, housekeeping and audit ---------------------------------------------------------------------

do $$
declare
  t text;
begin
  foreach t in array array['gift_cards', 'gift_card_transactions', 'referral_codes', 'referrals'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (organization_id = app_current_org()) with check (organization_id = app_current_org())', t || '_tenant', t);
  end loop;
end $$;
-- Only what may change is granted: a card's code, currency and initial balance are fixed, the ledger and the
-- codes are append-only, a referral changes only when it is rewarded. Nothing is deleted.
grant select, insert on gift_cards, gift_card_transactions, referral_codes, referrals to bookingtms_app;
grant update (balance_cents, status, expires_at) on gift_cards to bookingtms_app;
grant update (rewarded_at, reward_gift_card_id) on referrals to bookingtms_app;

create trigger gift_cards_touch before update on gift_cards for each row execute function app_touch_updated_at();
create trigger referrals_touch before update on referrals for each row execute function app_touch_updated_at();
-- A balance change is recorded by its ledger row (audited itself), so balance-only updates add no audit entry.
create trigger gift_cards_audit after insert or update on gift_cards
  for each row execute function app_audit_row('organization_id', 'balance_cents');
create trigger gift_card_transactions_audit after insert on gift_card_transactions
  for each row execute function app_audit_row();
create trigger referral_codes_audit after insert on referral_codes for each row execute function app_audit_row();
create trigger referrals_audit after insert or update on referrals for each row execute function app_audit_row();
