/** The users module's SQL. Tenant statements run in a tenant transaction, so RLS scopes them to one organization. */

/** The columns of the API shape (a users row, without the password hash). */
const COLUMNS = 'id, email::text, full_name, role, organization_id, active, created_at';

/** $1 is the id to use, or null for a new one (signup knows the admin's id before the row exists). */
export const INSERT_USER = `
insert into users (id, organization_id, email, full_name, role, password_hash)
values (coalesce($1, gen_random_uuid()), app_current_org(), $2, $3, $4, $5) returning ${COLUMNS}`;

export const SELECT_USER = `select ${COLUMNS} from users where id = $1`;

/** List filters: $1 email or name search, $2 role, $3 active; a null filter matches every row. */
export const LIST_WHERE = `($1::text is null or email ilike $1 or full_name ilike $1)
  and ($2::text is null or role = $2) and ($3::boolean is null or active = $3)`;

/** A page of the list, oldest first; `id` makes pages stable. */
export const listPage = (limit: string, offset: string) =>
  `select ${COLUMNS} from users where ${LIST_WHERE} order by created_at, id limit ${limit} offset ${offset}`;

export const LIST_COUNT = `users where ${LIST_WHERE}`;

/** Fields given change (null leaves a column as it is). */
export const UPDATE_USER = `
update users set email = coalesce($2, email), full_name = coalesce($3, full_name), role = coalesce($4, role),
  password_hash = coalesce($5, password_hash), active = coalesce($6, active)
where id = $1 returning ${COLUMNS}`;

/** Ends every open session of user $1. */
export const REVOKE_SESSIONS = 'select app_sessions_revoke_user($1)';

/** The platform operator: belongs to no organization, so only the owner connection (the CLI) may insert it. */
export const INSERT_SUPER_ADMIN = `
insert into users (organization_id, email, full_name, role, password_hash) values (null, $1, $2, 'super_admin', $3) returning id`;
