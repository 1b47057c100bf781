import pg from '@databases/pg';
import { computeCommission, periodStart, type TierProgress } from '@affdash/core';
import type { Database } from '../db/index.js';
import { isTiered, type PlannedSale } from './plan.js';

const { sql } = pg;

/** An ISO timestamp with microseconds, which PostgreSQL keeps and `Date` does not. */
const isoWithMicros = (ms: number, micros: number) =>
  new Date(ms).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);

/** Whether sale `a` happened before sale `b`. */
const before = (a: PlannedSale, b: PlannedSale) => a.at < b.at || (a.at === b.at && a.micros < b.micros);

/**
 * Computes the commission of each planned sale of a tiered offer. It counts the member's
 * earlier counted conversions in the tier period of the sale: those stored (one query for all
 * sales), plus the sales planned before it in this call that happened earlier. Call it once
 * the enrollments' totals are locked, so no other writer adds to them meanwhile.
 */
export async function computeTiers(db: Database, brandId: string, planned: readonly PlannedSale[]): Promise<void> {
  const tiered = planned.filter(isTiered);
  if (!tiered.length) return;
  const starts = tiered.map((p) => {
    const structure = p.attribution.target.commission;
    return structure.type === 'tiered' ? periodStart(structure.period, new Date(p.at)) : null;
  });
  const rows = await db.query<{ n: number; conversions: number; sales: number }>(sql`
    SELECT u.n, p.conversions, p.sales
    FROM unnest(${tiered.map((p) => p.attribution.target.enrollment_id)}::text[],
                ${tiered.map((p) => isoWithMicros(p.at, p.micros))}::timestamptz[],
                ${starts.map((s) => s?.toISOString() ?? null)}::timestamptz[])
      WITH ORDINALITY AS u(enrollment_id, at, start, n)
    CROSS JOIN LATERAL (
      SELECT count(*)::bigint AS conversions, COALESCE(sum(c.sale_amount), 0)::bigint AS sales
      FROM conversions c
      WHERE c.brand_id = ${brandId} AND c.enrollment_id = u.enrollment_id
        AND c.status IN ('pending', 'approved')
        AND c.occurred_at < u.at AND c.occurred_at >= COALESCE(u.start, '-infinity')
    ) AS p`);
  const stored = new Map<PlannedSale, TierProgress>();
  for (const r of rows) stored.set(tiered[Number(r.n) - 1]!, { conversions: Number(r.conversions), sales: Number(r.sales) });
  tiered.forEach((p, k) => {
    const progress = { ...stored.get(p)! };
    const start = starts[k]?.getTime() ?? -Infinity;
    for (const q of tiered.slice(0, k)) {
      if (q.attribution.target.enrollment_id === p.attribution.target.enrollment_id && before(q, p) && q.at >= start) {
        progress.conversions += 1;
        progress.sales += q.input.amount;
      }
    }
    p.commission = computeCommission(p.attribution.target.commission, p.input.amount, progress);
  });
}
