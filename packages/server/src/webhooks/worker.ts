import pg from '@databases/pg';
import { backoffSeconds } from '../backoff.js';
import type { Database } from '../db/index.js';
import { startPoller, type Poller } from '../jobs/poller.js';
import { decryptSecret, type ServerKeys } from '../keys/server-keys.js';
import { postEvent, type PostResult } from './post.js';

const { sql } = pg;

export interface WebhookDeliveryOptions {
  /** Deliveries claimed, and sent concurrently, per round trip. */
  batchSize?: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts?: number;
  /** How long a claimed delivery is held before another worker may try it. */
  leaseSeconds?: number;
  /** First retry delay; doubled after each failure, up to `maxBackoffSeconds`. */
  backoffSeconds?: number;
  maxBackoffSeconds?: number;
  /** How long an endpoint has to answer. */
  timeoutMs?: number;
  /**
   * Whether endpoints may be on this host or a private network. Off by default: a brand's URL
   * must not reach into the network the server runs in (metadata services, databases).
   */
  allowPrivateNetworks?: boolean;
  /** Deliver what is due at this time (tests use it to skip a backoff). Signatures use the clock. */
  now?: Date;
}

export interface WebhookContext {
  db: Database;
  /** Decrypt the endpoints' signing secrets. */
  keys: ServerKeys;
}

export interface WebhookDeliveryReport {
  delivered: number;
  /** Failed attempts that will be tried again. */
  retrying: number;
  /** Deliveries given up on. */
  failed: number;
}

interface ClaimedRow {
  brand_id: string;
  id: string;
  attempts: number;
  event_id: string;
  event_type: string;
  payload: unknown;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  disabled_at: Date | null;
  deleted_at: Date | null;
}

/**
 * Claims due deliveries with `FOR UPDATE SKIP LOCKED` (so workers never take the same one),
 * counts the attempt and leases them, in one statement; returns each with its endpoint and
 * event.
 */
async function claim(db: Database, at: string, limit: number, leaseSeconds: number): Promise<ClaimedRow[]> {
  const rows = await db.query<ClaimedRow>(sql`
    WITH due AS (
      SELECT brand_id, id FROM webhook_deliveries
      WHERE status = 'queued' AND next_attempt_at <= ${at}::timestamptz
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE webhook_deliveries d
    SET attempts = d.attempts + 1,
        next_attempt_at = ${at}::timestamptz + make_interval(secs => ${leaseSeconds}),
        updated_at = now()
    FROM due, webhook_endpoints w, webhook_events ev
    WHERE d.brand_id = due.brand_id AND d.id = due.id
      AND w.brand_id = d.brand_id AND w.id = d.endpoint_id
      AND ev.brand_id = d.brand_id AND ev.id = d.event_id
    RETURNING d.brand_id, d.id, d.attempts, d.event_id, ev.type AS event_type, ev.payload,
              w.url, w.secret_sealed, w.previous_secret_sealed, w.previous_secret_expires_at,
              w.disabled_at, w.deleted_at`);
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

type Outcome = 'delivered' | 'retrying' | 'failed';

/** Whether the secret rotated out last still signs at `at`. */
const previousSigns = (row: ClaimedRow, at: string) =>
  row.previous_secret_sealed !== null && row.previous_secret_expires_at !== null && row.previous_secret_expires_at > new Date(at);

/** Sends one claimed delivery and records what became of it. */
async function deliverOne(
  ctx: WebhookContext,
  row: ClaimedRow,
  at: string,
  options: WebhookDeliveryOptions,
): Promise<Outcome> {
  const { db } = ctx;
  const { maxAttempts = 12, timeoutMs = 10_000, allowPrivateNetworks = false } = options;
  const where = sql`brand_id = ${row.brand_id} AND id = ${row.id}`;
  if (row.deleted_at || row.disabled_at) {
    const reason = `not sent: the endpoint is ${row.deleted_at ? 'deleted' : 'disabled'}`;
    await db.query(sql`
      UPDATE webhook_deliveries SET status = 'failed', last_error = ${reason}, last_status_code = NULL,
             next_attempt_at = NULL, updated_at = now()
      WHERE ${where} AND status = 'queued'`);
    return 'failed';
  }
  let result: PostResult;
  try {
    result = await postEvent({
      url: row.url,
      secrets: [row.secret_sealed, ...(previousSigns(row, at) ? [row.previous_secret_sealed!] : [])].map((sealed) =>
        decryptSecret(ctx.keys, sealed),
      ),
      eventId: row.event_id,
      eventType: row.event_type,
      body: JSON.stringify(row.payload),
      timeoutMs,
      allowPrivateNetworks,
    });
  } catch (error) {
    // the secret does not decrypt: the server secret changed since the endpoint was made
    result = { ok: false, statusCode: null, error: `not sent: ${(error as Error).message}` };
  }
  if (result.ok) {
    await db.query(sql`
      UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(),
             last_status_code = ${result.statusCode}, last_error = NULL, next_attempt_at = NULL,
             updated_at = now()
      WHERE ${where}`);
    return 'delivered';
  }
  if (row.attempts >= maxAttempts) {
    await db.query(sql`
      UPDATE webhook_deliveries SET status = 'failed', last_status_code = ${result.statusCode},
             last_error = ${result.error}, next_attempt_at = NULL, updated_at = now()
      WHERE ${where} AND status = 'queued'`);
    return 'failed';
  }
  const delay = backoffSeconds(row.attempts, options.backoffSeconds ?? 30, options.maxBackoffSeconds ?? 6 * 3600);
  await db.query(sql`
    UPDATE webhook_deliveries SET last_status_code = ${result.statusCode}, last_error = ${result.error},
           next_attempt_at = ${at}::timestamptz + make_interval(secs => ${delay}), updated_at = now()
    WHERE ${where} AND status = 'queued'`);
  return 'retrying';
}

/**
 * Delivers every webhook due now, batch after batch (each batch's POSTs at once), and
 * records each one's outcome: `delivered` on a 2xx, or a failed attempt (status code and
 * error kept) retried after an exponential backoff with jitter, `failed` after
 * `maxAttempts`. A delivery whose endpoint was disabled or deleted meanwhile is marked
 * failed without sending.
 */
export async function deliverWebhooks(
  ctx: WebhookContext,
  options: WebhookDeliveryOptions = {},
): Promise<WebhookDeliveryReport> {
  const { batchSize = 20, leaseSeconds = 60 } = options;
  const report: WebhookDeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const at = (options.now ?? new Date()).toISOString();
    const batch = await claim(ctx.db, at, batchSize, leaseSeconds);
    const outcomes = await Promise.all(batch.map((row) => deliverOne(ctx, row, at, options)));
    for (const outcome of outcomes) report[outcome]++;
    if (batch.length < batchSize) return report;
  }
}

/** `runOnce(options?)` sends what is due now; `stop()` ends polling. */
export type WebhookWorker = Poller<WebhookDeliveryOptions, WebhookDeliveryReport>;

/**
 * Polls the webhook deliveries every `intervalMs` and sends what is due. One round at a time
 * per process; several processes share the work through `SKIP LOCKED`.
 */
export function startWebhookWorker(
  ctx: WebhookContext,
  options: WebhookDeliveryOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): WebhookWorker {
  const { intervalMs = 2_000, onError = (e) => console.error('[webhooks]', e) } = options;
  return startPoller((once: WebhookDeliveryOptions = {}) => deliverWebhooks(ctx, { ...options, ...once }), {
    intervalMs,
    onError,
  });
}
