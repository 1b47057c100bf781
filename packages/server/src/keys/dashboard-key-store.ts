import pg from '@databases/pg';
import type { DashboardKey } from '@affdash/core';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ChangeKind, changeMessage, type ChangeFeed } from '../changes/feed.js';
import type { Database } from '../db/index.js';
import { notifyChange } from '../db/notify.js';
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

/** A verification key, imported once, with the brand it belongs to. */
export interface VerificationKey {
  brandId: string;
  key: KeyObject;
}

const CACHE_MAX = 10_000;

/**
 * Brands' dashboard keys: created with a secret shown once, kept encrypted, revocable.
 * Verification keys are cached per process while the change feed is live; a revocation
 * reaches this process at once and every other one through the feed (NOTIFY), within
 * milliseconds. Tokens verified with a revoked key are forgotten with it (`onRevoked`).
 */
export class DashboardKeyStore {
  readonly #db: Database;
  readonly #keys: ServerKeys;
  readonly #feed: ChangeFeed | undefined;
  readonly #cache = new Map<string, VerificationKey | null>();
  readonly #revoked = new Set<(kid: string) => void>();
  /** Goes up with each revocation: a look-up that started before one is not cached. */
  #generation = 0;

  constructor(db: Database, keys: ServerKeys, feed?: ChangeFeed) {
    this.#db = db;
    this.#keys = keys;
    this.#feed = feed;
    feed?.on(ChangeKind.key, ([kid]) => kid && this.#forget(kid));
    feed?.onReset(() => {
      this.#generation++;
      this.#cache.clear();
    });
  }

  /** Runs when a key is revoked, here or in another process. */
  onRevoked(handler: (kid: string) => void): void {
    this.#revoked.add(handler);
  }

  #forget(kid: string): void {
    this.#generation++;
    this.#cache.delete(kid);
    for (const handler of this.#revoked) handler(kid);
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
    const row = await this.#db.tx(async (db) => {
      const [row] = await db.query<DashboardKeyRow>(sql`
        UPDATE dashboard_keys SET revoked_at = COALESCE(revoked_at, now())
        WHERE brand_id = ${brandId} AND id = ${id} RETURNING *`);
      if (row) await db.query(notifyChange(changeMessage(ChangeKind.key, id)));
      return row;
    });
    if (row) this.#forget(id);
    return row ? toDashboardKey(row) : null;
  }

  /** The key a token's `kid` names, or null when unknown or revoked. */
  async verificationKey(kid: string): Promise<VerificationKey | null> {
    const live = this.#feed?.live ?? false;
    const cached = live ? this.#cache.get(kid) : undefined;
    if (cached !== undefined) return cached;
    const generation = this.#generation;
    const [row] = await this.#db.query<DashboardKeyRow>(sql`
      SELECT * FROM dashboard_keys WHERE id = ${kid} AND revoked_at IS NULL`);
    const value = row
      ? {
          brandId: row.brand_id,
          key: createSecretKey(Buffer.from(decryptSecret(this.#keys, row.secret_encrypted), 'utf8')),
        }
      : null;
    if (!live || generation !== this.#generation) return value;
    if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
    this.#cache.set(kid, value);
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
