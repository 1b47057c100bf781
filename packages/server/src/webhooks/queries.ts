import pg from '@databases/pg';
import type {
  PageQuery,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookEventType,
  WebhookSecretRotate,
} from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId, randomSecret } from '../keys/random.js';
import { encryptSecret, type ServerKeys } from '../keys/server-keys.js';

const { sql } = pg;

export interface WebhookEndpointRow {
  brand_id: string;
  id: string;
  url: string;
  events: string[];
  description: string | null;
  secret_sealed: string;
  /** The secret before the last rotation, still signing until `previous_secret_expires_at`. */
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  disabled_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toWebhookEndpoint(row: WebhookEndpointRow, now = new Date()): WebhookEndpoint {
  const previous = row.previous_secret_expires_at;
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at?.toISOString() ?? null,
    previousSecretExpiresAt: previous && previous > now ? previous.toISOString() : null,
  };
}

export interface WebhookDeliveryRow {
  brand_id: string;
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A new endpoint signing secret: `whsec_` and 32 random bytes. */
const newSigningSecret = () => `whsec_${randomSecret(32)}`;

/** Creates an endpoint with a new signing secret, stored encrypted and returned this once. */
export async function insertEndpoint(
  db: Database,
  keys: ServerKeys,
  brandId: string,
  input: z.output<typeof WebhookEndpointCreate>,
): Promise<WebhookEndpointWithSecret> {
  const secret = newSigningSecret();
  const [row] = await db.query<WebhookEndpointRow>(sql`
    INSERT INTO webhook_endpoints (brand_id, id, url, events, description, secret_sealed)
    VALUES (${brandId}, ${newId('whe')}, ${input.url}, ${input.events}, ${input.description ?? null},
            ${encryptSecret(keys, secret)})
    RETURNING *`);
  return { ...toWebhookEndpoint(row!), secret };
}

/**
 * Gives an endpoint a new signing secret, returned this once. The current one keeps signing
 * beside it for `expiresInHours` (none with 0); a secret rotated out before is dropped.
 */
export async function rotateSecret(
  db: Database,
  keys: ServerKeys,
  brandId: string,
  id: string,
  input: z.output<typeof WebhookSecretRotate>,
): Promise<WebhookEndpointWithSecret> {
  const secret = newSigningSecret();
  const keep = input.expiresInHours > 0;
  const [row] = await db.query<WebhookEndpointRow>(sql`
    UPDATE webhook_endpoints SET
      previous_secret_sealed = ${keep ? sql`secret_sealed` : sql`NULL`},
      previous_secret_expires_at = ${keep ? sql`now() + ${input.expiresInHours} * interval '1 hour'` : sql`NULL`},
      secret_sealed = ${encryptSecret(keys, secret)},
      updated_at = now()
    WHERE brand_id = ${brandId} AND id = ${id} AND deleted_at IS NULL
    RETURNING *`);
  if (!row) throw notFound('webhook endpoint');
  return { ...toWebhookEndpoint(row), secret };
}

export async function findEndpoint(db: Database, brandId: string, id: string): Promise<WebhookEndpointRow> {
  const [row] = await db.query<WebhookEndpointRow>(sql`
    SELECT * FROM webhook_endpoints WHERE brand_id = ${brandId} AND id = ${id} AND deleted_at IS NULL`);
  if (!row) throw notFound('webhook endpoint');
  return row;
}

export async function listEndpoints(db: Database, brandId: string, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  const rows = await db.query<WebhookEndpointRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`created_at`)} FROM webhook_endpoints
    WHERE brand_id = ${brandId} AND deleted_at IS NULL
    ${after ? sql`AND (created_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT ${page.limit + 1}`);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], toWebhookEndpoint);
}

export async function updateEndpoint(
  db: Database,
  brandId: string,
  id: string,
  patch: z.output<typeof WebhookEndpointUpdate>,
): Promise<WebhookEndpoint> {
  const disabled =
    patch.disabled === undefined
      ? sql``
      : patch.disabled
        ? sql`, disabled_at = COALESCE(disabled_at, now())`
        : sql`, disabled_at = NULL`;
  const [row] = await db.query<WebhookEndpointRow>(sql`
    UPDATE webhook_endpoints SET updated_at = now()
      ${patch.url !== undefined ? sql`, url = ${patch.url}` : sql``}
      ${patch.events !== undefined ? sql`, events = ${patch.events}` : sql``}
      ${patch.description !== undefined ? sql`, description = ${patch.description}` : sql``}
      ${disabled}
    WHERE brand_id = ${brandId} AND id = ${id} AND deleted_at IS NULL
    RETURNING *`);
  if (!row) throw notFound('webhook endpoint');
  return toWebhookEndpoint(row);
}

/** Deletes an endpoint: nothing more is queued for it, and what is queued is given up. */
export async function deleteEndpoint(db: Database, brandId: string, id: string): Promise<void> {
  await db.tx(async (db) => {
    const [row] = await db.query(sql`
      UPDATE webhook_endpoints SET deleted_at = now(), updated_at = now()
      WHERE brand_id = ${brandId} AND id = ${id} AND deleted_at IS NULL RETURNING id`);
    if (!row) throw notFound('webhook endpoint');
    await db.query(sql`
      UPDATE webhook_deliveries SET status = 'failed', last_error = 'the endpoint was deleted',
             next_attempt_at = NULL, updated_at = now()
      WHERE brand_id = ${brandId} AND endpoint_id = ${id} AND status = 'queued'`);
  });
}

const deliveryColumns = sql`d.*, ev.type AS event_type`;

export async function listDeliveries(db: Database, brandId: string, endpointId: string, page: PageQuery) {
  await findEndpoint(db, brandId, endpointId);
  const after = decodeCursor(page.cursor);
  const rows = await db.query<WebhookDeliveryRow & CursorRow>(sql`
    SELECT ${deliveryColumns}, ${cursorAt(sql`d.created_at`)} FROM webhook_deliveries d
    JOIN webhook_events ev ON ev.brand_id = d.brand_id AND ev.id = d.event_id
    WHERE d.brand_id = ${brandId} AND d.endpoint_id = ${endpointId}
    ${after ? sql`AND (d.created_at, d.id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY d.created_at DESC, d.id DESC LIMIT ${page.limit + 1}`);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], toWebhookDelivery);
}

export async function findDelivery(db: Database, brandId: string, id: string): Promise<WebhookDeliveryRow | null> {
  const [row] = await db.query<WebhookDeliveryRow>(sql`
    SELECT ${deliveryColumns} FROM webhook_deliveries d
    JOIN webhook_events ev ON ev.brand_id = d.brand_id AND ev.id = d.event_id
    WHERE d.brand_id = ${brandId} AND d.id = ${id}`);
  return row ?? null;
}

/** Queues a delivery again, due now, with a fresh retry schedule. */
export async function replayDelivery(db: Database, brandId: string, id: string): Promise<WebhookDelivery> {
  return db.tx(async (db) => {
    const [target] = await db.query<{ disabled_at: Date | null; deleted_at: Date | null }>(sql`
      SELECT w.disabled_at, w.deleted_at FROM webhook_deliveries d
      JOIN webhook_endpoints w ON w.brand_id = d.brand_id AND w.id = d.endpoint_id
      WHERE d.brand_id = ${brandId} AND d.id = ${id}
      FOR UPDATE OF d`);
    if (!target) throw notFound('webhook delivery');
    if (target.deleted_at || target.disabled_at) {
      throw new ApiError('conflict', 'The endpoint of this delivery is disabled or deleted.');
    }
    await db.query(sql`
      UPDATE webhook_deliveries SET status = 'queued', attempts = 0, next_attempt_at = now(),
             updated_at = now()
      WHERE brand_id = ${brandId} AND id = ${id}`);
    return toWebhookDelivery((await findDelivery(db, brandId, id))!);
  });
}
