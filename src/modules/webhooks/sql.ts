/** The webhooks module's SQL. Endpoint and delivery routes run under RLS; the dispatcher's statements (marked) serve every organization from the worker's connection. */

const ENDPOINT = `id, url, events, active, description, failure_streak, disabled_reason, created_at, updated_at`;

export const INSERT_ENDPOINT = `insert into webhook_endpoints (organization_id, url, events, active, description, secret)
  values (app_current_org(), $1, $2, $3, coalesce($4, ''), $5) returning ${ENDPOINT}, secret`;
export const SELECT_ENDPOINT = `select ${ENDPOINT} from webhook_endpoints where id = $1`;
export const LIST_ENDPOINTS = {
  page: (limit: string, offset: string) => `select ${ENDPOINT} from webhook_endpoints order by created_at, id limit ${limit} offset ${offset}`,
  count: 'webhook_endpoints where true',
};
/** Fields given change ($2-$5); re-activating clears the failure streak. */
export const UPDATE_ENDPOINT = `update webhook_endpoints set url = coalesce($2, url), events = coalesce($3, events),
    active = coalesce($4, active), description = coalesce($5, description),
    failure_streak = case when $4 then 0 else failure_streak end,
    disabled_reason = case when $4 then null else disabled_reason end
  where id = $1 returning ${ENDPOINT}`;
export const DELETE_ENDPOINT = 'delete from webhook_endpoints where id = $1 returning id';
export const ROTATE_SECRET = `update webhook_endpoints set secret = $2 where id = $1 returning ${ENDPOINT}, secret`;

const DELIVERY = `id, event_id, type, status, attempts, response_status, last_error, next_attempt_at, delivered_at, created_at`;
export const LIST_DELIVERIES = {
  page: (limit: string, offset: string) =>
    `select ${DELIVERY} from webhook_deliveries where endpoint_id = $1 and ($2::text is null or status = $2) order by created_at desc, id limit ${limit} offset ${offset}`,
  count: 'webhook_deliveries where endpoint_id = $1 and ($2::text is null or status = $2)',
};
/** Delivery $2 of endpoint $1 is sent again, at once (same webhook-id: receivers that saw it can tell). */
export const REPLAY = `update webhook_deliveries set status = 'pending', next_attempt_at = $3, last_error = null
  where endpoint_id = $1 and id = $2 returning ${DELIVERY}`;

// The dispatcher (worker connection, every organization) ---------------------------------------------------

export const READ_CURSOR = 'select xid::text, event_id::text as id from webhook_dispatch_cursor';
export const WRITE_CURSOR = `insert into webhook_dispatch_cursor (singleton, xid, event_id) values (true, $1::xid8, $2)
  on conflict (singleton) do update set xid = excluded.xid, event_id = excluded.event_id`;

/** One delivery per active subscribed endpoint for each event ($1.. parallel arrays); a repeat adds nothing. */
export const FAN_OUT = `insert into webhook_deliveries (organization_id, endpoint_id, event_id, type, payload, next_attempt_at)
  select e.organization_id, w.id, e.event_id, e.type, e.payload, $5
    from unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) as e(organization_id, event_id, type, payload)
    join webhook_endpoints w on w.organization_id = e.organization_id and w.active and e.type = any(w.events)
  on conflict (organization_id, endpoint_id, event_id) do nothing`;

/**
 * Claims up to $3 deliveries due at $1: each is leased until $2 (its next attempt, should this worker die while
 * sending) and its attempt counted, in one statement; SKIP LOCKED lets several workers claim side by side.
 */
export const CLAIM_DUE = `update webhook_deliveries d set next_attempt_at = $2, attempts = d.attempts + 1
  from (select organization_id, id from webhook_deliveries where status = 'pending' and next_attempt_at <= $1
         order by next_attempt_at limit $3 for update skip locked) due
  where d.organization_id = due.organization_id and d.id = due.id
  returning d.organization_id, d.id, d.endpoint_id, d.event_id, d.type, d.payload, d.attempts, d.created_at,
    (select url from webhook_endpoints w where w.organization_id = d.organization_id and w.id = d.endpoint_id) as url,
    (select secret from webhook_endpoints w where w.organization_id = d.organization_id and w.id = d.endpoint_id) as secret`;

export const RECORD_SUCCESS = `update webhook_deliveries set status = 'succeeded', response_status = $3, last_error = null,
    delivered_at = $4, next_attempt_at = null where organization_id = $1 and id = $2`;
/** A failed attempt: retried at $5, or failed for good when $5 is null. */
export const RECORD_FAILURE = `update webhook_deliveries set response_status = $3, last_error = left($4, 1000), next_attempt_at = $5,
    status = case when $5::timestamptz is null then 'failed' else 'pending' end where organization_id = $1 and id = $2`;
export const ENDPOINT_SUCCEEDED = 'update webhook_endpoints set failure_streak = 0 where organization_id = $1 and id = $2 and failure_streak <> 0';
/** One more failure; at $3 in a row the endpoint is disabled. Answers the row when this failure disabled it. */
export const ENDPOINT_FAILED = `update webhook_endpoints set failure_streak = failure_streak + 1,
    active = case when failure_streak + 1 >= $3 then false else active end,
    disabled_reason = case when failure_streak + 1 >= $3 and active then $4 else disabled_reason end
  where organization_id = $1 and id = $2 returning (failure_streak = $3) as disabled, url`;
