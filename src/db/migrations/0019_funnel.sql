-- Funnel analytics (issue 15): the booking widget's steps, recorded through POST /api/analytics/events and
-- counted by GET /api/reports/funnel (docs/reports.md "Funnel").
--
-- Citus-ready like every tenant table: the organization leads the primary key and every unique key, so a row and
-- its duplicates live on one shard. One row per (organization, session, step): a widget that sends a step twice
-- (a reload, a retry) hits the unique key and writes nothing, so a step's count is a count of sessions.
create table analytics_events (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  venue_id uuid not null,
  game_id uuid,
  session_id text not null check (length(session_id) between 1 and 100),
  type text not null check (type in ('widget_view', 'slot_selected', 'checkout_started', 'booking_completed')),
  -- The API's clock when the event arrived (not the visitor's, which anybody can set).
  occurred_at timestamptz not null,
  primary key (organization_id, id),
  unique (organization_id, session_id, type),
  foreign key (organization_id, venue_id) references venues (organization_id, id),
  foreign key (organization_id, game_id) references games (organization_id, id)
);
-- The funnel report reads one organization's events of a period.
create index analytics_events_time_idx on analytics_events (organization_id, occurred_at);

alter table analytics_events enable row level security;
alter table analytics_events force row level security;
create policy analytics_events_tenant on analytics_events
  using (organization_id = app_current_org()) with check (organization_id = app_current_org());
-- Events are facts: the widget adds them, nobody edits them.
grant select, insert on analytics_events to bookingtms_app;
