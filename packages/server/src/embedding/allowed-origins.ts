import pg from '@databases/pg';
import { parseOrigin } from '@affdash/core';
import type { Database } from '../db/index.js';

const { sql } = pg;

/** How long a process trusts its copy of a brand's list; a PUT elsewhere shows within this. */
export const ALLOWED_ORIGINS_TTL_MS = 30_000;
const MAX_CACHED_BRANDS = 10_000;

/**
 * A brand's embedding rule, parsed once and used for both its CORS answers and its hosted
 * page's `frame-ancestors`: any origin (none listed), or only the listed ones.
 */
export interface EmbeddingOrigins {
  any: boolean;
  /** Serialized origins (`parseOrigin`), sorted. */
  origins: readonly string[];
}

interface Entry {
  origins: EmbeddingOrigins;
  at: number;
}

/** One cache per database, so test apps on separate databases never share entries. */
const caches = new WeakMap<Database, Map<string, Entry | Promise<EmbeddingOrigins>>>();

function cacheOf(db: Database) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/**
 * Reads the list and parses each entry again, so that nothing but a serialized origin reaches
 * a header: an entry stored before the rules were strict (`https://*`) matches no origin, and
 * still counts as a list, so the brand's restriction stays.
 */
async function load(db: Database, brandId: string): Promise<EmbeddingOrigins> {
  const rows = await db.query<{ origin: string }>(sql`
    SELECT origin FROM brand_allowed_origins WHERE brand_id = ${brandId} ORDER BY origin`);
  const origins = new Set<string>();
  for (const row of rows) {
    const origin = parseOrigin(row.origin);
    if (origin !== null) origins.add(origin);
  }
  return { any: rows.length === 0, origins: [...origins].sort() };
}

/** A brand's allowed origins, read through a short in-process cache. */
export async function allowedOrigins(db: Database, brandId: string): Promise<EmbeddingOrigins> {
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
export function originAllowed(list: EmbeddingOrigins, origin: string): boolean {
  return list.any || list.origins.includes(origin);
}

/** The `frame-ancestors` source list of a hosted page for a brand with this list. */
export function frameAncestors(list: EmbeddingOrigins): string {
  return list.any ? '*' : ["'self'", ...list.origins].join(' ');
}
