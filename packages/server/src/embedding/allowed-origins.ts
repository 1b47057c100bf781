import pg from '@databases/pg';
import type { Database } from '../db/index.js';

const { sql } = pg;

/** How long a process trusts its copy of a brand's list; a PUT elsewhere shows within this. */
export const ALLOWED_ORIGINS_TTL_MS = 30_000;
const MAX_CACHED_BRANDS = 10_000;

interface Entry {
  origins: readonly string[];
  at: number;
}

/** One cache per database, so test apps on separate databases never share entries. */
const caches = new WeakMap<Database, Map<string, Entry | Promise<readonly string[]>>>();

function cacheOf(db: Database) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

async function load(db: Database, brandId: string): Promise<readonly string[]> {
  const rows = await db.query<{ origin: string }>(sql`
    SELECT origin FROM brand_allowed_origins WHERE brand_id = ${brandId} ORDER BY origin`);
  return rows.map((row) => row.origin);
}

/** A brand's allowed origins, read through a short in-process cache. */
export async function allowedOrigins(db: Database, brandId: string): Promise<readonly string[]> {
  const cache = cacheOf(db);
  const hit = cache.get(brandId);
  if (hit instanceof Promise) return hit;
  if (hit && Date.now() - hit.at < ALLOWED_ORIGINS_TTL_MS) return hit.origins;
  const pending = load(db, brandId);
  cache.set(brandId, pending);
  try {
    const origins = await pending;
    if (cache.get(brandId) === pending) {
      if (cache.size > MAX_CACHED_BRANDS) cache.clear();
      cache.set(brandId, { origins, at: Date.now() });
    }
    return origins;
  } catch (err) {
    if (cache.get(brandId) === pending) cache.delete(brandId);
    throw err;
  }
}

/** Replaces a brand's list and drops this process's cached copy. */
export async function replaceAllowedOrigins(
  db: Database,
  brandId: string,
  origins: readonly string[],
): Promise<readonly string[]> {
  await db.tx(async (db) => {
    await db.query(sql`DELETE FROM brand_allowed_origins WHERE brand_id = ${brandId}`);
    for (const origin of origins) {
      await db.query(sql`INSERT INTO brand_allowed_origins (brand_id, origin) VALUES (${brandId}, ${origin})`);
    }
  });
  cacheOf(db).delete(brandId);
  return [...origins].sort();
}

/** Whether a page on `origin` may use a dashboard of a brand with this list. */
export function originAllowed(origins: readonly string[], origin: string): boolean {
  return origins.length === 0 || origins.includes(origin);
}

/** The `frame-ancestors` source list of a hosted page for a brand with this list. */
export function frameAncestors(origins: readonly string[]): string {
  return origins.length === 0 ? '*' : ["'self'", ...origins].join(' ');
}
