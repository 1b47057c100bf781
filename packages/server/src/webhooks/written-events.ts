import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { WebhookEventType } from '@affdash/core';
import { newId } from '../keys/random.js';
import { deliveryRows, eventPayload, subscribes } from './events.js';

const { sql } = pg;

/** Webhook events a write makes up before it runs: one per row it writes, in order. */
export interface PlannedEvents {
  type: WebhookEventType;
  ids: readonly string[];
  /** Each event's body (`eventPayload`). */
  payloads: readonly string[];
  /** The key of the row each event reports, as the write returns it (an order id, an id). */
  keys: readonly string[];
  createdAt: Date;
}

/** Plans the events of `type` reporting `data` (each with the key of its row), `created_at` a microsecond apart. */
export function planEvents(type: WebhookEventType, data: readonly { key: string; data: object }[]): PlannedEvents {
  const createdAt = new Date();
  const ids = data.map(() => newId('evt'));
  const payloads = data.map((d, i) => eventPayload(ids[i]!, type, createdAt, d.data));
  return { type, ids, payloads, keys: data.map((d) => d.key), createdAt };
}

/** A time as `toISOString` writes it, as a JSON string. */
const isoJson = (at: SQLQuery) => sql`to_jsonb(to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** The events of a write's statement, as `insertEvents` takes them. */
export interface EventRows {
  type: WebhookEventType;
  ids: readonly string[];
  /** `SELECT id, payload, created_at` of the events whose rows were written. */
  select: SQLQuery;
}

/**
 * The planned events of the rows a write's statement wrote: `written` (a CTE of it, read as
 * `w`) has each row once, `key` names the column of `PlannedEvents.keys`. The times of `data`
 * that the database sets (`createdAt`, `updatedAt`) are taken from the written row.
 */
export function writtenEvents(
  planned: PlannedEvents,
  written: SQLQuery,
  key: SQLQuery,
  times: Partial<Record<'createdAt' | 'updatedAt', SQLQuery>>,
): EventRows {
  let payload = sql`e.payload::jsonb`;
  for (const [field, at] of Object.entries(times)) payload = sql`jsonb_set(${payload}, ${`{data,${field}}`}::text[], ${isoJson(at)})`;
  return {
    type: planned.type,
    ids: planned.ids,
    select: sql`
      SELECT e.id, ${payload} AS payload, ${planned.createdAt}::timestamptz + (e.n - 1) * interval '1 microsecond' AS created_at
      FROM unnest(${planned.ids}::text[], ${planned.payloads}::text[], ${planned.keys}::text[])
        WITH ORDINALITY AS e(id, payload, key, n)
      JOIN ${written} AS w ON ${key} = e.key`,
  };
}

/**
 * The CTEs `subscribed` (the brand's endpoints subscribed to `type` when the statement runs)
 * and `matched` (whether they are `expected`, those the write was planned with), for a write
 * that writes nothing unless they match.
 */
export function subscribersCheck(brandId: string, type: WebhookEventType, expected: readonly string[]): SQLQuery {
  return sql`
    subscribed AS MATERIALIZED (
      SELECT COALESCE(array_agg(id), '{}') AS ids FROM webhook_endpoints WHERE ${subscribes(brandId, type)}
    ),
    matched AS MATERIALIZED (
      SELECT ids @> ${expected}::text[] AND ids <@ ${expected}::text[] AS yes FROM subscribed
    )`;
}

/** The CTEs `events` and `deliveries`: the events of `rows`, and one delivery of each to each endpoint, as `emitEvent` writes them. */
export function insertEvents(brandId: string, rows: EventRows, endpointIds: readonly string[]): SQLQuery {
  return sql`
    events AS (
      INSERT INTO webhook_events (brand_id, id, type, payload, created_at)
      SELECT ${brandId}, r.id, ${rows.type}, r.payload, r.created_at FROM (${rows.select}) AS r
      RETURNING id
    ),
    deliveries AS (
      INSERT INTO webhook_deliveries (brand_id, id, endpoint_id, event_id, status, next_attempt_at, created_at)
      SELECT * FROM (${deliveryRows(brandId, rows.ids, endpointIds)}) AS d
      WHERE d.event_id IN (SELECT id FROM events)
    )`;
}
