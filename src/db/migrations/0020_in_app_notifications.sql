-- In-app notifications for staff users: what happened that they should see (a new widget booking, a
-- cancellation, a webhook endpoint disabled), each row one user's. A user only ever sees their own: the read
-- policies compare the row's user with the request's (app.user_id), not only the organization.

create table user_notifications (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  event text not null check (length(event) between 1 and 60),
  title text not null check (length(title) between 1 and 300),
  body text not null default '' check (length(body) <= 2000),
  -- What it is about: { table, id } of the record, for a link in the app.
  record jsonb,
  read_at timestamptz,
  -- The statement's own clock, not the transaction's: one dispatcher pass writes several, and newest-first must
  -- keep the order in which they happened.
  created_at timestamptz not null default clock_timestamp(),
  primary key (organization_id, id),
  foreign key (organization_id, user_id) references users (organization_id, id) on delete cascade
);
create index user_notifications_inbox_idx on user_notifications (organization_id, user_id, created_at desc);

-- Which events notify a user, per channel (in_app | email); absent = the defaults (docs/integrations.md).
create table user_notification_settings (
  organization_id uuid not null references organizations (id),
  user_id uuid not null,
  settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
  updated_at timestamptz not null default now(),
  primary key (organization_id, user_id),
  foreign key (organization_id, user_id) references users (organization_id, id) on delete cascade
);

-- Where the in-app dispatcher has read the event stream up to.
create table inbox_dispatch_cursor (
  singleton boolean primary key default true check (singleton),
  xid xid8 not null,
  event_id bigint not null
);

alter table user_notifications enable row level security;
alter table user_notifications force row level security;
create policy user_notifications_own on user_notifications for select
  using (organization_id = app_current_org() and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
create policy user_notifications_own_update on user_notifications for update
  using (organization_id = app_current_org() and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
create policy user_notifications_own_delete on user_notifications for delete
  using (organization_id = app_current_org() and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
create policy user_notifications_insert on user_notifications for insert with check (organization_id = app_current_org());
grant select, insert, update (read_at), delete on user_notifications to bookingtms_app;

alter table user_notification_settings enable row level security;
alter table user_notification_settings force row level security;
create policy user_notification_settings_own on user_notification_settings
  using (organization_id = app_current_org() and user_id = nullif(current_setting('app.user_id', true), '')::uuid)
  with check (organization_id = app_current_org() and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
grant select, insert, update on user_notification_settings to bookingtms_app;
