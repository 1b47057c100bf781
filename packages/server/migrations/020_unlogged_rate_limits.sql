-- Rate-limit counters are written on every limited request and matter only for their minute:
-- unlogged, a hit costs no WAL and no flush to disk when it commits. A crash of PostgreSQL
-- (not a clean restart) empties them, which starts every window over; replicas do not have them.
ALTER TABLE rate_limits SET UNLOGGED;
