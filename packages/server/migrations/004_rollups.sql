-- Daily rollups and payout terms.
-- enrollment_daily holds one row per enrollment and UTC day, updated in the same transaction
-- as every write that changes enrollment_totals (see applyTotals), so the dashboard's chart
-- and monthly statements read a bounded number of rows whatever the history size.
-- A conversion counts on the day it occurred (status changes move its amounts on that day),
-- a payment on the day it was paid, a click on the day it happened.

ALTER TABLE offers
  ADD COLUMN payout_minimum bigint NOT NULL DEFAULT 0 CHECK (payout_minimum >= 0),
  ADD COLUMN payout_schedule text NOT NULL DEFAULT 'monthly'
    CHECK (payout_schedule IN ('monthly', 'biweekly', 'weekly'));

CREATE TABLE enrollment_daily (
  brand_id             text NOT NULL,
  enrollment_id        text NOT NULL,
  day                  date NOT NULL,
  clicks               bigint NOT NULL DEFAULT 0,
  -- conversions that count (pending and approved) and their sales
  conversions          bigint NOT NULL DEFAULT 0,
  sales                bigint NOT NULL DEFAULT 0,
  commission_pending   bigint NOT NULL DEFAULT 0,
  commission_approved  bigint NOT NULL DEFAULT 0,
  -- commission approved and later reversed: statements show it as a reversal
  commission_reversed  bigint NOT NULL DEFAULT 0,
  paid                 bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (brand_id, enrollment_id, day),
  FOREIGN KEY (brand_id, enrollment_id) REFERENCES enrollments (brand_id, id)
);

INSERT INTO enrollment_daily (brand_id, enrollment_id, day, clicks, conversions, sales,
                              commission_pending, commission_approved, commission_reversed, paid)
SELECT brand_id, enrollment_id, day,
       sum(clicks), sum(conversions), sum(sales),
       sum(commission_pending), sum(commission_approved), sum(commission_reversed), sum(paid)
FROM (
  SELECT brand_id, enrollment_id, (created_at AT TIME ZONE 'UTC')::date AS day,
         1 AS clicks, 0 AS conversions, 0 AS sales,
         0 AS commission_pending, 0 AS commission_approved, 0 AS commission_reversed, 0 AS paid
  FROM clicks
  UNION ALL
  SELECT brand_id, enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date,
         0,
         CASE WHEN status IN ('pending', 'approved') THEN 1 ELSE 0 END,
         CASE WHEN status IN ('pending', 'approved') THEN sale_amount ELSE 0 END,
         CASE WHEN status = 'pending' THEN commission_amount ELSE 0 END,
         CASE WHEN status = 'approved' THEN commission_amount ELSE 0 END,
         CASE WHEN status = 'reversed' THEN commission_amount ELSE 0 END,
         0
  FROM conversions
  UNION ALL
  SELECT brand_id, enrollment_id, (paid_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 0, 0, 0, amount
  FROM payments
) AS events
GROUP BY brand_id, enrollment_id, day;
