import { createHash } from 'node:crypto';
import pg from '@databases/pg';
import type { Database } from '../db/index.js';
import { ApiError } from './errors.js';

const { sql } = pg;

/** A response to send, and whether it is a stored one replayed. */
export interface IdempotentResult {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** Reads the `Idempotency-Key` header: 1–200 visible ASCII characters, or none. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new ApiError('bad_request', 'Idempotency-Key must be 1–200 visible ASCII characters.');
  }
  return header;
}

/** A fingerprint of a request, so one key cannot be reused for a different request. */
export function requestFingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Runs `fn` in one transaction, once per brand and key: the key is claimed first (a
 * concurrent request with the same key waits for this one to commit), and the response is
 * stored with the writes. A retry gets the stored response and writes nothing; a failure
 * rolls everything back, key included, so it can be retried. Without a key, `fn` just runs.
 */
export async function once(
  db: Database,
  brandId: string,
  key: string | undefined,
  fingerprint: string,
  fn: (db: Database) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentResult> {
  return db.tx(async (db) => {
    if (key === undefined) return { ...(await fn(db)), replayed: false };
    const [claimed] = await db.query(sql`
      INSERT INTO idempotency_keys (brand_id, key, request_hash) VALUES (${brandId}, ${key}, ${fingerprint})
      ON CONFLICT DO NOTHING RETURNING key`);
    if (!claimed) {
      const [stored] = await db.query<{ request_hash: string; status: number | null; response: unknown }>(sql`
        SELECT request_hash, status, response FROM idempotency_keys
        WHERE brand_id = ${brandId} AND key = ${key}`);
      if (stored?.request_hash !== fingerprint) {
        throw new ApiError('conflict', 'This Idempotency-Key was already used for a different request.');
      }
      if (stored.status === null) {
        throw new ApiError('conflict', 'A request with this Idempotency-Key is still in progress.');
      }
      return { status: stored.status, body: stored.response, replayed: true };
    }
    const result = await fn(db);
    await db.query(sql`
      UPDATE idempotency_keys SET status = ${result.status}, response = ${JSON.stringify(result.body)}
      WHERE brand_id = ${brandId} AND key = ${key}`);
    return { ...result, replayed: false };
  });
}
