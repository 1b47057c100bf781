-- affdash schema: brand sessions, the audit trail, and what the brand-side components read.
-- A brand session is a short-lived client secret a brand backend mints with its API key for
-- its staff: scoped to components (offers, members, send), optionally to some offers, and
-- naming the staff user. A login link is a one-time secret that opens the hosted console; the
-- console's cookie is a session of its own, and the client secrets it hands its components
-- name it as their parent, so signing out ends them all. Only SHA-256 hashes are stored.

CREATE TABLE brand_sessions (
  brand_id      text NOT NULL REFERENCES brands (id),
  id            text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('client_secret', 'login_link', 'console')),
  secret_hash   text NOT NULL,
  parent_id     text,
  components    jsonb NOT NULL,
  -- null: every offer of the brand
  offer_ids     jsonb,
  staff_id      text NOT NULL,
  staff_name    text NOT NULL,
  staff_email   text,
  api_key_id    text,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  revoked_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  UNIQUE (secret_hash)
);
CREATE INDEX brand_sessions_list ON brand_sessions (brand_id, created_at DESC, id DESC);
CREATE INDEX brand_sessions_children ON brand_sessions (brand_id, parent_id) WHERE parent_id IS NOT NULL;

-- Who did what: every write a brand session makes, and the sessions' own lifecycle.
CREATE TABLE audit_events (
  brand_id      text NOT NULL REFERENCES brands (id),
  id            text NOT NULL,
  action        text NOT NULL,
  actor_type    text NOT NULL CHECK (actor_type IN ('api_key', 'brand_session')),
  actor_id      text NOT NULL,
  staff_id      text,
  staff_name    text,
  staff_email   text,
  method        text,
  path          text,
  status        integer,
  request_id    text,
  details       jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id)
);
CREATE INDEX audit_events_list ON audit_events (brand_id, created_at DESC, id DESC);

-- One send (a drawer's Send) groups its messages; the members table reads when each enrollment
-- was last emailed.
ALTER TABLE email_messages ADD COLUMN send_id text;
CREATE INDEX email_messages_by_send ON email_messages (brand_id, send_id) WHERE send_id IS NOT NULL;
CREATE INDEX email_messages_by_enrollment ON email_messages (brand_id, enrollment_id, created_at DESC);
