-- affdash schema, version 3: tracking and attribution.
-- Offers carry UTM parameters for their tracking links and the rule that decides which
-- enrollment gets an order reported with both a promo code and a click id. Clicks keep a
-- salted visitor hash (never the IP address) to count repeated clicks once. Conversions keep
-- the click they were attributed by, the amount in the order's own currency, and every status
-- change with who made it (conversion_events, written in the same transaction).

ALTER TABLE offers ADD COLUMN utm jsonb;
ALTER TABLE offers ADD COLUMN attribution text NOT NULL DEFAULT 'promo_code_first'
  CHECK (attribution IN ('promo_code_first', 'click_first'));

-- HMAC of IP address and User-Agent with a salt derived from the server secret, new each UTC day
ALTER TABLE clicks ADD COLUMN visitor_hash text;
CREATE INDEX clicks_by_visitor ON clicks (brand_id, enrollment_id, visitor_hash, created_at DESC);

ALTER TABLE conversions ADD COLUMN attributed_by text NOT NULL DEFAULT 'promo_code'
  CHECK (attributed_by IN ('promo_code', 'click', 'enrollment'));
ALTER TABLE conversions ADD COLUMN click_id text;
ALTER TABLE conversions ADD COLUMN original_amount bigint CHECK (original_amount >= 0);
ALTER TABLE conversions ADD COLUMN original_currency char(3);
ALTER TABLE conversions ADD CONSTRAINT conversions_original_check
  CHECK ((original_amount IS NULL) = (original_currency IS NULL));
-- what automatic approval looks for, across brands
CREATE INDEX conversions_approval_due ON conversions (expected_approval_at) WHERE status = 'pending';

CREATE TABLE conversion_events (
  brand_id       text NOT NULL,
  id             text NOT NULL,
  conversion_id  text NOT NULL,
  -- NULL when the conversion was recorded
  from_status    text,
  to_status      text NOT NULL,
  reason         text,
  -- 'api_key:<id>' or 'system:auto_approval'
  actor          text NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, conversion_id) REFERENCES conversions (brand_id, id)
);
CREATE INDEX conversion_events_by_conversion ON conversion_events (brand_id, conversion_id, at, id);
