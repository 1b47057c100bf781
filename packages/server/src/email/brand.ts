import pg from '@databases/pg';
import type { BrandProfile } from '@affdash/core';
import { BRAND_PROFILE_COLUMNS, brandProfile, profileFromRow, type BrandProfileRow } from '../brand-profile/index.js';
import type { Database } from '../db/index.js';

const { sql } = pg;

/**
 * What member email takes from a brand's profile (`GET /v1/brand/profile`): the header, the
 * colours, the language of members who have none, the sender, reply-to and postal address.
 */
export type EmailBrand = BrandProfile & { id: string };

/** The profile of each of the brands, by brand id, in one query (the outbox worker's batch). */
export async function emailBrands(db: Database, brandIds: string[]): Promise<Map<string, EmailBrand>> {
  const ids = [...new Set(brandIds)];
  if (!ids.length) return new Map();
  const rows = await db.query<BrandProfileRow & { id: string }>(sql`
    SELECT b.id, ${BRAND_PROFILE_COLUMNS} FROM brands b
    WHERE b.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, { ...profileFromRow(r), id: r.id }]));
}

/** One brand's profile for its email. */
export async function emailBrand(db: Database, brandId: string): Promise<EmailBrand> {
  return { ...(await brandProfile(db, brandId)), id: brandId };
}
