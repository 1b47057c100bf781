-- Embedding rules: the origins a brand embeds its members' dashboards on. Only they get CORS
-- answers from the dashboard API and may frame the hosted page; a brand with none listed is
-- open to any origin (development).

CREATE TABLE brand_allowed_origins (
  brand_id    text NOT NULL REFERENCES brands (id),
  origin      text NOT NULL CHECK (origin ~ '^https?://[^/?#]+$' AND length(origin) <= 200),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, origin)
);
