-- Every signed-in request runs app_session_lookup. As a SQL-language function with its own search_path it cannot be
-- inlined, and PostgreSQL plans a SQL function's query afresh on every call; a PL/pgSQL function keeps the plan for
-- the life of the connection. Same signature, same rows, same security (definer, fixed search_path).
create or replace function app_session_lookup(p_token_hash text, p_at timestamptz)
returns table (session_id uuid, user_id uuid, organization_id uuid, role text, email text, full_name text,
               created_at timestamptz, expires_at timestamptz)
language plpgsql stable security definer set search_path = public, pg_temp as $$
begin
  return query
  select s.id, u.id, u.organization_id, u.role, u.email::text, u.full_name, u.created_at, s.expires_at
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > p_at and u.active;
end $$;
