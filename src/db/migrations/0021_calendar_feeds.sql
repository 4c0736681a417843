-- Calendar feeds (docs/integrations.md): a secret iCalendar URL per venue that calendar apps subscribe to. The URL's
-- token is unique across the platform and is all a subscriber has, so this is a directory table keyed by it that
-- names the organization (docs/architecture.md): one row per venue, its token stored only as a SHA-256 hash.
create table venue_calendar_feeds (
  token_hash text primary key check (length(token_hash) between 40 and 100),
  organization_id uuid not null references organizations (id),
  venue_id uuid not null,
  created_at timestamptz not null default now(),
  -- One live URL per venue: making a new one replaces the row, so the old token stops resolving in that commit.
  unique (organization_id, venue_id),
  foreign key (organization_id, venue_id) references venues (organization_id, id) on delete cascade
);

alter table venue_calendar_feeds enable row level security;
alter table venue_calendar_feeds force row level security;
create policy venue_calendar_feeds_tenant on venue_calendar_feeds
  using (organization_id = app_current_org()) with check (organization_id = app_current_org());
grant select, insert, update, delete on venue_calendar_feeds to bookingtms_app;
-- Who made or replaced a venue's feed URL, and when (the hash is stripped from the entry like every token hash).
create trigger venue_calendar_feeds_audit after insert or update or delete on venue_calendar_feeds
  for each row execute function app_audit_row();

-- GET /api/public/calendar/:token.ics comes without an organization: this definer finds the feed past RLS by the
-- token's hash and, for a live venue, points the transaction at its organization (as app_enter_unsubscribe does).
-- The hash is compared, never the token: its bytes are not the caller's to choose, so the look-up is no timing oracle.
create function app_enter_calendar_feed(p_token_hash text)
returns table (organization_id uuid, venue_id uuid)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  hit record;
begin
  select f.organization_id, f.venue_id into hit
    from venue_calendar_feeds f join venues v on v.organization_id = f.organization_id and v.id = f.venue_id
   where f.token_hash = p_token_hash and v.archived_at is null;
  if found then
    perform set_config('app.organization_id', hit.organization_id::text, true);
    organization_id := hit.organization_id;
    venue_id := hit.venue_id;
    return next;
  end if;
end $$;
revoke all on function app_enter_calendar_feed from public;
grant execute on function app_enter_calendar_feed to bookingtms_app;
