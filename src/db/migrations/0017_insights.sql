-- Indexes for the insight side (dashboard, reports, exports: docs/reports.md, docs/performance.md).
--
-- Exports read every dataset in (created_at, id) order, both immutable, in batches that start after the last key
-- seen (src/db/cursor.ts): the order comes from an index, so a batch is a range read, not a sort of the table.
-- The staff report counts bookings created in a period by the same index.
create index bookings_created_idx on bookings (organization_id, created_at, id);
create index customers_created_idx on customers (organization_id, created_at, id);

-- Money is dated when a payment row succeeded (updated_at: a row changes only its status, and a succeeded row
-- never again). The revenue and staff reports read a period's succeeded rows by that date.
create index payments_succeeded_idx on payments (organization_id, updated_at) where status = 'succeeded';
