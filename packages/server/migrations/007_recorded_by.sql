-- A conversion's first event is its own row.
-- Every conversion is recorded pending, at its created_at, by whoever reported it. That event
-- used to be a row of conversion_events of its own: a second insert (and foreign-key check)
-- for every conversion recorded. The conversion now keeps who recorded it, and its history is
-- that first event followed by the rows of conversion_events, which hold the changes after it
-- (see listEvents). The first event's id is the conversion's with the prefix cev_.

ALTER TABLE conversions ADD COLUMN recorded_by text;
UPDATE conversions c SET recorded_by = e.actor
FROM conversion_events e
WHERE e.brand_id = c.brand_id AND e.conversion_id = c.id AND e.from_status IS NULL;
-- conversions written straight into the table, never through the API
UPDATE conversions SET recorded_by = 'system:import' WHERE recorded_by IS NULL;
ALTER TABLE conversions ALTER COLUMN recorded_by SET NOT NULL;
DELETE FROM conversion_events WHERE from_status IS NULL;
