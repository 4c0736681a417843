/** The calendars module's statements: the feed directory (venue_calendar_feeds, under RLS for its organization). */

/** Gives venue $1 the feed token hash $2, replacing its previous one (whose URL stops resolving with this commit). */
export const SET_FEED = `insert into venue_calendar_feeds (organization_id, venue_id, token_hash) values (app_current_org(), $1, $2)
  on conflict (organization_id, venue_id) do update set token_hash = excluded.token_hash, created_at = now()`;

/** The live venue behind a token hash ($1), pointing the transaction at its organization (a definer, past RLS). */
export const ENTER_FEED = 'select organization_id, venue_id from app_enter_calendar_feed($1)';
