import pg from '@databases/pg';
import type { DashboardKey } from '@affdash/core';
import type { Database } from '../db/index.js';
import { newId, randomSecret } from './random.js';
import { decryptSecret, encryptSecret, type ServerKeys } from './server-keys.js';

const { sql } = pg;

interface DashboardKeyRow {
  brand_id: string;
  id: string;
  algorithm: 'HS256';
  secret_encrypted: string;
  created_at: Date;
  revoked_at: Date | null;
}

/** A verification key ready for jose, with the brand it belongs to. */
export interface VerificationKey {
  brandId: string;
  key: Uint8Array;
}

const CACHE_MS = 30_000;

/**
 * Brands' dashboard keys: created with a secret shown once, kept encrypted, revocable.
 * Verification keys are cached briefly per process; a revocation in this process is immediate,
 * in other processes it takes effect within 30 seconds.
 */
export class DashboardKeyStore {
  readonly #db: Database;
  readonly #keys: ServerKeys;
  readonly #cache = new Map<string, { value: VerificationKey | null; until: number }>();

  constructor(db: Database, keys: ServerKeys) {
    this.#db = db;
    this.#keys = keys;
  }

  /** Creates a key; `db` is the request's transaction when it runs in one. */
  async create(brandId: string, db: Database = this.#db): Promise<DashboardKey & { secret: string }> {
    const secret = randomSecret(32);
    const [row] = await db.query<DashboardKeyRow>(sql`
      INSERT INTO dashboard_keys (brand_id, id, algorithm, secret_encrypted)
      VALUES (${brandId}, ${newId('dk')}, 'HS256', ${encryptSecret(this.#keys, secret)})
      RETURNING *`);
    return { ...toDashboardKey(row!), secret };
  }

  async list(brandId: string): Promise<DashboardKey[]> {
    const rows = await this.#db.query<DashboardKeyRow>(sql`
      SELECT * FROM dashboard_keys WHERE brand_id = ${brandId} ORDER BY created_at DESC, id DESC`);
    return rows.map(toDashboardKey);
  }

  async revoke(brandId: string, id: string): Promise<DashboardKey | null> {
    const [row] = await this.#db.query<DashboardKeyRow>(sql`
      UPDATE dashboard_keys SET revoked_at = COALESCE(revoked_at, now())
      WHERE brand_id = ${brandId} AND id = ${id} RETURNING *`);
    this.#cache.delete(id);
    return row ? toDashboardKey(row) : null;
  }

  /** The key a token's `kid` names, or null when unknown or revoked. */
  async verificationKey(kid: string): Promise<VerificationKey | null> {
    const cached = this.#cache.get(kid);
    if (cached && cached.until > Date.now()) return cached.value;
    const [row] = await this.#db.query<DashboardKeyRow>(sql`
      SELECT * FROM dashboard_keys WHERE id = ${kid} AND revoked_at IS NULL`);
    const value = row
      ? {
          brandId: row.brand_id,
          key: new TextEncoder().encode(decryptSecret(this.#keys, row.secret_encrypted)),
        }
      : null;
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(kid, { value, until: Date.now() + CACHE_MS });
    return value;
  }
}

function toDashboardKey(row: DashboardKeyRow): DashboardKey {
  return {
    id: row.id,
    algorithm: row.algorithm,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
