-- Foundation: organizations, users, sessions, password resets, login throttling, email outbox, audit log,
-- the application role that row-level security applies to, and the helpers every later migration uses.

create extension if not exists btree_gist;
create extension if not exists citext;

-- The role every request runs as (SET LOCAL ROLE inside the request transaction). It is not a superuser and
-- has no BYPASSRLS, so the policies below hold for it. Roles are cluster-wide on a server: several
-- databases (tests, tenants of a hosting company) share it, and two of them may create it at once.
do $$
begin
  create role bookingtms_app nologin;
exception when duplicate_object or unique_violation then null;
end $$;

grant usage on schema public to bookingtms_app;

-- The organization of the current transaction, or null when none is set (auth look-ups, public lookups).
create function app_current_org() returns uuid
language sql stable as $$
  select nullif(current_setting('app.organization_id', true), '')::uuid
$$;

-- Keeps updated_at honest without every UPDATE statement having to remember it.
create function app_touch_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end $$;

-- Audit log ----------------------------------------------------------------------------------------------

create table audit_logs (
  id bigint generated always as identity primary key,
  organization_id uuid,
  user_id uuid,
  actor_role text,
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  row_id text,
  before jsonb,
  after jsonb,
  client_ip text,
  user_agent text,
  request_id text,
  created_at timestamptz not null default now()
);
create index audit_logs_org_created_idx on audit_logs (organization_id, created_at desc, id desc);
create index audit_logs_org_table_row_idx on audit_logs (organization_id, table_name, row_id);

-- Written by the trigger below, never by application SQL: the app role may only read its own
-- organization's rows, and nobody may rewrite history.
alter table audit_logs enable row level security;
alter table audit_logs force row level security;
create policy audit_logs_tenant on audit_logs for select using (organization_id = app_current_org());
grant select on audit_logs to bookingtms_app;

create function app_audit_immutable() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_logs rows cannot be changed' using errcode = '42501';
end $$;
create trigger audit_logs_immutable before update or delete on audit_logs
  for each row execute function app_audit_immutable();

-- Records every row change of the table it is attached to, reading who and where from the transaction
-- context the request set (app.user_id, app.client_ip, ...), so no code path can forget to audit.
-- The first trigger argument names the column holding the organization id ('id' for organizations).
-- SECURITY DEFINER so it can insert although the app role cannot.
create function app_audit_row() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  org_column text := coalesce(tg_argv[0], 'organization_id');
  before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  secret_keys text[] := array['password_hash', 'token_hash', 'manage_token_hash', 'embed_key'];
begin
  if tg_op = 'UPDATE' and before_row = after_row then
    return null;
  end if;
  insert into audit_logs (organization_id, user_id, actor_role, action, table_name, row_id, before, after,
                          client_ip, user_agent, request_id)
  values (
    (coalesce(after_row, before_row) ->> org_column)::uuid,
    nullif(current_setting('app.user_id', true), '')::uuid,
    nullif(current_setting('app.actor_role', true), ''),
    lower(tg_op),
    tg_table_name,
    coalesce(after_row, before_row) ->> 'id',
    before_row - secret_keys,
    after_row - secret_keys,
    nullif(current_setting('app.client_ip', true), ''),
    nullif(current_setting('app.user_agent', true), ''),
    nullif(current_setting('app.request_id', true), '')
  );
  return null;
end $$;

-- Organizations and users ---------------------------------------------------------------------------------

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  timezone text not null default 'UTC',
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  email citext,
  phone text,
  address jsonb not null default '{}',
  branding jsonb not null default '{}',
  policies jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table organizations enable row level security;
alter table organizations force row level security;
create policy organizations_tenant on organizations using (id = app_current_org()) with check (id = app_current_org());
grant select, insert, update on organizations to bookingtms_app;
create trigger organizations_touch before update on organizations for each row execute function app_touch_updated_at();
create trigger organizations_audit after insert or update or delete on organizations
  for each row execute function app_audit_row('id');

create table users (
  id uuid primary key default gen_random_uuid(),
  -- null only for super_admin, who belongs to no organization
  organization_id uuid references organizations (id),
  email citext not null unique,
  full_name text not null check (length(full_name) between 1 and 200),
  role text not null check (role in ('super_admin', 'admin', 'manager', 'staff')),
  password_hash text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check ((role = 'super_admin') = (organization_id is null))
);
alter table users enable row level security;
alter table users force row level security;
create policy users_tenant on users using (organization_id = app_current_org()) with check (organization_id = app_current_org());
grant select, insert, update on users to bookingtms_app;
create trigger users_touch before update on users for each row execute function app_touch_updated_at();
create trigger users_audit after insert or update or delete on users for each row execute function app_audit_row();

-- System tables: not granted to the app role at all. The app reaches them only through the narrow
-- SECURITY DEFINER functions below, which is stricter than row-level security. ----------------------------

create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  organization_id uuid references organizations (id),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  client_ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

create table password_reset_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table rate_limit_hits (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);

create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references organizations (id),
  to_address text not null,
  subject text not null,
  body text not null,
  kind text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);

-- The user behind a login attempt, whatever organization it belongs to (login happens before we know it).
create function app_login_lookup(p_email text)
returns table (user_id uuid, organization_id uuid, role text, password_hash text, active boolean)
language sql stable security definer set search_path = public, pg_temp as $$
  select id, organization_id, role, password_hash, active from users where email = p_email::citext
$$;

create function app_session_create(p_user_id uuid, p_token_hash text, p_expires_at timestamptz,
                                   p_client_ip text, p_user_agent text)
returns uuid
language sql volatile security definer set search_path = public, pg_temp as $$
  insert into sessions (user_id, organization_id, token_hash, expires_at, client_ip, user_agent)
  select id, organization_id, p_token_hash, p_expires_at, p_client_ip, p_user_agent from users
  where id = p_user_id and active
  returning id
$$;

-- A live session: not expired, not revoked, and its user still active.
-- p_at is the application's clock, so a session's expiry is judged by the same clock that set it.
create function app_session_lookup(p_token_hash text, p_at timestamptz)
returns table (session_id uuid, user_id uuid, organization_id uuid, role text, email text, full_name text,
               created_at timestamptz, expires_at timestamptz)
language sql stable security definer set search_path = public, pg_temp as $$
  select s.id, u.id, u.organization_id, u.role, u.email::text, u.full_name, u.created_at, s.expires_at
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > p_at and u.active
$$;

create function app_session_revoke(p_session_id uuid) returns void
language sql volatile security definer set search_path = public, pg_temp as $$
  update sessions set revoked_at = now() where id = p_session_id and revoked_at is null
$$;

-- Ends every session of a user: after a password reset or deactivation. Only for users the caller's
-- organization can see, so one tenant cannot log out another's users.
create function app_sessions_revoke_user(p_user_id uuid) returns void
language sql volatile security definer set search_path = public, pg_temp as $$
  update sessions set revoked_at = now()
  where user_id = p_user_id and revoked_at is null
    and organization_id is not distinct from (select organization_id from users where id = p_user_id)
    and (select organization_id from users where id = p_user_id) is not distinct from app_current_org()
$$;

-- Fixed-window counter shared by every API process. Returns the hits in the current window (this one
-- included) and the seconds until the window ends.
create function app_throttle_hit(p_key text, p_window_seconds integer)
returns table (hits integer, retry_after integer)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  w timestamptz := to_timestamp(floor(extract(epoch from now()) / p_window_seconds) * p_window_seconds);
begin
  -- Old windows are worthless; sweeping a few on each hit keeps the table small without a job.
  delete from rate_limit_hits where ctid in (
    select ctid from rate_limit_hits where window_start < w - make_interval(secs => p_window_seconds) limit 20);
  return query
    insert into rate_limit_hits as r (key, window_start, hits) values (p_key, w, 1)
    on conflict (key, window_start) do update set hits = r.hits + 1
    returning r.hits, greatest(1, ceil(extract(epoch from (w + make_interval(secs => p_window_seconds) - now())))::integer);
end $$;

-- Creates a reset token for an active user with this email. Returns the user's organization and name,
-- or nothing when there is no such user; the caller answers the same either way.
create function app_reset_create(p_email text, p_token_hash text, p_expires_at timestamptz)
returns table (user_id uuid, organization_id uuid, full_name text, email text)
language sql volatile security definer set search_path = public, pg_temp as $$
  insert into password_reset_tokens (user_id, token_hash, expires_at)
  select id, p_token_hash, p_expires_at from users where email = p_email::citext and active
  returning user_id,
    (select organization_id from users where id = user_id),
    (select full_name from users where id = user_id),
    (select email::text from users where id = user_id)
$$;

-- Spends a reset token once, before it expires: sets the new password and ends every session of its user.
-- Returns the user, or nothing for an unknown, spent or expired token. One function, so a super_admin
-- (outside every organization, invisible to RLS) can reset too, and the three writes cannot half-happen.
create function app_reset_consume(p_token_hash text, p_password_hash text)
returns table (user_id uuid, organization_id uuid)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  v_user uuid;
begin
  update password_reset_tokens t set used_at = now()
  where t.token_hash = p_token_hash and t.used_at is null and t.expires_at > now()
  returning t.user_id into v_user;
  if v_user is null then
    return;
  end if;
  update users set password_hash = p_password_hash where id = v_user and active;
  if not found then
    return;
  end if;
  update sessions set revoked_at = now() where sessions.user_id = v_user and revoked_at is null;
  return query select u.id, u.organization_id from users u where u.id = v_user;
end $$;

create function app_outbox_enqueue(p_organization_id uuid, p_to text, p_subject text, p_body text, p_kind text)
returns uuid
language sql volatile security definer set search_path = public, pg_temp as $$
  insert into email_outbox (organization_id, to_address, subject, body, kind)
  values (p_organization_id, p_to, p_subject, p_body, p_kind)
  returning id
$$;

-- The platform operator lists organizations to choose one to act in.
create function app_list_organizations()
returns table (id uuid, name text, slug text, created_at timestamptz)
language sql stable security definer set search_path = public, pg_temp as $$
  select id, name, slug, created_at from organizations order by created_at
$$;

revoke all on function app_login_lookup, app_session_create, app_session_lookup, app_session_revoke,
  app_sessions_revoke_user, app_throttle_hit, app_reset_create, app_reset_consume, app_outbox_enqueue,
  app_list_organizations from public;
grant execute on function app_login_lookup, app_session_create, app_session_lookup, app_session_revoke,
  app_sessions_revoke_user, app_throttle_hit, app_reset_create, app_reset_consume, app_outbox_enqueue,
  app_list_organizations to bookingtms_app;
