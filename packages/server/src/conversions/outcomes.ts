import type { Conversion } from '@affdash/core';
import type { ApiError } from '../http/errors.js';
import { insertedRow } from './insert.js';
import { storable, type PlannedSale, type SalePlan } from './plan.js';
import { toConversion, type ConversionRow } from './rows.js';

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

/** Another writer recorded one of the order ids after this attempt looked: start again. */
export class OrderTaken extends Error {}

/** Order ids this attempt wrote, with their `created_at`. */
export type Mine = Map<string, Date>;

/**
 * Each sale's outcome once written: created (`mine`), recorded before (`before`: a planned
 * sale another writer recorded meanwhile, or a refused one's order id), refused, or the repeat
 * of an earlier sale. Throws `OrderTaken` when a planned sale was neither, so the attempt
 * starts again.
 */
export function outcomes(
  brandId: string,
  plan: SalePlan,
  actor: string,
  mine: Mine,
  before: ReadonlyMap<string, ConversionRow>,
): RecordOutcome[] {
  const results = new Map<PlannedSale, RecordResult>();
  for (const p of plan.planned) {
    const at = mine.get(p.input.orderId);
    const row = before.get(p.input.orderId);
    if (at) results.set(p, new Recorded(p.id, true, () => toConversion(insertedRow(brandId, p, actor, at))));
    else if (row) results.set(p, recordedBefore(row));
    else throw new OrderTaken();
  }
  const byIndex = new Map(plan.planned.map((p) => [p.index, results.get(p)!]));
  return plan.inputs.map((input, index) => {
    const first = plan.repeats.get(index);
    if (first) {
      const result = results.get(first)!;
      return new Recorded(result.id, false, () => result.conversion);
    }
    const error = plan.refused.get(index);
    if (!error) return byIndex.get(index)!;
    const row = storable(input) && !mine.has(input.orderId) ? before.get(input.orderId) : undefined;
    return row ? recordedBefore(row) : { error };
  });
}
