import { createHash } from 'node:crypto';
import pg from '@databases/pg';
import { z } from 'zod';
import type { Database } from '../db/index.js';
import { startPoller, type Poller } from '../jobs/poller.js';
import { ApiError } from './errors.js';

const { sql } = pg;

/** How long a key and its answer are kept: a retry within this time gets the first answer. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** A stored answer, replayed to a retry with the same key. */
export interface StoredAnswer {
  status: number;
  /** Response headers that describe the body (`content-type`, `preference-applied`, …). */
  headers: Record<string, string>;
  body: string;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The `Idempotency-Key` header as the routes that take it document it. */
export const IdempotencyKeyHeader = z
  .string()
  .regex(KEY_PATTERN)
  .optional()
  .describe(
    'A retry with the same key and request within 24 h gets the first answer (`Idempotent-Replayed: true`) and writes nothing again; the same key with another request is a 409',
  );

/** Reads the `Idempotency-Key` header: 1–200 visible ASCII characters, or none. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!KEY_PATTERN.test(header)) {
    throw new ApiError('bad_request', 'Idempotency-Key must be 1–200 visible ASCII characters.');
  }
  return header;
}

/** A fingerprint of a request, so one key cannot be reused for a different request. */
export function requestFingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Claims a brand's key for a request, inside the transaction that will make the request's
 * writes: null when the key is new (or expired) and now this transaction's, else the answer
 * stored with it. A concurrent request with the same key waits on the key's row until the
 * transaction holding it ends, then finds its answer (or, when it rolled back, claims it).
 * The same key with another fingerprint is a 409.
 */
export async function claimKey(
  db: Database,
  brandId: string,
  key: string,
  fingerprint: string,
): Promise<StoredAnswer | null> {
  const [claimed] = await db.query(sql`
    INSERT INTO idempotency_keys (brand_id, key, request_hash) VALUES (${brandId}, ${key}, ${fingerprint})
    ON CONFLICT (brand_id, key) DO UPDATE SET
      request_hash = EXCLUDED.request_hash, status = NULL, response = NULL, headers = '{}', created_at = now()
    WHERE idempotency_keys.created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})
    RETURNING key`);
  if (claimed) return null;
  const [stored] = await db.query<{ request_hash: string; status: number | null; headers: Record<string, string>; response: string | null }>(sql`
    SELECT request_hash, status, headers, response FROM idempotency_keys
    WHERE brand_id = ${brandId} AND key = ${key}`);
  if (stored && stored.request_hash !== fingerprint) {
    throw new ApiError('conflict', 'This Idempotency-Key was already used for a different request.');
  }
  if (stored?.status == null || stored.response === null) {
    // expired and deleted in between, or kept by an older version without its answer
    throw new ApiError('conflict', 'A request with this Idempotency-Key could not be matched; send it again.');
  }
  return { status: stored.status, headers: stored.headers, body: stored.response };
}

/** Stores the answer with a key claimed by `claimKey`, in the same transaction. */
export async function storeAnswer(db: Database, brandId: string, key: string, answer: StoredAnswer): Promise<void> {
  await db.query(sql`
    UPDATE idempotency_keys
    SET status = ${answer.status}, headers = ${JSON.stringify(answer.headers)}::jsonb, response = ${answer.body}
    WHERE brand_id = ${brandId} AND key = ${key}`);
}

/**
 * Deletes keys older than `IDEMPOTENCY_KEY_HOURS` (a claim also takes over an expired key, so
 * this only frees the space), in batches of `batchSize`. Returns how many went.
 */
export async function pruneIdempotencyKeys(db: Database, options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const { now = new Date(), batchSize = 1_000 } = options;
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);
  let deleted = 0;
  for (;;) {
    const rows = await db.query<{ key: string }>(sql`
      DELETE FROM idempotency_keys k USING (
        SELECT brand_id, key FROM idempotency_keys WHERE created_at < ${before}
        ORDER BY created_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
      ) old
      WHERE k.brand_id = old.brand_id AND k.key = old.key
      RETURNING k.key`);
    deleted += rows.length;
    if (rows.length < batchSize) return deleted;
  }
}

/** Deletes expired idempotency keys every hour in this process (`affdash serve`). */
export function startIdempotencyKeyExpiry(
  db: Database,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): Poller<{ now?: Date }, number> {
  return startPoller((arg?: { now?: Date }) => pruneIdempotencyKeys(db, arg), {
    intervalMs: options.intervalMs ?? 3_600_000,
    onError: options.onError ?? ((e) => console.error('[idempotency keys] expiry:', e)),
  });
}
