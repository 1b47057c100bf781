import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { WebhookEventType } from '@affdash/core';
import type { Database } from '../db/index.js';
import { newId } from '../keys/random.js';

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
