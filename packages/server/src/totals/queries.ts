import pg from '@databases/pg';
import type { ConversionStatus } from '@affdash/core';
import type { Database } from '../db/index.js';

const { sql } = pg;

/** A change to an enrollment's running totals. */
export interface TotalsDelta {
  clicks?: number;
  conversions?: number;
  sales?: number;
  pending?: number;
  approved?: number;
  /** Commission approved and then reversed: kept only in the daily rollup, for statements. */
  reversed?: number;
  paid?: number;
}

export interface TotalsRow {
  clicks: number;
  conversions: number;
  sales: number;
  commission_pending: number;
  commission_approved: number;
  paid: number;
}

/** What one conversion adds to the totals in a status: only pending and approved count. */
export function conversionContribution(
  status: ConversionStatus,
  sale: number,
  commission: number,
): Required<Pick<TotalsDelta, 'conversions' | 'sales' | 'pending' | 'approved' | 'reversed'>> {
  const counts = status === 'pending' || status === 'approved';
  return {
    conversions: counts ? 1 : 0,
    sales: counts ? sale : 0,
    pending: status === 'pending' ? commission : 0,
    approved: status === 'approved' ? commission : 0,
    reversed: status === 'reversed' ? commission : 0,
  };
}

/** The difference between two contributions: what a status change does to the totals. */
export function contributionChange(
  from: ReturnType<typeof conversionContribution>,
  to: ReturnType<typeof conversionContribution>,
): TotalsDelta {
  return {
    conversions: to.conversions - from.conversions,
    sales: to.sales - from.sales,
    pending: to.pending - from.pending,
    approved: to.approved - from.approved,
    reversed: to.reversed - from.reversed,
  };
}

/**
 * Locks an enrollment's totals row until the transaction ends, so writes to one enrollment
 * (and the tier progress they read) happen one after another.
 */
export async function lockTotals(db: Database, brandId: string, enrollmentId: string): Promise<void> {
  await db.query(sql`
    SELECT 1 FROM enrollment_totals
    WHERE brand_id = ${brandId} AND enrollment_id = ${enrollmentId} FOR UPDATE`);
}

/**
 * Adds a delta to an enrollment's totals and to its daily rollup for the UTC day of `day`
 * (a conversion's `occurred_at`, a payment's `paid_at`, a click's time). Call inside the
 * transaction of the write.
 */
export async function applyTotals(
  db: Database,
  brandId: string,
  enrollmentId: string,
  delta: TotalsDelta,
  day: Date,
): Promise<void> {
  await applyTotalsMany(db, brandId, [{ enrollmentId, delta, day }]);
}

function isZero(d: TotalsDelta): boolean {
  return !d.clicks && !d.conversions && !d.sales && !d.pending && !d.approved && !d.reversed && !d.paid;
}

export async function readTotals(
  db: Database,
  brandId: string,
  enrollmentId: string,
): Promise<TotalsRow | null> {
  const [row] = await db.query<TotalsRow>(sql`
    SELECT clicks, conversions, sales, commission_pending, commission_approved, paid
    FROM enrollment_totals WHERE brand_id = ${brandId} AND enrollment_id = ${enrollmentId}`);
  return row ?? null;
}

/** A delta for one enrollment on the UTC day of `day`, one of many applied together. */
export interface TotalsChange {
  enrollmentId: string;
  delta: TotalsDelta;
  day: Date;
}

const fields = ['clicks', 'conversions', 'sales', 'pending', 'approved', 'reversed', 'paid'] as const;

function sumInto(map: Map<string, Required<TotalsDelta>>, key: string, d: TotalsDelta): void {
  let sum = map.get(key);
  if (!sum) map.set(key, (sum = { clicks: 0, conversions: 0, sales: 0, pending: 0, approved: 0, reversed: 0, paid: 0 }));
  for (const f of fields) sum[f] += d[f] ?? 0;
}

/**
 * `applyTotals` for many changes at once, in two statements whatever their number: the sums
 * per enrollment go to the totals, the sums per enrollment and UTC day to the daily rollup.
 * Lock the enrollments' totals first (`lockTotals`, in a fixed order), inside the transaction
 * of the write.
 */
export async function applyTotalsMany(db: Database, brandId: string, changes: readonly TotalsChange[]): Promise<void> {
  const perEnrollment = new Map<string, Required<TotalsDelta>>();
  const perDay = new Map<string, Required<TotalsDelta>>();
  for (const c of changes) {
    sumInto(perEnrollment, c.enrollmentId, c.delta);
    if (!isZero(c.delta)) sumInto(perDay, `${c.enrollmentId} ${c.day.toISOString().slice(0, 10)}`, c.delta);
  }
  const column = (map: Map<string, Required<TotalsDelta>>, f: (typeof fields)[number]) => [...map.values()].map((d) => d[f]);
  if (perDay.size) {
    const keys = [...perDay.keys()].map((k) => k.split(' '));
    await db.query(sql`
      INSERT INTO enrollment_daily AS r (brand_id, enrollment_id, day, clicks, conversions, sales,
                                         commission_pending, commission_approved,
                                         commission_reversed, paid)
      SELECT ${brandId}, d.enrollment_id, d.day, d.clicks, d.conversions, d.sales, d.pending,
             d.approved, d.reversed, d.paid
      FROM unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::date[],
                  ${column(perDay, 'clicks')}::bigint[], ${column(perDay, 'conversions')}::bigint[],
                  ${column(perDay, 'sales')}::bigint[], ${column(perDay, 'pending')}::bigint[],
                  ${column(perDay, 'approved')}::bigint[], ${column(perDay, 'reversed')}::bigint[],
                  ${column(perDay, 'paid')}::bigint[])
        AS d(enrollment_id, day, clicks, conversions, sales, pending, approved, reversed, paid)
      ORDER BY d.enrollment_id, d.day
      ON CONFLICT (brand_id, enrollment_id, day) DO UPDATE SET
        clicks = r.clicks + EXCLUDED.clicks,
        conversions = r.conversions + EXCLUDED.conversions,
        sales = r.sales + EXCLUDED.sales,
        commission_pending = r.commission_pending + EXCLUDED.commission_pending,
        commission_approved = r.commission_approved + EXCLUDED.commission_approved,
        commission_reversed = r.commission_reversed + EXCLUDED.commission_reversed,
        paid = r.paid + EXCLUDED.paid`);
  }
  if (perEnrollment.size) {
    await db.query(sql`
      UPDATE enrollment_totals t SET
        clicks = t.clicks + d.clicks,
        conversions = t.conversions + d.conversions,
        sales = t.sales + d.sales,
        commission_pending = t.commission_pending + d.pending,
        commission_approved = t.commission_approved + d.approved,
        paid = t.paid + d.paid,
        updated_at = now()
      FROM unnest(${[...perEnrollment.keys()]}::text[], ${column(perEnrollment, 'clicks')}::bigint[],
                  ${column(perEnrollment, 'conversions')}::bigint[], ${column(perEnrollment, 'sales')}::bigint[],
                  ${column(perEnrollment, 'pending')}::bigint[], ${column(perEnrollment, 'approved')}::bigint[],
                  ${column(perEnrollment, 'paid')}::bigint[])
        AS d(enrollment_id, clicks, conversions, sales, pending, approved, paid)
      WHERE t.brand_id = ${brandId} AND t.enrollment_id = d.enrollment_id`);
  }
}

/**
 * Locks several enrollments' totals rows until the transaction ends, in one fixed order, so
 * two writers locking overlapping sets never wait on each other in a cycle.
 */
export async function lockTotalsMany(db: Database, brandId: string, enrollmentIds: readonly string[]): Promise<void> {
  if (!enrollmentIds.length) return;
  await db.query(sql`
    SELECT 1 FROM enrollment_totals
    WHERE brand_id = ${brandId} AND enrollment_id = ANY (${[...new Set(enrollmentIds)]}::text[])
    ORDER BY enrollment_id FOR UPDATE`);
}
