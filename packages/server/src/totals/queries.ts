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
): Required<Pick<TotalsDelta, 'conversions' | 'sales' | 'pending' | 'approved'>> {
  const counts = status === 'pending' || status === 'approved';
  return {
    conversions: counts ? 1 : 0,
    sales: counts ? sale : 0,
    pending: status === 'pending' ? commission : 0,
    approved: status === 'approved' ? commission : 0,
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

/** Adds a delta to an enrollment's totals; call inside the transaction of the write. */
export async function applyTotals(
  db: Database,
  brandId: string,
  enrollmentId: string,
  d: TotalsDelta,
): Promise<void> {
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
