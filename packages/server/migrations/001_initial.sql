-- affdash schema, version 1.
-- Every tenant table carries brand_id and its primary and unique keys include it, so the
-- schema can be distributed by brand_id. Random lookup secrets (API key hashes, dashboard
-- link hashes, tracking slugs, dashboard key ids) are globally unique by construction.
-- Money is bigint minor units with an ISO 4217 currency; rates are basis points.

CREATE TABLE brands (
  id          text PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  logo_url    text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  brand_id     text NOT NULL REFERENCES brands (id),
  id           text NOT NULL,
  secret_hash  text NOT NULL,
  label        text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  PRIMARY KEY (brand_id, id),
  UNIQUE (secret_hash)
);

-- Keys a brand backend uses to mint dashboard tokens offline (HS256). The secret is kept
-- encrypted with the server's key, never in plain text.
CREATE TABLE dashboard_keys (
  brand_id          text NOT NULL REFERENCES brands (id),
  id                text NOT NULL,
  algorithm         text NOT NULL CHECK (algorithm IN ('HS256')),
  secret_encrypted  text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  revoked_at        timestamptz,
  PRIMARY KEY (brand_id, id),
  UNIQUE (id)
);

CREATE TABLE offers (
  brand_id         text NOT NULL REFERENCES brands (id),
  id               text NOT NULL,
  name             text NOT NULL,
  description      text NOT NULL DEFAULT '',
  status           text NOT NULL CHECK (status IN ('active', 'paused', 'archived')),
  currency         char(3) NOT NULL,
  commission       jsonb NOT NULL,
  hold_days        integer NOT NULL CHECK (hold_days BETWEEN 0 AND 365),
  destination_url  text NOT NULL,
  code_prefix      text,
  metadata         jsonb NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id)
);
CREATE INDEX offers_list ON offers (brand_id, created_at DESC, id DESC);

CREATE TABLE members (
  brand_id     text NOT NULL REFERENCES brands (id),
  id           text NOT NULL,
  name         text NOT NULL,
  email        text,
  external_id  text,
  metadata     jsonb NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  CONSTRAINT members_external_id_key UNIQUE (brand_id, external_id)
);
CREATE INDEX members_list ON members (brand_id, created_at DESC, id DESC);

CREATE TABLE enrollments (
  brand_id       text NOT NULL,
  id             text NOT NULL,
  offer_id       text NOT NULL,
  member_id      text NOT NULL,
  status         text NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
  -- stored upper case; looked up upper case
  promo_code     text NOT NULL CHECK (promo_code = upper(promo_code)),
  tracking_slug  text NOT NULL,
  -- the dashboard link is derived from the server key and this version; only its hash is kept
  link_version   integer NOT NULL DEFAULT 1,
  link_hash      text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, offer_id) REFERENCES offers (brand_id, id),
  FOREIGN KEY (brand_id, member_id) REFERENCES members (brand_id, id),
  CONSTRAINT enrollments_offer_member_key UNIQUE (brand_id, offer_id, member_id),
  CONSTRAINT enrollments_promo_code_key UNIQUE (brand_id, promo_code),
  CONSTRAINT enrollments_tracking_slug_key UNIQUE (tracking_slug),
  CONSTRAINT enrollments_link_hash_key UNIQUE (link_hash)
);
CREATE INDEX enrollments_list ON enrollments (brand_id, created_at DESC, id DESC);
CREATE INDEX enrollments_by_member ON enrollments (brand_id, member_id);

CREATE TABLE clicks (
  brand_id       text NOT NULL,
  id             text NOT NULL,
  enrollment_id  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, enrollment_id) REFERENCES enrollments (brand_id, id)
);
CREATE INDEX clicks_by_enrollment ON clicks (brand_id, enrollment_id, created_at);

CREATE TABLE conversions (
  brand_id              text NOT NULL,
  id                    text NOT NULL,
  enrollment_id         text NOT NULL,
  order_id              text NOT NULL,
  status                text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'reversed')),
  currency              char(3) NOT NULL,
  sale_amount           bigint NOT NULL CHECK (sale_amount >= 0),
  commission_amount     bigint NOT NULL CHECK (commission_amount >= 0),
  -- the offer's terms when the conversion was recorded: later changes do not rewrite history
  commission_terms      jsonb NOT NULL,
  occurred_at           timestamptz NOT NULL,
  expected_approval_at  timestamptz,
  status_reason         text,
  metadata              jsonb NOT NULL DEFAULT '{}',
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, enrollment_id) REFERENCES enrollments (brand_id, id),
  CONSTRAINT conversions_order_id_key UNIQUE (brand_id, order_id)
);
CREATE INDEX conversions_by_enrollment ON conversions (brand_id, enrollment_id, occurred_at DESC, id DESC);
CREATE INDEX conversions_by_status ON conversions (brand_id, enrollment_id, status, occurred_at DESC, id DESC);
CREATE INDEX conversions_list ON conversions (brand_id, occurred_at DESC, id DESC);

CREATE TABLE payments (
  brand_id       text NOT NULL,
  id             text NOT NULL,
  enrollment_id  text NOT NULL,
  currency       char(3) NOT NULL,
  amount         bigint NOT NULL CHECK (amount > 0),
  method         text NOT NULL,
  reference      text,
  paid_at        timestamptz NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, enrollment_id) REFERENCES enrollments (brand_id, id)
);
CREATE INDEX payments_by_enrollment ON payments (brand_id, enrollment_id, paid_at DESC, id DESC);
CREATE INDEX payments_list ON payments (brand_id, paid_at DESC, id DESC);

-- One row per enrollment, updated in the same transaction as every write that changes it,
-- so the dashboard's first screen never scans history.
CREATE TABLE enrollment_totals (
  brand_id            text NOT NULL,
  enrollment_id       text NOT NULL,
  clicks              bigint NOT NULL DEFAULT 0,
  conversions         bigint NOT NULL DEFAULT 0,
  sales               bigint NOT NULL DEFAULT 0,
  commission_pending  bigint NOT NULL DEFAULT 0,
  commission_approved bigint NOT NULL DEFAULT 0,
  paid                bigint NOT NULL DEFAULT 0,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, enrollment_id),
  FOREIGN KEY (brand_id, enrollment_id) REFERENCES enrollments (brand_id, id)
);
