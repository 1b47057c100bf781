import pg from '@databases/pg';
import type { Database } from './db/index.js';
import { hashSecret, newId, randomSecret } from './keys/random.js';

const { sql } = pg;

export interface NewBrand {
  id?: string;
  name: string;
  logoUrl?: string | null;
}

/** Creates a brand (or keeps an existing one with the same id). */
export async function ensureBrand(db: Database, brand: NewBrand): Promise<string> {
  const id = brand.id ?? newId('brd');
  await db.query(sql`
    INSERT INTO brands (id, name, logo_url) VALUES (${id}, ${brand.name}, ${brand.logoUrl ?? null})
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, logo_url = EXCLUDED.logo_url`);
  return id;
}

/** Issues a new API key for a brand. The key is returned once; only its hash is kept. */
export async function createApiKey(db: Database, brandId: string, label = ''): Promise<string> {
  const secret = `affdash_sk_${randomSecret(24)}`;
  await db.query(sql`
    INSERT INTO api_keys (brand_id, id, secret_hash, label)
    VALUES (${brandId}, ${newId('key')}, ${hashSecret(secret)}, ${label})`);
  return secret;
}

/** Revokes every API key of a brand with the given label. */
export async function revokeApiKeys(db: Database, brandId: string, label: string): Promise<void> {
  await db.query(sql`
    UPDATE api_keys SET revoked_at = now()
    WHERE brand_id = ${brandId} AND label = ${label} AND revoked_at IS NULL`);
}
