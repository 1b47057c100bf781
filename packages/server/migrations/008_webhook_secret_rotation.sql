-- Rolling a webhook endpoint's signing secret.
-- POST /v1/webhook-endpoints/:id/rotate-secret makes a new secret and keeps the one before it,
-- encrypted like the new one, until previous_secret_expires_at: until then every delivery is
-- signed with both (two v1= signatures in one header), so the brand's receivers can move to
-- the new secret one by one without refusing a single event.
ALTER TABLE webhook_endpoints
  ADD COLUMN previous_secret_sealed text,
  ADD COLUMN previous_secret_expires_at timestamptz,
  ADD CONSTRAINT webhook_endpoints_previous_secret_check
    CHECK ((previous_secret_sealed IS NULL) = (previous_secret_expires_at IS NULL));
