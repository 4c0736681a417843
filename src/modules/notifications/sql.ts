/** Queues one email in the outbox (a definer function: the outbox is not readable by the app role). */
export const ENQUEUE_EMAIL = 'select app_outbox_enqueue($1, $2, $3, $4, $5)';
