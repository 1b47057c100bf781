import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { WebhookEventType } from '@affdash/core';
import type { Database } from '../db/index.js';
import { newId } from '../keys/random.js';
import { conversionColumns, toConversion, type ConversionRow } from '../conversions/rows.js';
import { opaqueKey } from '../db/opaque-key.js';

const { sql } = pg;

/** The event's `data`, or a function reading it: called only when an endpoint subscribes. */
export type EventData = object | (() => Promise<object | null>);

/** `webhook_endpoints` rows of the brand, enabled, that subscribe to `type`: a `WHERE` condition. */
export function subscribes(brandId: string, type: WebhookEventType): SQLQuery {
  return sql`brand_id = ${brandId} AND disabled_at IS NULL AND deleted_at IS NULL
    AND (${type} = ANY (events) OR '*' = ANY (events))`;
}

/** The brand's enabled endpoints that subscribe to `type`, by id. */
export async function subscribedEndpoints(db: Database, brandId: string, type: WebhookEventType): Promise<string[]> {
  const rows = await db.query<{ id: string }>(sql`SELECT id FROM webhook_endpoints WHERE ${subscribes(brandId, type)}`);
  return rows.map((r) => r.id);
}

/**
 * `SELECT` of the queued deliveries of events to endpoints, one of each event to each
 * endpoint, as the columns `(brand_id, id, endpoint_id, event_id, status, next_attempt_at,
 * created_at)` of `webhook_deliveries`: due now, a microsecond apart in the order given.
 */
export function deliveryRows(brandId: string, eventIds: readonly string[], endpointIds: readonly string[]): SQLQuery {
  const deliveries = eventIds.flatMap((eventId) => endpointIds.map((endpointId) => [newId('whd'), endpointId, eventId]));
  return sql`
    SELECT ${brandId} AS brand_id, d.id, d.endpoint_id, d.event_id, 'queued' AS status,
           now() + (d.n - 1) * interval '1 microsecond' AS next_attempt_at,
           now() + (d.n - 1) * interval '1 microsecond' AS created_at
    FROM unnest(${deliveries.map((d) => d[0])}::text[], ${deliveries.map((d) => d[1])}::text[],
                ${deliveries.map((d) => d[2])}::text[]) WITH ORDINALITY AS d(id, endpoint_id, event_id, n)`;
}

/** The body POSTed for an event: the `WebhookEvent` of @affdash/core. */
export function eventPayload(id: string, type: WebhookEventType, createdAt: Date, data: object): string {
  return JSON.stringify({ id, type, createdAt: createdAt.toISOString(), data });
}

/**
 * Writes an event to the webhook outbox and queues one delivery to each of the brand's
 * enabled endpoints that subscribes to it. Call it inside the transaction of the change it
 * reports: the event then exists exactly when the change committed. A brand without
 * endpoints costs one primary-key probe, and `data` is then never read.
 */
export async function emitEvent(
  db: Database,
  brandId: string,
  type: WebhookEventType,
  data: EventData,
): Promise<void> {
  const endpoints = await subscribedEndpoints(db, brandId, type);
  if (!endpoints.length) return;
  const body = typeof data === 'function' ? await data() : data;
  if (!body) return;
  const id = newId('evt');
  const createdAt = new Date();
  await db.query(sql`
    INSERT INTO webhook_events (brand_id, id, type, payload, created_at)
    VALUES (${brandId}, ${id}, ${type}, ${eventPayload(id, type, createdAt, body)}, ${createdAt})`);
  const rows = endpoints.map(
    (endpointId) => sql`(${brandId}, ${newId('whd')}, ${endpointId}, ${id}, 'queued', now())`,
  );
  await db.query(sql`
    INSERT INTO webhook_deliveries (brand_id, id, endpoint_id, event_id, status, next_attempt_at)
    VALUES ${sql.join(rows, sql`, `)}`);
}

/**
 * `emitEvent` for many events of one type, in a constant number of statements: one look-up
 * of the subscribed endpoints (and nothing more when there is none), then the events and
 * their deliveries. `created_at` grows by a microsecond per event, in the order given.
 */
export async function emitEvents(
  db: Database,
  brandId: string,
  type: WebhookEventType,
  data: readonly object[],
): Promise<void> {
  if (!data.length) return;
  const endpoints = await subscribedEndpoints(db, brandId, type);
  if (!endpoints.length) return;
  const createdAt = new Date();
  const ids = data.map(() => newId('evt'));
  const payloads = data.map((body, i) => eventPayload(ids[i]!, type, createdAt, body));
  await db.query(sql`
    INSERT INTO webhook_events (brand_id, id, type, payload, created_at)
    SELECT ${brandId}, u.id, ${type}, u.payload::jsonb,
           ${createdAt}::timestamptz + (u.n - 1) * interval '1 microsecond'
    FROM unnest(${ids}::text[], ${payloads}::text[]) WITH ORDINALITY AS u(id, payload, n)`);
  await db.query(sql`
    INSERT INTO webhook_deliveries (brand_id, id, endpoint_id, event_id, status, next_attempt_at, created_at)
    ${deliveryRows(brandId, ids, endpoints)}`);
}

/**
 * Emits a conversion event with the conversion as the API returns it, read inside the
 * caller's transaction (only when an endpoint subscribes). `conversion.status_changed` also
 * carries `previousStatus`.
 */
export async function emitConversionEvent(
  db: Database,
  brandId: string,
  conversionId: string,
  type: 'conversion.created' | 'conversion.status_changed',
  extra: Record<string, unknown> = {},
): Promise<void> {
  await emitEvent(db, brandId, type, async () => {
    const [row] = await db.query<ConversionRow>(sql`
      SELECT ${conversionColumns} FROM conversions c
      JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id
      WHERE c.brand_id = ${opaqueKey(brandId)} AND c.id = ${conversionId}`);
    return row ? { ...toConversion(row), ...extra } : null;
  });
}
