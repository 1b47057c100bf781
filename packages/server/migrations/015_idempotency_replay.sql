-- Idempotency-Key on every creating request: the first answer is kept byte for byte (text,
-- not jsonb, which would reorder its keys) with the headers that describe it, and keys expire
-- after 24 hours (the index serves the hourly expiry). Answers kept before were JSON.
ALTER TABLE idempotency_keys ALTER COLUMN response TYPE text USING response::text;
ALTER TABLE idempotency_keys ADD COLUMN headers jsonb NOT NULL DEFAULT '{"content-type": "application/json"}';
ALTER TABLE idempotency_keys ALTER COLUMN headers SET DEFAULT '{}';
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
