import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { Database } from '../../db/index.js';
import { opaqueKey } from '../../db/opaque-key.js';
import { newId } from '../../keys/random.js';
import { applyTotals } from '../../totals/queries.js';

const { sql } = pg;

/** Repeated clicks of one visitor on one link within this window count once. */
export const CLICK_DEDUPE_MS = 30 * 60_000;

/**
 * The latest click on an enrollment's link since `since` of a visitor (by any of `hashes`):
 * a probe of the visitor's key, however many clicks the link has (see `opaqueKey`).
 */
export function recentClickQuery(target: { brand_id: string; id: string }, hashes: readonly string[], since: Date): SQLQuery {
  return sql`
    SELECT id FROM clicks
    WHERE brand_id = ${opaqueKey(target.brand_id)} AND enrollment_id = ${opaqueKey(target.id)}
      AND visitor_hash IN (${sql.join(hashes.map((h) => sql`${h}`), sql`, `)})
      AND created_at > ${since}
    ORDER BY created_at DESC LIMIT 1`;
}

/**
 * Records a click on an enrollment's link, or returns the id of the same visitor's click on it
 * in the last 30 minutes. `hashAt(day)` is the visitor hash with the salt of `day`'s UTC date:
 * a window that spans midnight looks for both days' hashes. A transaction-scoped advisory lock
 * per visitor and link makes simultaneous repeats count once too. `now` is when the click
 * happened (an import of past clicks passes their time).
 */
export async function recordClick(
  db: Database,
  target: { brand_id: string; id: string },
  hashAt: (at: Date) => string,
  now = new Date(),
): Promise<string> {
  const since = new Date(now.getTime() - CLICK_DEDUPE_MS);
  const hash = hashAt(now);
  const hashes = [...new Set([hash, hashAt(since)])];
  return db.tx(async (db) => {
    await db.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`click:${target.id}:${hash}`}, 0))`);
    const [recent] = await db.query<{ id: string }>(recentClickQuery(target, hashes, since));
    if (recent) return recent.id;
    const clickId = newId('clk');
    await db.query(sql`
      INSERT INTO clicks (brand_id, id, enrollment_id, visitor_hash, created_at)
      VALUES (${target.brand_id}, ${clickId}, ${target.id}, ${hash}, ${now})`);
    await applyTotals(db, target.brand_id, target.id, { clicks: 1 }, now);
    return clickId;
  });
}
