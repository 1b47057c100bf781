import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { ConversionCreate } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { deliveryRows, subscribes } from '../webhooks/events.js';
import type { Attribution } from './attribution.js';

const { sql } = pg;

/** A sale as `ConversionCreate` parses it. */
export type SaleInput = z.output<typeof ConversionCreate>;

/** A sale that will be inserted, with what the insert needs. */
export interface PlannedSale {
  /** Position among the inputs. */
  index: number;
  input: SaleInput;
  attribution: Attribution;
  id: string;
  /** When the sale happened: milliseconds, then microseconds (a sale without `occurredAt`). */
  at: number;
  micros: number;
  commission: number;
}

/** An order id the insert wrote, and when. */
export interface InsertedSale {
  order_id: string;
  created_at: Date;
}

/**
 * `INSERT INTO conversions … SELECT` of the planned sales, in order of order id (so two
 * batches sharing order ids never wait on each other in a cycle), recorded by `actor`. What
 * many sales share is sent once: each enrollment with its offer's currency, terms and hold
 * period, and each distinct metadata document. Times go as microseconds since 1970; a sale
 * is expected to be approved its offer's hold period, in days of 24 hours, after it happened.
 */
function insertSales(brandId: string, planned: readonly PlannedSale[], actor: string): SQLQuery {
  const sales = [...planned].sort((a, b) => (a.input.orderId < b.input.orderId ? -1 : 1));
  const targets = new Map<string, { n: number; target: PlannedSale['attribution']['target'] }>();
  const targetOf = sales.map(({ attribution: { target } }) => {
    let entry = targets.get(target.enrollment_id);
    if (!entry) targets.set(target.enrollment_id, (entry = { n: targets.size + 1, target }));
    return entry.n;
  });
  const documents = new Map<string, number>();
  const metadata = sales.map((p) => {
    const text = JSON.stringify(p.input.metadata);
    let n = documents.get(text);
    if (n === undefined) documents.set(text, (n = documents.size + 1));
    return n;
  });
  const column = <T>(pick: (p: PlannedSale) => T) => sales.map(pick);
  const target = <T>(pick: (t: PlannedSale['attribution']['target']) => T) =>
    [...targets.values()].map((entry) => pick(entry.target));
  return sql`
    INSERT INTO conversions (brand_id, id, enrollment_id, order_id, status, currency, sale_amount,
                             commission_amount, commission_terms, occurred_at,
                             expected_approval_at, metadata, attributed_by, click_id,
                             original_amount, original_currency, recorded_by)
    SELECT ${brandId}, u.id, t.enrollment_id, u.order_id, 'pending', t.currency, u.sale_amount,
           u.commission_amount, t.terms, u.occurred_at,
           u.occurred_at + t.hold_days * interval '24 hours', d.documents[u.metadata],
           u.attributed_by, u.click_id, u.original_amount, u.original_currency, ${actor}
    FROM (SELECT ${[...documents.keys()]}::jsonb[] AS documents) AS d
    CROSS JOIN LATERAL (
      SELECT s.*, timestamptz 'epoch' + s.micros * interval '1 microsecond' AS occurred_at
      FROM unnest(${column((p) => p.id)}::text[],
                  ${column((p) => p.input.orderId)}::text[],
                  ${column((p) => p.input.amount)}::bigint[],
                  ${column((p) => p.commission)}::bigint[],
                  ${targetOf}::int[],
                  ${column((p) => p.at * 1_000 + p.micros)}::bigint[],
                  ${metadata}::int[],
                  ${column((p) => p.attribution.attributedBy)}::text[],
                  ${column((p) => p.attribution.clickId)}::text[],
                  ${column((p) => p.input.originalAmount?.amount ?? null)}::bigint[],
                  ${column((p) => p.input.originalAmount?.currency ?? null)}::text[])
        AS s(id, order_id, sale_amount, commission_amount, target, micros, metadata,
             attributed_by, click_id, original_amount, original_currency)
    ) AS u
    JOIN unnest(${target((t) => t.enrollment_id)}::text[], ${target((t) => t.currency)}::text[],
                ${target((t) => JSON.stringify(t.commission))}::jsonb[], ${target((t) => t.hold_days)}::int[])
      WITH ORDINALITY AS t(enrollment_id, currency, terms, hold_days, n) ON t.n = u.target`;
}

/**
 * Inserts the planned sales in one statement. An order id another writer recorded in the
 * meantime fails the statement (the cheaper insert), or with `skipTaken` is left out.
 */
export async function insertConversions(
  db: Database,
  brandId: string,
  planned: readonly PlannedSale[],
  actor: string,
  skipTaken: boolean,
): Promise<InsertedSale[]> {
  return db.query(sql`
    ${insertSales(brandId, planned, actor)}
    ${skipTaken ? sql`ON CONFLICT (brand_id, order_id) DO NOTHING` : sql``}
    RETURNING order_id, created_at`);
}

/**
 * The `conversion.created` events of the sales a one-statement write records, for the
 * endpoints that subscribe to them.
 */
export interface CreatedEvents {
  /** The subscribed endpoints as a statement before found them: this one writes nothing if they changed. */
  endpointIds: readonly string[];
  /** Each sale's event id and body (`eventPayload`), in the order of the planned sales. */
  ids: readonly string[];
  payloads: readonly string[];
  createdAt: Date;
}

/** The conversion's `createdAt` and `updatedAt` in an event's body: the insert's time, as `toISOString` writes it. */
const withCreatedAt = (payload: SQLQuery) => sql`
  jsonb_set(jsonb_set(${payload}, '{data,createdAt}', s.at), '{data,updatedAt}', s.at)`;

/** Inserts the events and one delivery of each to each endpoint, as `emitEvents` does. */
function insertEvents(brandId: string, events: CreatedEvents): SQLQuery {
  return sql`
    , events AS (
      INSERT INTO webhook_events (brand_id, id, type, payload, created_at)
      SELECT ${brandId}, e.id, 'conversion.created', ${withCreatedAt(sql`e.payload::jsonb`)},
             ${events.createdAt}::timestamptz + (e.n - 1) * interval '1 microsecond'
      FROM unnest(${events.ids}::text[], ${events.payloads}::text[]) WITH ORDINALITY AS e(id, payload, n),
           (SELECT to_jsonb(to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS at
            FROM inserted LIMIT 1) AS s
      RETURNING id
    ), deliveries AS (
      INSERT INTO webhook_deliveries (brand_id, id, endpoint_id, event_id, status, next_attempt_at, created_at)
      SELECT * FROM (${deliveryRows(brandId, events.ids, events.endpointIds)}) AS r
      WHERE r.event_id IN (SELECT id FROM events)
    )`;
}

/**
 * Records pending sales of offers without tiers in one statement, so in one round trip and
 * without a transaction around it: it locks the enrollments' totals in a fixed order (as
 * `lockTotalsMany` does), inserts the sales, adds them to the enrollments' totals and daily
 * rollups (as `applyTotalsMany` with `conversionContribution('pending', …)` does) and writes
 * their `conversion.created` events (`events`, for the brand's subscribed endpoints; none
 * without). An order id another writer recorded since the caller looked fails the statement
 * (a unique violation), which then writes nothing. Should the subscribed endpoints not be
 * those of `events` (none without), nothing is written either: the answer says
 * `endpointsChanged` and which they are.
 */
export async function insertWithRollups(
  db: Database,
  brandId: string,
  planned: readonly PlannedSale[],
  actor: string,
  events: CreatedEvents | null,
): Promise<{ endpointsChanged: true; endpointIds: string[] } | { endpointsChanged: false; inserted: InsertedSale[] }> {
  // a plain insert: the statement writes every sale or, on a unique violation, none
  const enrollmentIds = [...new Set(planned.map((p) => p.attribution.target.enrollment_id))];
  const expected = events?.endpointIds ?? [];
  const [row] = await db.query<{ matched: boolean; endpoint_ids: string[]; inserted: number; created_at: Date | null }>(sql`
    WITH locked AS MATERIALIZED (
      SELECT enrollment_id FROM enrollment_totals
      WHERE brand_id = ${brandId} AND enrollment_id = ANY (${enrollmentIds}::text[])
      ORDER BY enrollment_id FOR UPDATE
    ), subscribed AS MATERIALIZED (
      SELECT COALESCE(array_agg(id), '{}') AS ids FROM webhook_endpoints
      WHERE ${subscribes(brandId, 'conversion.created')}
    ), matched AS MATERIALIZED (
      SELECT ids @> ${expected}::text[] AND ids <@ ${expected}::text[] AS yes FROM subscribed
    ), inserted AS (
      ${insertSales(brandId, planned, actor)}
      -- one-time filters, evaluated before the first row: the locks, and the same subscribers
      WHERE (SELECT count(*) FROM locked) >= 0 AND (SELECT yes FROM matched)
      RETURNING enrollment_id, sale_amount, commission_amount, occurred_at, created_at
    ), daily AS (
      INSERT INTO enrollment_daily AS r (brand_id, enrollment_id, day, conversions, sales, commission_pending)
      SELECT ${brandId}, enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date,
             count(*), sum(sale_amount), sum(commission_amount)
      FROM inserted GROUP BY 2, 3 ORDER BY 2, 3
      ON CONFLICT (brand_id, enrollment_id, day) DO UPDATE SET
        conversions = r.conversions + EXCLUDED.conversions,
        sales = r.sales + EXCLUDED.sales,
        commission_pending = r.commission_pending + EXCLUDED.commission_pending
    ), totals AS (
      UPDATE enrollment_totals t SET
        conversions = t.conversions + s.conversions,
        sales = t.sales + s.sales,
        commission_pending = t.commission_pending + s.pending,
        updated_at = now()
      FROM (
        SELECT enrollment_id, count(*) AS conversions, sum(sale_amount) AS sales,
               sum(commission_amount) AS pending
        FROM inserted GROUP BY enrollment_id
      ) AS s
      WHERE t.brand_id = ${brandId} AND t.enrollment_id = s.enrollment_id
    )
    ${events?.ids.length ? insertEvents(brandId, events) : sql``}
    -- every row inserted has the statement's created_at: one date to read, not one per sale
    SELECT (SELECT yes FROM matched) AS matched, (SELECT ids FROM subscribed) AS endpoint_ids,
           (SELECT count(*) FROM inserted) AS inserted, (SELECT created_at FROM inserted LIMIT 1) AS created_at`);
  if (!row!.matched) return { endpointsChanged: true, endpointIds: row!.endpoint_ids };
  const createdAt = row!.created_at;
  if (Number(row!.inserted) !== planned.length || !createdAt) throw new Error('a plain insert wrote only some sales');
  return { endpointsChanged: false, inserted: planned.map((p) => ({ order_id: p.input.orderId, created_at: createdAt })) };
}
