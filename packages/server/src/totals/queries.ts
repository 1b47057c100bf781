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
 * Adds a delta to an enrollment's totals and to its daily rollup for `day` (the UTC day of
 * the event: a conversion's `occurred_at`, a payment's `paid_at`; the transaction's time
 * when omitted, as for a click). Call inside the transaction of the write.
 */
export async function applyTotals(
  db: Database,
  brandId: string,
  enrollmentId: string,
  d: TotalsDelta,
  day?: Date,
): Promise<void> {
  await applyDaily(db, brandId, enrollmentId, d, day);
  await db.query(sql`
    UPDATE enrollment_totals SET
      clicks = clicks + ${d.clicks ?? 0},
      conversions = conversions + ${d.conversions ?? 0},
      sales = sales + ${d.sales ?? 0},
      commission_pending = commission_pending + ${d.pending ?? 0},
      commission_approved = commission_approved + ${d.approved ?? 0},
      paid = paid + ${d.paid ?? 0},
      updated_at = now()
    WHERE brand_id = ${brandId} AND enrollment_id = ${enrollmentId}`);
}

function isZero(d: TotalsDelta): boolean {
  return !d.clicks && !d.conversions && !d.sales && !d.pending && !d.approved && !d.reversed && !d.paid;
}

/** The UTC date of a moment, in SQL. */
function utcDay(at: Date | undefined) {
  return at ? sql`(${at}::timestamptz AT TIME ZONE 'UTC')::date` : sql`(now() AT TIME ZONE 'UTC')::date`;
}

/** Adds a delta to one day of an enrollment's daily rollup, creating the day if needed. */
async function applyDaily(
  db: Database,
  brandId: string,
  enrollmentId: string,
  d: TotalsDelta,
  day: Date | undefined,
): Promise<void> {
  if (isZero(d)) return;
  await db.query(sql`
    INSERT INTO enrollment_daily AS r (brand_id, enrollment_id, day, clicks, conversions, sales,
                                       commission_pending, commission_approved,
                                       commission_reversed, paid)
    VALUES (${brandId}, ${enrollmentId}, ${utcDay(day)}, ${d.clicks ?? 0}, ${d.conversions ?? 0},
            ${d.sales ?? 0}, ${d.pending ?? 0}, ${d.approved ?? 0}, ${d.reversed ?? 0}, ${d.paid ?? 0})
    ON CONFLICT (brand_id, enrollment_id, day) DO UPDATE SET
      clicks = r.clicks + EXCLUDED.clicks,
      conversions = r.conversions + EXCLUDED.conversions,
      sales = r.sales + EXCLUDED.sales,
      commission_pending = r.commission_pending + EXCLUDED.commission_pending,
      commission_approved = r.commission_approved + EXCLUDED.commission_approved,
      commission_reversed = r.commission_reversed + EXCLUDED.commission_reversed,
      paid = r.paid + EXCLUDED.paid`);
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
