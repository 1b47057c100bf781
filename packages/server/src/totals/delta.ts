import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';

const { sql } = pg;

/**
 * What a change adds to an enrollment's totals and daily rollup, column by column: SQL
 * expressions over the rows of the change (a column left out adds nothing). `reversed` is
 * commission approved and then reversed, kept in the daily rollup alone, for statements.
 */
export interface DeltaColumns {
  clicks?: SQLQuery;
  conversions?: SQLQuery;
  sales?: SQLQuery;
  pending?: SQLQuery;
  approved?: SQLQuery;
  reversed?: SQLQuery;
  paid?: SQLQuery;
}

const names = ['clicks', 'conversions', 'sales', 'pending', 'approved', 'reversed', 'paid'] as const;

/** A select list of every delta column, in order, each named (`… AS clicks, …`): zero where left out. */
export function deltaColumns(columns: DeltaColumns): SQLQuery {
  return sql.join(
    names.map((name) => sql`${columns[name] ?? sql`0`} AS ${sql.ident(name)}`),
    sql`, `,
  );
}

/**
 * What a conversion in `status` adds to the totals: only pending and approved ones count, and
 * their commission goes to the total of its status; a reversed one's commission is kept in the
 * daily rollup. With `sign` -1, what it takes away when it leaves that status.
 */
export function contribution(status: SQLQuery, sale: SQLQuery, commission: SQLQuery, sign: 1 | -1 = 1): DeltaColumns {
  const signed = (value: SQLQuery) => (sign === 1 ? value : sql`-(${value})`);
  const when = (condition: SQLQuery, value: SQLQuery) => signed(sql`CASE WHEN ${condition} THEN ${value} ELSE 0 END`);
  const counts = sql`${status} IN ('pending', 'approved')`;
  return {
    conversions: when(counts, sql`1`),
    sales: when(counts, sale),
    pending: when(sql`${status} = 'pending'`, commission),
    approved: when(sql`${status} = 'approved'`, commission),
    reversed: when(sql`${status} = 'reversed'`, commission),
  };
}

/**
 * The CTEs `delta`, `daily` and `totals`, to follow the others of a `WITH`: they add a change to
 * the enrollments' daily rollups and totals, in the statement that makes it. `source` is any
 * `SELECT brand_id, enrollment_id, day, <deltaColumns>` over the statement's rows (the UTC day
 * of a conversion's `occurred_at`, a payment's `paid_at`, a click's time), as many rows per
 * enrollment and day as it likes: they are summed once by enrollment and day (`by_day`), and
 * the totals from those sums. A day whose sums are all zero is not written; every enrollment of the source has its totals row updated (and so its dashboard's
 * version raised), even by nothing. Lock the totals rows first, in one order (`totalsLock`).
 * The one place the rollup arithmetic is written.
 */
export function applyDelta(source: SQLQuery): SQLQuery {
  const sums = sql`sum(clicks) AS clicks, sum(conversions) AS conversions, sum(sales) AS sales,
                   sum(pending) AS pending, sum(approved) AS approved, sum(reversed) AS reversed,
                   sum(paid) AS paid`;
  return sql`
    delta AS (${source}),
    by_day AS (
      SELECT brand_id, enrollment_id, day, ${sums} FROM delta GROUP BY brand_id, enrollment_id, day
    ),
    daily AS (
      INSERT INTO enrollment_daily AS r (brand_id, enrollment_id, day, clicks, conversions, sales,
                                         commission_pending, commission_approved,
                                         commission_reversed, paid)
      SELECT * FROM by_day
      WHERE (clicks, conversions, sales, pending, approved, reversed, paid) <> (0, 0, 0, 0, 0, 0, 0)
      ORDER BY brand_id, enrollment_id, day
      ON CONFLICT (brand_id, enrollment_id, day) DO UPDATE SET
        clicks = r.clicks + EXCLUDED.clicks,
        conversions = r.conversions + EXCLUDED.conversions,
        sales = r.sales + EXCLUDED.sales,
        commission_pending = r.commission_pending + EXCLUDED.commission_pending,
        commission_approved = r.commission_approved + EXCLUDED.commission_approved,
        commission_reversed = r.commission_reversed + EXCLUDED.commission_reversed,
        paid = r.paid + EXCLUDED.paid
    ),
    totals AS (
      UPDATE enrollment_totals t SET
        clicks = t.clicks + d.clicks,
        conversions = t.conversions + d.conversions,
        sales = t.sales + d.sales,
        commission_pending = t.commission_pending + d.pending,
        commission_approved = t.commission_approved + d.approved,
        paid = t.paid + d.paid,
        updated_at = now()
      FROM (SELECT brand_id, enrollment_id, ${sums} FROM by_day GROUP BY brand_id, enrollment_id) AS d
      WHERE t.brand_id = d.brand_id AND t.enrollment_id = d.enrollment_id
    )`;
}
