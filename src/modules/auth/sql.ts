/**
 * The auth module's statements. Sessions, reset tokens, throttle counters and the outbox are system tables the app
 * role cannot touch: each statement calls one narrow SECURITY DEFINER function (migrations 0001, 0008, 0010).
 */

/** Opens a session for an active user; returns its id, or null when the user is gone or inactive. */
export const SESSION_CREATE = 'select app_session_create($1, $2, $3, $4, $5) as id';

/** Ends one session. */
export const SESSION_REVOKE = 'select app_session_revoke($1)';

/** Counts one hit on a fixed-window counter shared by every process: `{ hits, retry_after }`. */

/** The user behind an email, in whatever organization: `{ user_id, organization_id, role, password_hash, active }`. */
export const LOGIN_LOOKUP = 'select user_id, organization_id, role, password_hash, active from app_login_lookup($1)';

/** A new reset token for the active user with this email (spending their older ones); no row for an unknown email. */
export const RESET_CREATE = 'select user_id, organization_id, full_name, email from app_reset_create($1, $2, $3)';

/** Whether a reset token could be spent now. */
export const RESET_CHECK = 'select app_reset_check($1) as ok';

/** Spends a reset token, sets the password and ends the user's sessions; no row when the token is not valid. */
export const RESET_CONSUME = 'select user_id, organization_id from app_reset_consume($1, $2)';
