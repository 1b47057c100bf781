-- affdash schema, version 2: email to members.
-- Members may opt out of email. Sending writes messages to an outbox (email_messages) in the
-- same transaction; a worker delivers them and records their status. A send request with an
-- Idempotency-Key stores its response, so a retried request is answered without sending again.

ALTER TABLE members ADD COLUMN email_opt_out boolean NOT NULL DEFAULT false;

CREATE TABLE email_messages (
  brand_id          text NOT NULL REFERENCES brands (id),
  id                text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('tracking_items', 'members_message')),
  offer_id          text NOT NULL,
  enrollment_id     text NOT NULL,
  member_id         text NOT NULL,
  to_address        text NOT NULL,
  -- the subject as queued, with the dashboard link left out (its secret is never stored)
  subject           text NOT NULL,
  -- the templates, rendered at delivery: the dashboard link is derived then, not stored
  subject_template  text NOT NULL,
  body_template     text NOT NULL,
  status            text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz,
  last_error        text,
  provider_id       text,
  sent_at           timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, enrollment_id) REFERENCES enrollments (brand_id, id)
);
CREATE INDEX email_messages_due ON email_messages (next_attempt_at) WHERE status = 'queued';
CREATE INDEX email_messages_list ON email_messages (brand_id, created_at DESC, id DESC);
CREATE INDEX email_messages_by_offer ON email_messages (brand_id, offer_id, created_at DESC, id DESC);

CREATE TABLE idempotency_keys (
  brand_id      text NOT NULL REFERENCES brands (id),
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status        integer,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, key)
);
