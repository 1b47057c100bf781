import pg from '@databases/pg';
import type { Database } from '../db/index.js';
import { runOutbox, type Attempt, type OutboxKind, type OutboxOptions, type OutboxReport, type OutboxRow } from '../jobs/outbox.js';
import { startPoller, type Poller } from '../jobs/poller.js';
import { decryptSecret, type ServerKeys } from '../keys/server-keys.js';
import { postEvent, type PostResult } from './post.js';

const { sql } = pg;

export interface WebhookDeliveryOptions extends OutboxOptions {
  /** How long an endpoint has to answer. */
  timeoutMs?: number;
  /**
   * Whether endpoints may be on this host or a private network. Off by default: a brand's URL
   * must not reach into the network the server runs in (metadata services, databases).
   */
  allowPrivateNetworks?: boolean;
}

export interface WebhookContext {
  db: Database;
  /** Decrypt the endpoints' signing secrets. */
  keys: ServerKeys;
}

/** `delivered`; `retrying`: failed attempts that will be tried again; `failed`: given up on. */
export type WebhookDeliveryReport = OutboxReport<'delivered'>;

interface DeliveryRow extends OutboxRow {
  endpoint_id: string;
  event_id: string;
}

/** A claimed delivery with its endpoint and event. */
interface ClaimedDelivery extends DeliveryRow {
  event_type: string;
  payload: unknown;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  disabled_at: Date | null;
  deleted_at: Date | null;
}

/** Whether the secret rotated out last still signs at `at`. */
const previousSigns = (row: ClaimedDelivery, at: string) =>
  row.previous_secret_sealed !== null && row.previous_secret_expires_at !== null && row.previous_secret_expires_at > new Date(at);

/** The webhook outbox (`webhook_deliveries`): each batch's POSTs at once. */
function webhookOutbox(
  ctx: WebhookContext,
  options: WebhookDeliveryOptions,
): OutboxKind<DeliveryRow, ClaimedDelivery, 'delivered'> {
  const { timeoutMs = 10_000, allowPrivateNetworks = false } = options;
  return {
    table: 'webhook_deliveries',
    done: 'delivered',
    defaults: { batchSize: 20, maxAttempts: 12, leaseSeconds: 60, backoffSeconds: 30, maxBackoffSeconds: 6 * 3600 },
    parallel: true,
    async load(db, rows) {
      const keys = sql.join(rows.map((d) => sql`(${d.brand_id}, ${d.id})`), sql`, `);
      return db.query<ClaimedDelivery>(sql`
        SELECT d.brand_id, d.id, d.attempts, d.endpoint_id, d.event_id, ev.type AS event_type, ev.payload,
               w.url, w.secret_sealed, w.previous_secret_sealed, w.previous_secret_expires_at,
               w.disabled_at, w.deleted_at
        FROM webhook_deliveries d
        JOIN webhook_endpoints w ON w.brand_id = d.brand_id AND w.id = d.endpoint_id
        JOIN webhook_events ev ON ev.brand_id = d.brand_id AND ev.id = d.event_id
        WHERE (d.brand_id, d.id) IN (${keys})
        ORDER BY d.id`);
    },
    async deliver(row, at): Promise<Attempt> {
      if (row.deleted_at || row.disabled_at) {
        const error = `not sent: the endpoint is ${row.deleted_at ? 'deleted' : 'disabled'}`;
        return { ok: false, final: true, error, set: sql`last_status_code = NULL` };
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
      const set = sql`last_status_code = ${result.statusCode}`;
      return result.ok
        ? { ok: true, set: sql`delivered_at = now(), ${set}` }
        : { ok: false, error: result.error ?? `answered ${result.statusCode}`, set };
    },
  };
}

/**
 * Delivers every webhook due now, batch after batch (each batch's POSTs at once), and
 * records each one's outcome: `delivered` on a 2xx, or a failed attempt (status code and
 * error kept) retried after an exponential backoff with jitter, `failed` after
 * `maxAttempts`. A delivery whose endpoint was disabled or deleted meanwhile is marked
 * failed without sending.
 */
export function deliverWebhooks(ctx: WebhookContext, options: WebhookDeliveryOptions = {}): Promise<WebhookDeliveryReport> {
  return runOutbox(ctx.db, webhookOutbox(ctx, options), options);
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
