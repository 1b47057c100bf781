-- The dashboard's first screen, in one statement: the enrollment with its brand, member, offer
-- and totals, the tier progress of the current period (from the daily rollup), the first page
-- of conversions and of payments, and the chart's days. Nothing reads more than a page of raw
-- rows: totals, tier progress and chart come from enrollment_totals and enrollment_daily.
-- Parameters: brand_id, enrollment_id, page_rows (a page plus one, to know whether there is
-- more), series_from and series_to (days), month_start, quarter_start, year_start (days: the
-- start of each tier period that contains today). Times inside the JSON are UTC timestamps as
-- JSON writes them (`2026-11-30T12:34:56.123456`, the fraction without trailing zeros) and
-- days as `2026-11-30`, whatever the session's DateStyle: cheaper than to_char, and the
-- answer's and the cursors' forms are made from them in first-screen.ts. The whole screen is one
-- JSON document: one column for the driver to describe and parse, not thirty.
SELECT json_build_object(
         'enrollment_id', e.id, 'enrollment_status', e.status,
         'ended_at', e.ended_at AT TIME ZONE 'UTC', 'promo_code', e.promo_code, 'tracking_slug', e.tracking_slug,
         'ended_access', b.ended_enrollment_access, 'brand_name', b.name, 'logo_url', b.logo_url,
         'display_name', b.display_name, 'accent_color', b.accent_color, 'accent_text_color', b.accent_text_color,
         'member_name', m.name,
         'offer_id', o.id, 'offer_name', o.name, 'description', o.description, 'offer_status', o.status,
         'currency', o.currency, 'hold_days', o.hold_days, 'commission', o.commission,
         'payout_minimum', o.payout_minimum, 'payout_schedule', o.payout_schedule,
         'clicks', t.clicks, 'conversions', t.conversions, 'sales', t.sales,
         'commission_pending', t.commission_pending, 'commission_approved', t.commission_approved, 'paid', t.paid,
         'version', t.version,
         'tier_conversions', tier.conversions, 'tier_sales', tier.sales,
         'conversion_rows', conversion_page.rows,
         'payment_rows', payment_page.rows,
         'series_rows', series.rows
       ) AS screen
FROM enrollments e
JOIN brands b ON b.id = e.brand_id
JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
JOIN members m ON m.brand_id = e.brand_id AND m.id = e.member_id
JOIN enrollment_totals t ON t.brand_id = e.brand_id AND t.enrollment_id = e.id
-- tiers by period: the rollup's days since the period began (none for lifetime or no tiers,
-- which read the totals)
CROSS JOIN LATERAL (
  SELECT COALESCE(sum(d.conversions), 0)::bigint AS conversions,
         COALESCE(sum(d.sales), 0)::bigint AS sales
  FROM enrollment_daily d
  WHERE d.brand_id = e.brand_id AND d.enrollment_id = e.id
    AND d.day >= CASE o.commission->>'period'
                   WHEN 'month' THEN :month_start::date
                   WHEN 'quarter' THEN :quarter_start::date
                   WHEN 'year' THEN :year_start::date
                 END
) tier
CROSS JOIN LATERAL (
  SELECT COALESCE(json_agg(json_build_object(
           'id', c.id,
           'order_id', c.order_id,
           'status', c.status,
           'currency', c.currency,
           'sale_amount', c.sale_amount,
           'commission_amount', c.commission_amount,
           'original_amount', c.original_amount,
           'original_currency', c.original_currency,
           'occurred_at', c.occurred_at AT TIME ZONE 'UTC',
           'expected_approval_at', c.expected_approval_at AT TIME ZONE 'UTC',
           'status_reason', c.status_reason
         ) ORDER BY c.occurred_at DESC, c.id DESC), '[]') AS rows
  FROM (
    SELECT * FROM conversions c
    WHERE c.brand_id = e.brand_id AND c.enrollment_id = e.id
    ORDER BY c.occurred_at DESC, c.id DESC
    LIMIT :page_rows
  ) c
) conversion_page
CROSS JOIN LATERAL (
  SELECT COALESCE(json_agg(json_build_object(
           'id', p.id,
           'amount', p.amount,
           'currency', p.currency,
           'method', p.method,
           'reference', p.reference,
           'paid_at', p.paid_at AT TIME ZONE 'UTC'
         ) ORDER BY p.paid_at DESC, p.id DESC), '[]') AS rows
  FROM (
    SELECT * FROM payments p
    WHERE p.brand_id = e.brand_id AND p.enrollment_id = e.id
    ORDER BY p.paid_at DESC, p.id DESC
    LIMIT :page_rows
  ) p
) payment_page
CROSS JOIN LATERAL (
  SELECT COALESCE(json_agg(json_build_object(
           'day', d.day,
           'clicks', d.clicks,
           'conversions', d.conversions,
           'sales', d.sales,
           'commission', d.commission_pending + d.commission_approved
         ) ORDER BY d.day), '[]') AS rows
  FROM enrollment_daily d
  WHERE d.brand_id = e.brand_id AND d.enrollment_id = e.id
    AND d.day BETWEEN :series_from::date AND :series_to::date
) series
WHERE e.brand_id = :brand_id AND e.id = :enrollment_id
