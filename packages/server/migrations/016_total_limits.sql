-- Totals stay exact: no enrollment total may pass 2^53 - 1 (9007199254740991), the largest
-- integer JSON and JavaScript hold exactly (MAX_TOTAL in @affdash/core). A write that would
-- take one past it fails this check, and the API answers 422 total_limit_exceeded; each amount
-- is at most 10^12 minor units, so no sum overflows bigint before the check sees it.
-- NOT VALID: rows written before are not re-read; every write from now on is checked.
ALTER TABLE enrollment_totals
  ADD CONSTRAINT enrollment_totals_within_limit CHECK (
    clicks <= 9007199254740991
    AND conversions <= 9007199254740991
    AND sales <= 9007199254740991
    AND commission_pending + commission_approved <= 9007199254740991
    AND paid <= 9007199254740991
  ) NOT VALID;

ALTER TABLE enrollment_daily
  ADD CONSTRAINT enrollment_daily_within_limit CHECK (
    sales <= 9007199254740991
    AND commission_pending + commission_approved + commission_reversed <= 9007199254740991
    AND paid <= 9007199254740991
  ) NOT VALID;
