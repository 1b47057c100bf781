-- Keeping the webhook log bounded.
-- An event and its deliveries are deleted once every one of those deliveries ended (delivered
-- or failed) more than the retention period ago (pruneWebhookLog, run hourly by the webhook
-- worker): these indexes find old events, and an event's deliveries.
CREATE INDEX webhook_events_created ON webhook_events (created_at);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (brand_id, event_id);
