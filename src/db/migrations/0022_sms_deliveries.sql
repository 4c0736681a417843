-- SMS (docs/notifications.md): a booking's text message to a customer without a phone number is still logged, as
-- `skipped` with the reason, and it has no address to show. Only a skipped delivery may lack one.
alter table notification_deliveries drop constraint notification_deliveries_to_address_check;
alter table notification_deliveries add constraint notification_deliveries_to_address_check
  check (length(to_address) <= 320 and (length(to_address) >= 1 or status = 'skipped'));
