import { createHmac } from 'node:crypto';
import pg from '@databases/pg';
import type { Database } from '../db/index.js';
import { timeDigits } from '../keys/random.js';
import { applyDelta, deltaColumns } from '../totals/delta.js';
import { lockTotals } from '../totals/lock.js';

const { sql } = pg;

/** One visitor's clicks on one link within one half hour (:00–:29, :30–:59 UTC) count once. */
export const CLICK_WINDOW_MS = 30 * 60_000;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A click on an enrollment's link, as recorded. */
export interface Click {
  brandId: string;
  enrollmentId: string;
  id: string;
  visitorHash: string;
  at: Date;
}

/**
 * The id of a visitor's click on a link in the half hour of `at`: the same in every process,
 * so a repeat is the same row (its primary key) wherever it is answered, with no look-up and
 * no lock. Time-ordered like every id (the window's start), then 12 base62 characters of an
 * HMAC of link, visitor hash and window.
 */
export function clickFor(
  visitorKey: Buffer,
  target: { brand_id: string; id: string },
  visitorHash: string,
  at: Date,
): Click {
  const window = Math.floor(at.getTime() / CLICK_WINDOW_MS) * CLICK_WINDOW_MS;
  const mac = createHmac('sha256', visitorKey).update(`click ${target.id} ${visitorHash} ${window}`).digest();
  let tail = '';
  for (let i = 0; i < 12; i++) tail += BASE62[mac[i]! % 62];
  return {
    brandId: target.brand_id,
    enrollmentId: target.id,
    id: `clk_${timeDigits(window)}${tail}`,
    visitorHash,
    at,
  };
}

/**
 * Writes clicks in one transaction: each click id once (a repeat is already there and counts
 * nothing), and what the new ones add to their enrollments' totals and daily rollups. The
 * totals rows are locked first, brand by brand and in one order, as every writer does.
 */
export async function writeClicks(db: Database, clicks: readonly Click[]): Promise<number> {
  if (!clicks.length) return 0;
  return db.tx(async (db) => {
    const brands = [...new Set(clicks.map((c) => c.brandId))].sort();
    for (const brandId of brands) {
      await lockTotals(db, brandId, clicks.filter((c) => c.brandId === brandId).map((c) => c.enrollmentId));
    }
    const [row] = await db.query<{ inserted: number }>(sql`
      WITH inserted AS (
        INSERT INTO clicks (brand_id, id, enrollment_id, visitor_hash, created_at)
        SELECT * FROM unnest(${clicks.map((c) => c.brandId)}::text[], ${clicks.map((c) => c.id)}::text[],
                             ${clicks.map((c) => c.enrollmentId)}::text[], ${clicks.map((c) => c.visitorHash)}::text[],
                             ${clicks.map((c) => c.at.toISOString())}::timestamptz[])
        ON CONFLICT (brand_id, id) DO NOTHING
        RETURNING brand_id, enrollment_id, created_at
      ),
      ${applyDelta(sql`
        SELECT brand_id, enrollment_id, (created_at AT TIME ZONE 'UTC')::date AS day, ${deltaColumns({ clicks: sql`1` })}
        FROM inserted`)}
      SELECT count(*) AS inserted FROM inserted`);
    return Number(row!.inserted);
  });
}

/**
 * Records one click at once, in its own transaction, and returns its id (a repeat in the same
 * half hour returns the same id and counts nothing). `hashAt(day)` is the visitor hash with the
 * salt of `day`'s UTC date. For imports of past clicks and the demo; the redirect buffers.
 */
export async function recordClick(
  db: Database,
  visitorKey: Buffer,
  target: { brand_id: string; id: string },
  hashAt: (at: Date) => string,
  now = new Date(),
): Promise<string> {
  const click = clickFor(visitorKey, target, hashAt(now), now);
  await writeClicks(db, [click]);
  return click.id;
}
