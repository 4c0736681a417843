/** The audit module's SQL. RLS limits audit_logs to the current organization. */

/**
 * List filters: $1 table, $2 row id, $3 user, $4 action, $5 from (inclusive) and $6 to (exclusive); a null
 * filter matches every row.
 */
export const LIST_WHERE = `($1::text is null or table_name = $1) and ($2::text is null or row_id = $2)
  and ($3::uuid is null or user_id = $3) and ($4::text is null or action = $4)
  and ($5::timestamptz is null or created_at >= $5) and ($6::timestamptz is null or created_at < $6)`;

/** A page of entries, newest first; `id` breaks ties between entries of one transaction. */
export const listPage = (limit: string, offset: string) =>
  `select * from audit_logs where ${LIST_WHERE} order by created_at desc, id desc limit ${limit} offset ${offset}`;

export const LIST_COUNT = `audit_logs where ${LIST_WHERE}`;
