import pg from '@databases/pg';
import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import type { Database } from '../../db/index.js';
import { named } from '../../db/statement.js';

const { sql } = pg;
/** Counters whose window ended this long ago are deleted (at most once a minute per store). */
const KEEP_ENDED_MS = 60_000;

/**
 * hono-rate-limiter's store over the `rate_limits` table, so every API process on one
 * database counts the same hits: a fixed window per key, aligned to multiples of the window,
 * counted by one atomic upsert per hit.
 */
export class DatabaseStore implements Store {
  readonly localKeys = false;
  #windowSeconds = 60;
  #lastSweep = 0;

  constructor(
    private readonly db: Database,
    readonly prefix: string,
  ) {}

  init(options: { windowMs: number }): void {
    this.#windowSeconds = Math.max(1, Math.round(options.windowMs / 1000));
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const w = this.#windowSeconds;
    const [row] = await this.db.query<{ hits: number; window_ends_at: Date | string }>(named('rate_limit_hit', sql`
      INSERT INTO rate_limits AS r (key, hits, window_ends_at)
      VALUES (${this.prefix + key}, 1, to_timestamp((floor(extract(epoch FROM now()) / ${w}) + 1) * ${w}))
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END,
        window_ends_at = CASE WHEN r.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END
      RETURNING hits, window_ends_at`));
    void this.#sweep();
    return { totalHits: row!.hits, resetTime: new Date(row!.window_ends_at) };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [row] = await this.db.query<{ hits: number; window_ends_at: Date | string }>(sql`
      SELECT hits, window_ends_at FROM rate_limits WHERE key = ${this.prefix + key} AND window_ends_at > now()`);
    return row ? { totalHits: row.hits, resetTime: new Date(row.window_ends_at) } : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.db.query(sql`
      UPDATE rate_limits SET hits = greatest(hits - 1, 0)
      WHERE key = ${this.prefix + key} AND window_ends_at > now()`);
  }

  async resetKey(key: string): Promise<void> {
    await this.db.query(sql`DELETE FROM rate_limits WHERE key = ${this.prefix + key}`);
  }

  /** Deletes counters of windows that ended, now and then, so the table stays small. */
  async #sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastSweep < KEEP_ENDED_MS) return;
    this.#lastSweep = now;
    await this.db
      .query(sql`DELETE FROM rate_limits WHERE window_ends_at < ${new Date(now - KEEP_ENDED_MS)}`)
      .catch(() => {});
  }
}
