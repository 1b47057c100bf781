-- The hosted dashboard's way back for a member whose link no longer works.
-- A replaced link's hash is kept, so opening it can say "this link was replaced" (and offer a
-- fresh one by email) instead of "unknown link". Each request for a fresh link is logged: the
-- address only as a keyed hash (enough to throttle by), what was found and the message queued.

CREATE TABLE replaced_dashboard_links (
  brand_id       text NOT NULL,
  link_hash      text NOT NULL,
  enrollment_id  text NOT NULL,
  replaced_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, link_hash),
  FOREIGN KEY (brand_id, enrollment_id) REFERENCES enrollments (brand_id, id)
);
CREATE INDEX replaced_dashboard_links_by_hash ON replaced_dashboard_links (link_hash);

CREATE TABLE dashboard_link_requests (
  brand_id       text NOT NULL REFERENCES brands (id),
  id             text NOT NULL,
  offer_id       text NOT NULL,
  -- the enrollment whose link the member opened (the form's page), and the address's hash
  link_enrollment_id  text NOT NULL,
  email_hash     text NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('sent', 'not_found', 'throttled')),
  -- the enrollment the address belongs to and the email queued, when one was sent
  enrollment_id  text,
  message_id     text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id)
);
CREATE INDEX dashboard_link_requests_by_email ON dashboard_link_requests (brand_id, email_hash, created_at);
CREATE INDEX dashboard_link_requests_by_link ON dashboard_link_requests (brand_id, link_enrollment_id, created_at);
