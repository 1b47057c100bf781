import pg from '@databases/pg';
import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import type { Database } from '../../db/index.js';
import { named } from '../../db/statement.js';

const { sql } = pg;
/** Counters whose window ended this long ago are deleted (at most once a minute per store). */
const KEEP_ENDED_MS = 60_000;
/** A process takes hits from a counter a hundredth of its limit at a time (at least one). */
const LEASE_SHARE = 100;
/** How many keys' leases one store holds (more, and it starts over: the unused are counted). */
const LEASES_MAX = 50_000;

/** Hits a process took from a counter in one write and hands out one by one. */
interface Lease {
  /** When the counter's window ends (ms). */
  endsAt: number;
  /** The counter's hits once this lease was taken: its last hit's number. */
  last: number;
  /** Hits in the lease, and how many of them were handed out. */
  size: number;
  used: number;
}

/**
 * hono-rate-limiter's store over the `rate_limits` table, so every API process on one
 * database counts the same hits: a fixed window per key, aligned to multiples of the window,
 * counted by atomic upserts. Under a high limit a process takes its hits a lease at a time (a
 * hundredth of the limit in one upsert) and hands them out from memory; every hit still has a
 * number of its own in the counter, and one numbered past the limit is refused, so all
 * processes together never allow more than the limit. What they may do is refuse a little
 * early: by the hits other processes leased and have not used yet (a crash's unused lease
 * counts too, until the window ends). Under a low limit (below 200) each hit is its own upsert.
 */
export class DatabaseStore implements Store {
  readonly localKeys = false;
  #windowSeconds = 60;
  #lastSweep = 0;
  #leaseSize = 1;
  readonly #leases = new Map<string, Lease>();

  constructor(
    private readonly db: Database,
    readonly prefix: string,
  ) {}

  init(options: { windowMs: number; limit?: unknown }): void {
    this.#windowSeconds = Math.max(1, Math.round(options.windowMs / 1000));
    const limit = typeof options.limit === 'number' ? options.limit : 0;
    this.#leaseSize = Math.max(1, Math.floor(limit / LEASE_SHARE));
  }

  /** How many hits one upsert takes for this process. */
  get leaseSize(): number {
    return this.#leaseSize;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const held = this.#leases.get(key);
    if (held && held.used < held.size && held.endsAt > Date.now()) {
      held.used++;
      return { totalHits: held.last - held.size + held.used, resetTime: new Date(held.endsAt) };
    }
    const size = this.#leaseSize;
    const w = this.#windowSeconds;
    const [row] = await this.db.query<{ hits: number; window_ends_at: Date | string }>(named('rate_limit_hit', sql`
      INSERT INTO rate_limits AS r (key, hits, window_ends_at)
      VALUES (${this.prefix + key}, ${size}, to_timestamp((floor(extract(epoch FROM now()) / ${w}) + 1) * ${w}))
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.window_ends_at <= now() THEN EXCLUDED.hits ELSE r.hits + EXCLUDED.hits END,
        window_ends_at = CASE WHEN r.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END
      RETURNING hits, window_ends_at`));
    void this.#sweep();
    const resetTime = new Date(row!.window_ends_at);
    if (size > 1) {
      if (!this.#leases.has(key) && this.#leases.size >= LEASES_MAX) this.#leases.clear();
      this.#leases.set(key, { endsAt: resetTime.getTime(), last: row!.hits, size, used: 1 });
    }
    return { totalHits: row!.hits - size + 1, resetTime };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [row] = await this.db.query<{ hits: number; window_ends_at: Date | string }>(sql`
      SELECT hits, window_ends_at FROM rate_limits WHERE key = ${this.prefix + key} AND window_ends_at > now()`);
    return row ? { totalHits: row.hits, resetTime: new Date(row.window_ends_at) } : undefined;
  }

  async decrement(key: string): Promise<void> {
    const held = this.#leases.get(key);
    if (held && held.used > 0 && held.endsAt > Date.now()) {
      held.used--;
      return;
    }
    await this.db.query(sql`
      UPDATE rate_limits SET hits = greatest(hits - 1, 0)
      WHERE key = ${this.prefix + key} AND window_ends_at > now()`);
  }

  async resetKey(key: string): Promise<void> {
    this.#leases.delete(key);
    await this.db.query(sql`DELETE FROM rate_limits WHERE key = ${this.prefix + key}`);
  }

  /** Deletes counters of windows that ended, now and then, so the table stays small. */
  async #sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastSweep < KEEP_ENDED_MS) return;
    this.#lastSweep = now;
    for (const [key, lease] of this.#leases) if (lease.endsAt <= now) this.#leases.delete(key);
    await this.db
      .query(sql`DELETE FROM rate_limits WHERE window_ends_at < ${new Date(now - KEEP_ENDED_MS)}`)
      .catch(() => {});
  }
}
