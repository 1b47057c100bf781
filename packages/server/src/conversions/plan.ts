import { computeCommission, type ConversionCreate } from '@affdash/core';
import type { z } from 'zod';
import { ApiError } from '../http/errors.js';
import { newId } from '../keys/random.js';
import { attribute, checkSale, type Attribution, type AttributionTargets } from './attribution.js';

/** A sale as `ConversionCreate` parses it. */
export type SaleInput = z.output<typeof ConversionCreate>;

/** A sale to insert, with what the insert needs. */
export interface PlannedSale {
  /** Position among the inputs. */
  index: number;
  input: SaleInput;
  attribution: Attribution;
  id: string;
  /** When the sale happened: milliseconds, then microseconds (a sale without `occurredAt`). */
  at: number;
  micros: number;
  /** Its commission: set here for an offer without tiers, by `computeTiers` for one with. */
  commission: number;
}

/**
 * What became of each sale of a call, decided once and in order, as if each were recorded
 * alone one after another: refused (unless its order id turns out to be recorded before),
 * the repeat of an earlier sale's order id, or to be inserted.
 */
export interface SalePlan {
  inputs: readonly SaleInput[];
  /** Refused sales by position. */
  refused: Map<number, ApiError>;
  planned: PlannedSale[];
  /** Sales whose order id an earlier planned sale has, by position: that sale. */
  repeats: Map<number, PlannedSale>;
}

const unstorableText = () => new ApiError('bad_request', 'Text must not contain NUL (\\u0000) characters.');
export const hasNul = (text: string | undefined) => text !== undefined && text.includes('\u0000');

/** Whether a sale's order id can be stored, and so looked up. */
export const storable = (input: SaleInput) => !hasNul(input.orderId);

export const isTiered = (p: PlannedSale) => p.attribution.target.commission.type === 'tiered';

/**
 * Plans the sales of a call among the enrollments `found`: each is attributed and checked, its
 * commission computed with the offer's current terms (tiers later, once their progress is
 * read). A sale without `occurredAt` happened at `now`, a microsecond after the sale before it.
 */
export function planSales(inputs: readonly SaleInput[], found: AttributionTargets, now: number): SalePlan {
  const plan: SalePlan = { inputs, refused: new Map(), planned: [], repeats: new Map() };
  const claimed = new Map<string, PlannedSale>();
  for (const [index, input] of inputs.entries()) {
    const first = claimed.get(input.orderId);
    if (first) {
      plan.repeats.set(index, first);
      continue;
    }
    try {
      if (!storable(input) || hasNul(input.promoCode) || hasNul(input.clickId)) throw unstorableText();
      const attribution = attribute(input, found);
      checkSale(attribution.target, input);
      if (Object.entries(input.metadata).some(([k, v]) => hasNul(k) || hasNul(v))) throw unstorableText();
      const planned = plannedSale(index, input, attribution, now);
      claimed.set(input.orderId, planned);
      plan.planned.push(planned);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      plan.refused.set(index, error);
    }
  }
  inOrderIdOrder(plan.planned);
  return plan;
}

/** Orders sales as the insert writes them: by order id (see `insertSales`). */
export const byOrderId = (a: PlannedSale, b: PlannedSale) => (a.input.orderId < b.input.orderId ? -1 : 1);

/**
 * Gives the sales their new ids in ascending order of order id, the order they are inserted
 * in, so each index on a conversion's id takes a batch's rows one after another at its end
 * rather than scattered through it (fewer pages touched and split, less WAL).
 */
function inOrderIdOrder(planned: PlannedSale[]): void {
  if (planned.length < 2) return;
  const ids = planned.map((p) => p.id).sort();
  [...planned].sort(byOrderId).forEach((p, k) => (p.id = ids[k]!));
}

function plannedSale(index: number, input: SaleInput, attribution: Attribution, now: number): PlannedSale {
  const at = input.occurredAt ? new Date(input.occurredAt).getTime() : now;
  const micros = input.occurredAt ? 0 : Math.min(index, 999);
  const { commission } = attribution.target;
  const amount = commission.type === 'tiered' ? 0 : computeCommission(commission, input.amount);
  return { index, input, attribution, id: newId('cnv', now), at, micros, commission: amount };
}
