import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import { computeCommission, periodStart, type Conversion, type TierProgress } from '@affdash/core';
import { PgCode, pgErrorCode, type Database } from '../db/index.js';
import { ApiError } from '../http/errors.js';
import { newId } from '../keys/random.js';
import { applyTotalsMany, conversionContribution, lockTotalsMany } from '../totals/queries.js';
import { emitEvents, eventPayload } from '../webhooks/events.js';
import { attribute, checkSale, findTargets, type Attribution, type AttributionTargets } from './attribution.js';
import {
  insertConversions,
  insertWithRollups,
  type CreatedEvents,
  type InsertedSale,
  type PlannedSale,
  type SaleInput,
} from './insert.js';
import { conversionColumns, toConversion, type ConversionRow } from './rows.js';
import { opaqueKey } from '../db/opaque-key.js';

const { sql } = pg;
const DAY_MS = 86_400_000;
/** Attempts when other writers take some of a batch's order ids at the same moment. */
const MAX_ATTEMPTS = 3;

export type { SaleInput };

export interface RecordResult {
  /** The conversion's id. */
  id: string;
  conversion: Conversion;
  /** False when the order id was already recorded: the existing conversion is returned. */
  created: boolean;
}

/** A recorded sale whose conversion is built when first read: a batch may answer ids only. */
class Recorded implements RecordResult {
  #conversion: Conversion | undefined;
  constructor(
    readonly id: string,
    readonly created: boolean,
    private readonly build: () => Conversion,
  ) {}

  get conversion(): Conversion {
    return (this.#conversion ??= this.build());
  }
}

const recordedBefore = (row: ConversionRow) => new Recorded(row.id, false, () => toConversion(row));

/** What became of one sale of a batch: recorded now or before, or refused with an error. */
export type RecordOutcome = RecordResult | { error: ApiError };

/** Another writer inserted one of the order ids after this batch looked: start again. */
class OrderTaken extends Error {}

const unstorableText = () => new ApiError('bad_request', 'Text must not contain NUL (\\u0000) characters.');
const hasNul = (text: string | undefined) => text !== undefined && text.includes('\u0000');

/** An ISO timestamp with microseconds, which PostgreSQL keeps and `Date` does not. */
const isoWithMicros = (ms: number, micros: number) =>
  new Date(ms).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);

const byOrderId = (rows: readonly ConversionRow[]) => new Map(rows.map((row) => [row.order_id, row]));

/** The conversions of some order ids: one probe of the order-id key each (see `opaqueKey`). */
export function byOrderIdsQuery(brandId: string, orderIds: readonly string[]): SQLQuery {
  return sql`
    SELECT ${conversionColumns} FROM unnest(${[...new Set(orderIds)]}::text[]) AS u(order_id)
    CROSS JOIN LATERAL (
      SELECT * FROM conversions WHERE brand_id = ${opaqueKey(brandId)} AND order_id = u.order_id LIMIT 1
    ) AS c
    JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id`;
}

async function findByOrderIds(db: Database, brandId: string, orderIds: readonly string[]): Promise<ConversionRow[]> {
  return orderIds.length ? db.query<ConversionRow>(byOrderIdsQuery(brandId, orderIds)) : [];
}

/**
 * Records a sale once per order id: `recordConversions` with one sale, its refusal thrown as
 * the error it is.
 */
export async function recordConversion(
  db: Database,
  brandId: string,
  input: SaleInput,
  /** Who records it, for the conversion's events: `api_key:<id>`. */
  actor: string,
): Promise<RecordResult> {
  const [outcome] = await recordConversions(db, brandId, [input], actor);
  if ('error' in outcome!) throw outcome.error;
  return outcome!;
}

/**
 * Records sales once per order id, in order, with one outcome per sale, as if each were
 * recorded alone one after another: an order id recorded before, or by an earlier sale of the
 * same call, is `existing`; otherwise the sale is attributed, its commission computed with the
 * offer's current terms (a tiered offer counts the member's earlier conversions in the
 * period, earlier sales of the same call included) and stored, and the enrollments' totals,
 * daily rollups, status events and webhook events written, all in one transaction and in a
 * number of statements that does not grow with the number of sales. A sale without
 * `occurredAt` happened when the call began, a microsecond after the sale before it.
 */
export async function recordConversions(
  db: Database,
  brandId: string,
  inputs: readonly SaleInput[],
  actor: string,
): Promise<RecordOutcome[]> {
  if (!inputs.length) return [];
  const now = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(db, brandId, inputs, actor, now, attempt);
    } catch (error) {
      const code = pgErrorCode(error);
      if (!(error instanceof OrderTaken) && code !== PgCode.uniqueViolation && code !== PgCode.deadlock) throw error;
      if (attempt === MAX_ATTEMPTS) {
        throw new ApiError('conflict', 'Other requests recorded the same order ids at the same moment; send it again.');
      }
    }
  }
}

/** What planning made of the sales: outcomes so far, sales to insert, repeats of those. */
interface Plan {
  outcomes: (RecordOutcome | undefined)[];
  planned: PlannedSale[];
  /** Sales whose order id an earlier planned sale of the call has. */
  repeats: number[];
}

/** Decides each sale in order, as one after another: existing, a repeat, refused or planned. */
function planSales(
  inputs: readonly SaleInput[],
  existing: ReadonlyMap<string, ConversionRow>,
  found: AttributionTargets,
  now: number,
): Plan {
  const outcomes: (RecordOutcome | undefined)[] = inputs.map((input) =>
    hasNul(input.orderId) ? { error: unstorableText() } : undefined,
  );
  const planned: PlannedSale[] = [];
  const claimed = new Set<string>();
  const repeats: number[] = [];
  for (const [index, input] of inputs.entries()) {
    if (outcomes[index]) continue;
    const row = existing.get(input.orderId);
    if (row) {
      outcomes[index] = recordedBefore(row);
      continue;
    }
    if (claimed.has(input.orderId)) {
      repeats.push(index);
      continue;
    }
    try {
      if (hasNul(input.promoCode) || hasNul(input.clickId)) throw unstorableText();
      const attribution = attribute(input, found);
      checkSale(attribution.target, input);
      if (Object.entries(input.metadata).some(([k, v]) => hasNul(k) || hasNul(v))) throw unstorableText();
      claimed.add(input.orderId);
      planned.push(plan(index, input, attribution, now));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcomes[index] = { error };
    }
  }
  return { outcomes, planned, repeats };
}

const isTiered = (p: PlannedSale) => p.attribution.target.commission.type === 'tiered';

/**
 * One attempt. Sales of offers without tiers, all attributable, go straight to one statement
 * (`insertWithRollups`; a second, with their webhook events, when endpoints subscribe) on the
 * first attempt, without looking up their order ids first: an order id recorded before fails that
 * insert, and the next attempt looks. Otherwise the first attempt looks up the order ids
 * before taking any lock, and a later one (or one that found the brand's endpoints changed)
 * looks once it holds the enrollments' locks, so writers to the same enrollments cannot get
 * in between.
 */
async function recordOnce(
  db: Database,
  brandId: string,
  inputs: readonly SaleInput[],
  actor: string,
  now: number,
  attempt: number,
): Promise<RecordOutcome[]> {
  const storable = inputs.filter((input) => !hasNul(input.orderId));
  const orderIds = storable.map((input) => input.orderId);
  const found = await findTargets(db, brandId, storable.filter((input) => !hasNul(input.promoCode) && !hasNul(input.clickId)));
  let { outcomes, planned, repeats } = planSales(inputs, new Map(), found, now);
  const straight = attempt === 1 && planned.length > 0 && !planned.some(isTiered) && outcomes.every((o) => !o);
  /** Whether the order ids were looked up before any lock. */
  const looked = attempt === 1 && !straight;
  if (looked) ({ outcomes, planned, repeats } = planSales(inputs, byOrderId(await findByOrderIds(db, brandId, orderIds)), found, now));
  if (!planned.length) return outcomes as RecordOutcome[];
  let recorded: Map<string, RecordResult> | null = null;
  if (attempt === 1 && !planned.some(isTiered)) {
    await computeCommissions(db, brandId, planned); // no tiers: nothing to read
    // first as for a brand without webhooks; for one with, again with the events of the
    // endpoints the first found (and in the transaction should they change once more)
    let events: CreatedEvents | null = null;
    for (let round = 0; round < 2 && !recorded; round++) {
      // alone, the statement is its own transaction; in one (an Idempotency-Key's), it gets a
      // savepoint, so that an order id recorded before fails it and not the transaction
      const write = (db: Database) => insertWithRollups(db, brandId, planned, actor, events);
      const written = await (db.inTransaction ? db.tx(write) : write(db));
      if (!written.endpointsChanged) recorded = await results(db, brandId, planned, actor, written.inserted);
      else events = written.endpointIds.length ? createdEvents(brandId, planned, actor, written.endpointIds) : null;
    }
  }
  recorded ??= await db.tx(async (db) => {
    await lockTotalsMany(db, brandId, planned.map((p) => p.attribution.target.enrollment_id));
    if (!looked) {
      const existing = byOrderId(await findByOrderIds(db, brandId, orderIds));
      ({ outcomes, planned, repeats } = planSales(inputs, existing, found, now));
      if (!planned.length) return new Map<string, RecordResult>();
    }
    await computeCommissions(db, brandId, planned);
    const inserted = await insertConversions(db, brandId, planned, actor, !looked);
    // a tiered commission counted a sale that is now another writer's: count again
    if (inserted.length < planned.length && planned.some(isTiered)) throw new OrderTaken();
    const recorded = await results(db, brandId, planned, actor, inserted);
    const created = [...recorded.values()].filter((r) => r.created).map((r) => r.conversion);
    await applyTotalsMany(
      db,
      brandId,
      created.map((c) => ({
        enrollmentId: c.enrollmentId,
        delta: conversionContribution('pending', c.sale.amount, c.commission.amount),
        day: new Date(c.occurredAt),
      })),
    );
    await emitEvents(db, brandId, 'conversion.created', created);
    return recorded;
  });
  for (const p of planned) outcomes[p.index] = recorded.get(p.input.orderId)!;
  for (const index of repeats) {
    const first = recorded.get(inputs[index]!.orderId)!;
    outcomes[index] = new Recorded(first.id, false, () => first.conversion);
  }
  return outcomes as RecordOutcome[];
}

/**
 * The `conversion.created` events of planned sales, each with its conversion as the API
 * answers it; the insert fills in the conversion's `createdAt` and `updatedAt`.
 */
function createdEvents(brandId: string, planned: readonly PlannedSale[], actor: string, endpointIds: readonly string[]): CreatedEvents {
  const createdAt = new Date();
  const ids = planned.map(() => newId('evt'));
  const payloads = planned.map((p, i) =>
    eventPayload(ids[i]!, 'conversion.created', createdAt, toConversion(insertedRow(brandId, p, actor, createdAt))),
  );
  return { endpointIds, ids, payloads, createdAt };
}

/**
 * What became of each planned sale once the insert ran: created as planned, or recorded by
 * another writer in the meantime (read back). Throws `OrderTaken` when such a conversion
 * cannot be read, so the attempt starts again.
 */
async function results(
  db: Database,
  brandId: string,
  planned: readonly PlannedSale[],
  actor: string,
  inserted: readonly InsertedSale[],
): Promise<Map<string, RecordResult>> {
  const createdAt = new Map(inserted.map((r) => [r.order_id, r.created_at]));
  const results = new Map<string, RecordResult>();
  const taken: string[] = [];
  for (const p of planned) {
    const at = createdAt.get(p.input.orderId);
    if (at) results.set(p.input.orderId, new Recorded(p.id, true, () => toConversion(insertedRow(brandId, p, actor, at))));
    else taken.push(p.input.orderId);
  }
  for (const row of await findByOrderIds(db, brandId, taken)) {
    results.set(row.order_id, recordedBefore(row));
  }
  if (results.size < planned.length) throw new OrderTaken();
  return results;
}

function plan(index: number, input: SaleInput, attribution: Attribution, now: number): PlannedSale {
  const at = input.occurredAt ? new Date(input.occurredAt).getTime() : now;
  const micros = input.occurredAt ? 0 : Math.min(index, 999);
  return { index, input, attribution, id: newId('cnv', now), at, micros, commission: 0 };
}

/** The row `insertConversions` wrote for a planned sale, as a read would return it. */
function insertedRow(brandId: string, p: PlannedSale, actor: string, createdAt: Date): ConversionRow {
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

/** Whether sale `a` happened before sale `b`. */
const before = (a: PlannedSale, b: PlannedSale) => a.at < b.at || (a.at === b.at && a.micros < b.micros);

/**
 * Computes each planned sale's commission. A tiered offer counts the member's earlier
 * counted conversions in the tier period of the sale: those stored (one query for all
 * sales), plus the sales planned before it in this call that happened earlier.
 */
async function computeCommissions(db: Database, brandId: string, planned: PlannedSale[]): Promise<void> {
  const tiered = planned.filter((p) => p.attribution.target.commission.type === 'tiered');
  const starts = tiered.map((p) => {
    const structure = p.attribution.target.commission;
    return structure.type === 'tiered' ? periodStart(structure.period, new Date(p.at)) : null;
  });
  const stored = new Map<PlannedSale, TierProgress>();
  if (tiered.length) {
    const rows = await db.query<{ n: number; conversions: number; sales: number }>(sql`
      SELECT u.n, p.conversions, p.sales
      FROM unnest(${tiered.map((p) => p.attribution.target.enrollment_id)}::text[],
                  ${tiered.map((p) => isoWithMicros(p.at, p.micros))}::timestamptz[],
                  ${starts.map((s) => s?.toISOString() ?? null)}::timestamptz[])
        WITH ORDINALITY AS u(enrollment_id, at, start, n)
      CROSS JOIN LATERAL (
        SELECT count(*)::bigint AS conversions, COALESCE(sum(c.sale_amount), 0)::bigint AS sales
        FROM conversions c
        WHERE c.brand_id = ${brandId} AND c.enrollment_id = u.enrollment_id
          AND c.status IN ('pending', 'approved')
          AND c.occurred_at < u.at AND c.occurred_at >= COALESCE(u.start, '-infinity')
      ) AS p`);
    for (const r of rows) {
      stored.set(tiered[Number(r.n) - 1]!, { conversions: Number(r.conversions), sales: Number(r.sales) });
    }
  }
  tiered.forEach((p, k) => {
    const progress = { ...stored.get(p)! };
    const start = starts[k]?.getTime() ?? -Infinity;
    for (const q of tiered.slice(0, k)) {
      if (q.attribution.target.enrollment_id === p.attribution.target.enrollment_id && before(q, p) && q.at >= start) {
        progress.conversions += 1;
        progress.sales += q.input.amount;
      }
    }
    p.commission = computeCommission(p.attribution.target.commission, p.input.amount, progress);
  });
  for (const p of planned) {
    if (p.attribution.target.commission.type !== 'tiered') {
      p.commission = computeCommission(p.attribution.target.commission, p.input.amount);
    }
  }
}

export { conversionColumns };
