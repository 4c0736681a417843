-- Auth hardening: a password reset link stops working as soon as anything makes it stale (a newer link, a
-- password set by any path, an email change, a deactivation), and a reset token can be checked before the new
-- password is hashed.

-- Spends every outstanding reset link of the user whose password, email or active flag changed. A trigger, so
-- no code path (reset confirm, an admin's PUT /api/users/:id, the operator's CLI, a future one) can forget it.
-- SECURITY DEFINER: password_reset_tokens is not granted to the app role.
create function app_users_spend_resets() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  update password_reset_tokens set used_at = now() where user_id = new.id and used_at is null;
  return null;
end $$;

create trigger users_spend_resets after update of password_hash, email, active on users
  for each row
  when (old.password_hash is distinct from new.password_hash or old.email is distinct from new.email
        or (old.active and not new.active))
  execute function app_users_spend_resets();

-- Issuing a link spends the user's earlier ones: only the newest link works.
create or replace function app_reset_create(p_email text, p_token_hash text, p_expires_at timestamptz)
returns table (user_id uuid, organization_id uuid, full_name text, email text)
language sql volatile security definer set search_path = public, pg_temp as $$
  with target as (
    select u.id, u.organization_id, u.full_name, u.email::text as email from users u
    where u.email = p_email::citext and u.active
  ), spent as (
    update password_reset_tokens t set used_at = now() from target where t.user_id = target.id and t.used_at is null
    returning t.id
  ), made as (
    insert into password_reset_tokens (user_id, token_hash, expires_at)
    select target.id, p_token_hash, p_expires_at from target
    returning password_reset_tokens.user_id
  )
  select target.id, target.organization_id, target.full_name, target.email from target join made on made.user_id = target.id
$$;

-- Whether a reset token could be spent now (unused, unexpired, its user active): checked before the new password
-- is hashed, so an invalid token costs no hashing. app_reset_consume checks again, atomically.
create function app_reset_check(p_token_hash text) returns boolean
language sql stable security definer set search_path = public, pg_temp as $$
  select exists (
    select 1 from password_reset_tokens t join users u on u.id = t.user_id
    where t.token_hash = p_token_hash and t.used_at is null and t.expires_at > now() and u.active
  )
$$;

revoke all on function app_users_spend_resets, app_reset_check from public;
grant execute on function app_reset_check to bookingtms_app;
