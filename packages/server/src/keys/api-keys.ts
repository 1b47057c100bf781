import pg from '@databases/pg';
import { ChangeKind, type ChangeFeed } from '../changes/feed.js';
import type { Database } from '../db/index.js';
import { named } from '../db/statement.js';
import { hashSecret } from './random.js';

const { sql } = pg;

/** A brand API key that authenticates: whose it is, and its id. */
export interface ApiKeyGrant {
  brandId: string;
  id: string;
}

/** How many API keys one process keeps. */
export const API_KEYS_MAX = 10_000;

/**
 * The brands' API keys this process authenticated, by the SHA-256 of their secret (the secret
 * itself is never kept), so a key is looked up once and not on every request. Only while the
 * change feed is live: any change of a key row (its revocation, its deletion) is announced on
 * it (migration 021) and forgets the key in every process within milliseconds; each time the
 * feed is lost or back, every key is forgotten. Unknown and revoked keys are never kept.
 */
export class ApiKeys {
  readonly #db: Database;
  readonly #feed: ChangeFeed;
  readonly #known = new Map<string, ApiKeyGrant>();
  readonly #max: number;
  /** Goes up with each change: a look-up that began before one is not kept. */
  #generation = 0;

  constructor(db: Database, feed: ChangeFeed, max = API_KEYS_MAX) {
    this.#db = db;
    this.#feed = feed;
    this.#max = max;
    feed.on(ChangeKind.apiKey, ([id]) => id && this.forget(id));
    feed.onReset(() => {
      this.#generation++;
      this.#known.clear();
    });
  }

  get size(): number {
    return this.#known.size;
  }

  /** The key a secret is, when it is known and not revoked; else null. */
  async find(secret: string): Promise<ApiKeyGrant | null> {
    const hash = hashSecret(secret);
    const known = this.#feed.live ? this.#known.get(hash) : undefined;
    if (known) return known;
    const generation = this.#generation;
    const [row] = await this.#db.query<{ brand_id: string; id: string }>(
      named(
        'api_key_by_hash',
        sql`SELECT brand_id, id FROM api_keys WHERE secret_hash = ${hash} AND revoked_at IS NULL`,
        [hash],
      ),
    );
    if (!row) return null;
    const grant = { brandId: row.brand_id, id: row.id };
    if (this.#feed.live && generation === this.#generation) this.#keep(hash, grant);
    return grant;
  }

  /** Forgets a key by its id: it changed (here or in another process). */
  forget(id: string): void {
    this.#generation++;
    for (const [hash, grant] of this.#known) if (grant.id === id) this.#known.delete(hash);
  }

  #keep(hash: string, grant: ApiKeyGrant): void {
    if (this.#known.size >= this.#max) {
      const oldest = this.#known.keys().next();
      if (!oldest.done) this.#known.delete(oldest.value);
    }
    this.#known.set(hash, grant);
  }
}
