/**
 * The inbox module's SQL (in-app notifications). Reading a user's own rows is held by row-level security (the
 * row's user must be the request's). Fanning an event out reads the organization's users and their settings: the
 * one place this module reads another's table (users), to find who is told.
 */

const COLUMNS = 'id, event, title, body, record, read_at, created_at';

export const LIST = {
  page: (limit: string, offset: string) =>
    `select ${COLUMNS} from user_notifications where ($1::boolean is not true or read_at is null) order by created_at desc, id limit ${limit} offset ${offset}`,
  count: 'user_notifications where ($1::boolean is not true or read_at is null)',
};
export const MARK_READ = `update user_notifications set read_at = coalesce(read_at, $2) where id = $1 returning ${COLUMNS}`;
export const MARK_ALL_READ = 'update user_notifications set read_at = $1 where read_at is null';
export const DELETE = 'delete from user_notifications where id = $1 returning id';

export const GET_SETTINGS = `select settings from user_notification_settings where user_id = nullif(current_setting('app.user_id', true), '')::uuid`;
export const PUT_SETTINGS = `insert into user_notification_settings (organization_id, user_id, settings)
  values (app_current_org(), nullif(current_setting('app.user_id', true), '')::uuid, $1)
  on conflict (organization_id, user_id) do update set settings = excluded.settings, updated_at = now() returning settings`;

/**
 * One notification of event $1 for every active user of the organization with a role in $2 whose settings do not
 * turn the event's in-app channel off ($3 title, $4 body, $5 record).
 */
export const NOTIFY_USERS = `insert into user_notifications (organization_id, user_id, event, title, body, record)
  select app_current_org(), u.id, $1, $3, $4, $5 from users u
    left join user_notification_settings s on s.organization_id = u.organization_id and s.user_id = u.id
   where u.organization_id = app_current_org() and u.active and u.role = any($2::text[])
     and coalesce((s.settings -> $1 ->> 'in_app')::boolean, true)`;

export const READ_CURSOR = 'select xid::text, event_id::text as id from inbox_dispatch_cursor for update';
export const WRITE_CURSOR = `insert into inbox_dispatch_cursor (singleton, xid, event_id) values (true, $1::xid8, $2)
  on conflict (singleton) do update set xid = excluded.xid, event_id = excluded.event_id`;

/** Points the dispatcher's transaction at event's organization ($1) for the statements that follow. */
export const ENTER_ORGANIZATION = "select set_config('app.organization_id', $1, true)";
