import { PgCode, pgErrorCode, type Database } from '../db/index.js';
import { ApiError } from '../http/errors.js';
import { lockTotals } from '../totals/lock.js';
import { PlanStale, writeMoney } from '../totals/write.js';
import { findTargets, type AttributionTargets } from './attribution.js';
import { forgetTargets, knownTargets, rememberTargets } from './known-targets.js';
import { salesWrite, type InsertedSales } from './insert.js';
import { OrderTaken, outcomes, type Mine, type RecordOutcome, type RecordResult } from './outcomes.js';
import { hasNul, isTiered, planSales, storable, type SaleInput, type SalePlan } from './plan.js';
import { findByOrderIds } from './queries.js';
import { computeTiers } from './tiers.js';

/** Attempts when other writers take some of a call's order ids at the same moment. */
const MAX_ATTEMPTS = 3;

export type { RecordOutcome, RecordResult, SaleInput };

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
 * daily rollups and webhook events written, in one statement (`salesWrite`). The sales are
 * planned once, from one look-up of the enrollments they name.
 */
export async function recordConversions(
  db: Database,
  brandId: string,
  inputs: readonly SaleInput[],
  actor: string,
): Promise<RecordOutcome[]> {
  if (!inputs.length) return [];
  const now = Date.now();
  const named = inputs.filter((input) => storable(input) && !hasNul(input.promoCode) && !hasNul(input.clickId));
  const lookUp = async (): Promise<AttributionTargets> => {
    const found = await findTargets(db, brandId, named);
    rememberTargets(brandId, found);
    return found;
  };
  // sales naming enrollments this process knows are planned without a look-up; a refusal is
  // only ever decided from one
  const known = knownTargets(brandId, named);
  let plan = planSales(inputs, known ?? (await lookUp()), now);
  if (known && plan.refused.size) plan = planSales(inputs, await lookUp(), now);
  for (let attempt = 1; ; attempt++) {
    const tiered = plan.planned.some(isTiered);
    // a tiered attempt is a transaction; in one (an Idempotency-Key's), each attempt is a
    // savepoint, so that an order id recorded meanwhile fails the attempt and not the whole
    const once = (db: Database) =>
      tiered ? writeTiered(db, brandId, plan, actor) : writePlanned(db, brandId, plan, actor, attempt > 1);
    try {
      return await (tiered || db.inTransaction ? db.tx(once) : once(db));
    } catch (error) {
      const code = pgErrorCode(error);
      const stale = error instanceof PlanStale;
      if (!stale && !(error instanceof OrderTaken) && code !== PgCode.uniqueViolation && code !== PgCode.deadlock) throw error;
      if (attempt === MAX_ATTEMPTS) {
        throw new ApiError('conflict', 'Other requests recorded the same order ids at the same moment; send it again.');
      }
      if (stale) {
        // an enrollment or offer changed since the plan: nothing was written; plan again from the database
        forgetTargets(brandId, plan.planned.map((p) => p.attribution.target.enrollment_id));
        plan = planSales(inputs, await lookUp(), now);
      }
    }
  }
}

/**
 * Writes the planned sales of offers without tiers straight away, without looking up their
 * order ids first: one recorded before fails the write, and the next attempt (`skipTaken`)
 * leaves it out. Then looks up what the write left out, and the order ids of refused sales
 * (one recorded before is `existing` all the same).
 */
async function writePlanned(
  db: Database,
  brandId: string,
  plan: SalePlan,
  actor: string,
  skipTaken: boolean,
): Promise<RecordOutcome[]> {
  const mine: Mine = new Map();
  if (plan.planned.length) {
    const [written] = await writeMoney<InsertedSales>(db, salesWrite(brandId, plan.planned, actor, skipTaken));
    const orderIds = skipTaken ? (written!.order_ids ?? []) : plan.planned.map((p) => p.input.orderId);
    if (!skipTaken && Number(written!.inserted) !== plan.planned.length) throw new Error('a plain insert wrote only some sales');
    for (const orderId of orderIds) mine.set(orderId, written!.created_at!);
  }
  const unwritten = [...plan.planned.map((p) => p.input), ...[...plan.refused.keys()].map((index) => plan.inputs[index]!)]
    .filter((input) => storable(input) && !mine.has(input.orderId))
    .map((input) => input.orderId);
  return outcomes(brandId, plan, actor, mine, await findByOrderIds(db, brandId, unwritten));
}

/**
 * Writes planned sales, some of a tiered offer, in a transaction: it locks the enrollments'
 * totals, looks up the order ids (so writers to the same enrollments cannot get in between),
 * counts the tiers' progress, and writes the sales not recorded before.
 */
async function writeTiered(
  db: Database,
  brandId: string,
  plan: SalePlan,
  actor: string,
): Promise<RecordOutcome[]> {
  await lockTotals(db, brandId, plan.planned.map((p) => p.attribution.target.enrollment_id));
  const before = await findByOrderIds(db, brandId, plan.inputs.filter(storable).map((input) => input.orderId));
  const planned = plan.planned.filter((p) => !before.has(p.input.orderId));
  const mine: Mine = new Map();
  if (planned.length) {
    await computeTiers(db, brandId, planned);
    const [written] = await writeMoney<InsertedSales>(db, salesWrite(brandId, planned, actor, true));
    // a tiered commission counted a sale that is now another writer's: count again
    if (Number(written!.inserted) < planned.length) throw new OrderTaken();
    for (const p of planned) mine.set(p.input.orderId, written!.created_at!);
  }
  return outcomes(brandId, plan, actor, mine, before);
}
