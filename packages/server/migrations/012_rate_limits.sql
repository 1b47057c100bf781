-- Rate-limit counters shared by every API process: one row per limited client (a client
-- address or an API key, prefixed by the limit's name), counting hits in a fixed window.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);

-- finds the counters whose window ended, to delete them
CREATE INDEX rate_limits_window_ends_at ON rate_limits (window_ends_at);
