import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import { contribution, deltaColumns } from '../totals/delta.js';
import type { MoneyWrite } from '../totals/write.js';
import { planEvents, writtenEvents } from '../webhooks/written-events.js';
import { byOrderId, type PlannedSale } from './plan.js';
import { toConversion, type ConversionRow } from './rows.js';

const { sql } = pg;

const DAY_MS = 86_400_000;

/**
 * `INSERT INTO conversions … SELECT` of the planned sales, in order of order id (so two
 * batches sharing order ids never wait on each other in a cycle), recorded by `actor`. What
 * many sales share is sent once: each enrollment with its offer's currency, terms and hold
 * period, and each distinct metadata document; a column no sale has a value in goes empty.
 * Times go as microseconds since 1970; a sale is expected to be approved its offer's hold
 * period, in days of 24 hours, after it happened. A column every sale has the same value in
 * (the enrollment of a batch for one member, its one metadata document, how it was attributed)
 * goes as that one value.
 */
function insertSales(brandId: string, planned: readonly PlannedSale[], actor: string): SQLQuery {
  const sales = [...planned].sort(byOrderId);
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
  // a column with no value at all goes empty: unnest pads a shorter array with nulls
  const nullable = <T>(pick: (p: PlannedSale) => T | null) => {
    const values = column(pick);
    return values.some((v) => v !== null) ? values : [];
  };
  // so does a column whose sales all have one value, which then goes alone (`all`)
  const uniform = <T>(values: T[]): { each: T[]; all: T | null } =>
    values.every((v) => v === values[0]) ? { each: [], all: values[0]! } : { each: values, all: null };
  const target = uniform(targetOf);
  const document = uniform(metadata);
  const attributedBy = uniform(column((p) => p.attribution.attributedBy));
  const byTarget = <T>(pick: (t: PlannedSale['attribution']['target']) => T) =>
    [...targets.values()].map((entry) => pick(entry.target));
  return sql`
    INSERT INTO conversions (brand_id, id, enrollment_id, order_id, status, currency, sale_amount,
                             commission_amount, commission_terms, occurred_at,
                             expected_approval_at, metadata, attributed_by, click_id,
                             original_amount, original_currency, recorded_by)
    SELECT ${brandId}, u.id, t.enrollment_id, u.order_id, 'pending', t.currency, u.sale_amount,
           u.commission_amount, t.terms, u.occurred_at,
           u.occurred_at + t.hold_days * interval '24 hours',
           d.documents[coalesce(u.metadata, ${document.all}::int)],
           coalesce(u.attributed_by, ${attributedBy.all}::text), u.click_id, u.original_amount,
           u.original_currency, ${actor}
    FROM (SELECT ${[...documents.keys()]}::jsonb[] AS documents) AS d
    CROSS JOIN LATERAL (
      SELECT s.*, timestamptz 'epoch' + s.micros * interval '1 microsecond' AS occurred_at
      FROM unnest(${column((p) => p.id)}::text[],
                  ${column((p) => p.input.orderId)}::text[],
                  ${column((p) => p.input.amount)}::bigint[],
                  ${column((p) => p.commission)}::bigint[],
                  ${target.each}::int[],
                  ${column((p) => p.at * 1_000 + p.micros)}::bigint[],
                  ${document.each}::int[],
                  ${attributedBy.each}::text[],
                  ${nullable((p) => p.attribution.clickId)}::text[],
                  ${nullable((p) => p.input.originalAmount?.amount ?? null)}::bigint[],
                  ${nullable((p) => p.input.originalAmount?.currency ?? null)}::text[])
        AS s(id, order_id, sale_amount, commission_amount, target, micros, metadata,
             attributed_by, click_id, original_amount, original_currency)
    ) AS u
    JOIN unnest(${byTarget((t) => t.enrollment_id)}::text[], ${byTarget((t) => t.currency)}::text[],
                ${byTarget((t) => JSON.stringify(t.commission))}::jsonb[], ${byTarget((t) => t.hold_days)}::int[])
      WITH ORDINALITY AS t(enrollment_id, currency, terms, hold_days, n) ON t.n = coalesce(u.target, ${target.all}::int)`;
}

/** The row the insert writes for a planned sale, as a read would return it. */
export function insertedRow(brandId: string, p: PlannedSale, actor: string, createdAt: Date): ConversionRow {
  const { input, attribution } = p;
  const { target } = attribution;
  return {
    brand_id: brandId,
    id: p.id,
    enrollment_id: target.enrollment_id,
    offer_id: target.offer_id,
    member_id: target.member_id,
    order_id: input.orderId,
    status: 'pending',
    currency: target.currency,
    sale_amount: input.amount,
    commission_amount: p.commission,
    commission_terms: target.commission,
    occurred_at: new Date(p.at),
    expected_approval_at: new Date(p.at + target.hold_days * DAY_MS),
    status_reason: null,
    metadata: input.metadata,
    attributed_by: attribution.attributedBy,
    click_id: attribution.clickId,
    original_amount: input.originalAmount?.amount ?? null,
    original_currency: input.originalAmount?.currency ?? null,
    recorded_by: actor,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** What the insert of planned sales answers: how many it wrote, when, and (skipping taken ones) which. */
export interface InsertedSales {
  inserted: number;
  /** Every row of one statement has its `created_at`: one date to read, not one per sale. */
  created_at: Date | null;
  /** With `skipTaken`: the order ids written. */
  order_ids?: string[] | null;
}

/**
 * The money write that records planned sales, pending, by `actor`: it inserts them, adds
 * them to their enrollments' totals and daily rollups, and writes their `conversion.created`
 * events, each with its conversion as the API answers it. An order id recorded since the
 * plan fails the write (a unique violation: the cheaper insert), or with `skipTaken` is left
 * out of it, its event too.
 */
export function salesWrite(brandId: string, planned: readonly PlannedSale[], actor: string, skipTaken: boolean): MoneyWrite {
  return {
    name: skipTaken ? 'sales_write_skipping_taken' : 'sales_write',
    brandId,
    enrollmentIds: planned.map((p) => p.attribution.target.enrollment_id),
    writes: (gate) => sql`
      inserted AS (
        ${insertSales(brandId, planned, actor)}
        WHERE ${gate}
        ${skipTaken ? sql`ON CONFLICT (brand_id, order_id) DO NOTHING` : sql``}
        RETURNING brand_id, enrollment_id, order_id, sale_amount, commission_amount, occurred_at, created_at
      )`,
    delta: sql`
      SELECT brand_id, enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date AS day,
             ${deltaColumns(contribution(sql`'pending'`, sql`sale_amount`, sql`commission_amount`))}
      FROM inserted`,
    events: {
      type: 'conversion.created',
      rows: () => {
        const at = new Date();
        const data = planned.map((p) => ({ key: p.input.orderId, data: toConversion(insertedRow(brandId, p, actor, at)) }));
        const times = { createdAt: sql`w.created_at`, updatedAt: sql`w.created_at` };
        return writtenEvents(planEvents('conversion.created', data), sql`inserted`, sql`w.order_id`, times);
      },
    },
    answer: sql`
      SELECT count(*) AS inserted, min(created_at) AS created_at
             ${skipTaken ? sql`, array_agg(order_id) AS order_ids` : sql``}
      FROM inserted`,
    check: targetsCheck(brandId, planned),
  };
}

/**
 * A `SELECT` of `yes`: every enrollment the sales were planned for is still active, in the same
 * offer, and that offer still active with the same currency, terms and hold period. A sale is
 * planned from a look-up (or from what this process looked up before, `knownTargets`); this
 * makes the write refuse to run on what changed since.
 */
function targetsCheck(brandId: string, planned: readonly PlannedSale[]): SQLQuery {
  const targets = [...new Map(planned.map((p) => [p.attribution.target.enrollment_id, p.attribution.target])).values()];
  const pick = <T>(f: (t: (typeof targets)[number]) => T) => targets.map(f);
  return sql`
    SELECT count(*) = ${targets.length} AS yes
    FROM unnest(${pick((t) => t.enrollment_id)}::text[], ${pick((t) => t.offer_id)}::text[],
                ${pick((t) => t.currency)}::text[], ${pick((t) => JSON.stringify(t.commission))}::jsonb[],
                ${pick((t) => t.hold_days)}::int[]) AS p(enrollment_id, offer_id, currency, terms, hold_days)
    JOIN enrollments e ON e.brand_id = ${brandId} AND e.id = p.enrollment_id AND e.offer_id = p.offer_id
                      AND e.status = 'active'
    JOIN offers o ON o.brand_id = e.brand_id AND o.id = p.offer_id AND o.status = 'active'
                 AND o.currency = p.currency AND o.commission = p.terms AND o.hold_days = p.hold_days`;
}
