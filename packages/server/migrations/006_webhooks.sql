-- Signed webhooks.
-- webhook_events is an outbox: every write that emits an event inserts it in its own
-- transaction (see emitEvent), so an event exists exactly when its change committed.
-- webhook_deliveries holds one row per endpoint and event, claimed by the delivery worker
-- with FOR UPDATE SKIP LOCKED and retried with backoff, like email_messages.

CREATE TABLE webhook_endpoints (
  brand_id       text NOT NULL REFERENCES brands (id),
  id             text NOT NULL,
  url            text NOT NULL,
  -- '*' or event names
  events         text[] NOT NULL,
  description    text,
  -- AES-256-GCM under the server's encryption key (encryptSecret)
  secret_sealed  text NOT NULL,
  disabled_at    timestamptz,
  deleted_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  -- emitEvent, on every write that emits an event, looks up the brand's endpoints through
  -- this key's leading brand_id: one index probe that finds nothing for most brands
  PRIMARY KEY (brand_id, id)
);

CREATE TABLE webhook_events (
  brand_id    text NOT NULL REFERENCES brands (id),
  id          text NOT NULL,
  type        text NOT NULL,
  -- the whole body POSTed: { id, type, createdAt, data }
  payload     jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id)
);

CREATE TABLE webhook_deliveries (
  brand_id          text NOT NULL,
  id                text NOT NULL,
  endpoint_id       text NOT NULL,
  event_id          text NOT NULL,
  status            text NOT NULL CHECK (status IN ('queued', 'delivered', 'failed')),
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz,
  last_status_code  integer,
  last_error        text,
  delivered_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, endpoint_id) REFERENCES webhook_endpoints (brand_id, id),
  FOREIGN KEY (brand_id, event_id) REFERENCES webhook_events (brand_id, id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (brand_id, endpoint_id, created_at DESC, id DESC);
