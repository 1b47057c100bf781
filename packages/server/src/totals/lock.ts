import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { Database } from '../db/index.js';

const { sql } = pg;

/**
 * A `SELECT` that locks enrollments' totals rows until the transaction ends, in one fixed
 * order, so writes to one enrollment (and the tier progress they read) happen one after
 * another, and two writers locking overlapping sets never wait on each other in a cycle.
 */
export function totalsLock(brandId: string, enrollmentIds: readonly string[]): SQLQuery {
  return sql`
    SELECT enrollment_id FROM enrollment_totals
    WHERE brand_id = ${brandId} AND enrollment_id = ANY (${[...new Set(enrollmentIds)]}::text[])
    ORDER BY enrollment_id FOR UPDATE`;
}

/** `totalsLock` as a statement of its own, for a transaction that reads before it writes. */
export async function lockTotals(db: Database, brandId: string, enrollmentIds: readonly string[]): Promise<void> {
  if (enrollmentIds.length) await db.query(totalsLock(brandId, enrollmentIds));
}
