import { ConversionCreate, type ConversionBatchItem } from '@affdash/core';
import type { Database } from '../db/index.js';
import { validationError, type ApiError } from '../http/errors.js';
import type { Actor } from './events.js';
import { recordConversions, type SaleInput } from './record.js';

function itemError(error: ApiError): NonNullable<ConversionBatchItem['error']> {
  return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
}

/**
 * Records a batch of sales with one result per item, each as `POST /v1/conversions` would
 * answer it had the items been sent one after another: an invalid or unattributable item gets
 * an error result and the others still land; an order id seen before (also earlier in the
 * batch) is `existing`. The valid items are recorded together (`recordConversions`).
 */
export async function recordConversionBatch(
  db: Database,
  brandId: string,
  items: unknown[],
  actor: Actor,
  /** `minimal`: each result names its conversion by `id` and leaves `conversion` out. */
  answer: 'minimal' | 'representation' = 'representation',
): Promise<ConversionBatchItem[]> {
  const results: ConversionBatchItem[] = new Array(items.length);
  const valid: { index: number; input: SaleInput }[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = ConversionCreate.safeParse(item);
    if (parsed.success) valid.push({ index, input: parsed.data });
    else results[index] = { index, status: 'error', error: itemError(validationError(parsed.error, `conversions.${index}`)) };
  }
  const outcomes = await recordConversions(db, brandId, valid.map((v) => v.input), actor);
  outcomes.forEach((outcome, k) => {
    const { index } = valid[k]!;
    results[index] =
      'error' in outcome
        ? { index, status: 'error', error: itemError(outcome.error) }
        : {
            index,
            status: outcome.created ? 'created' : 'existing',
            id: outcome.id,
            ...(answer === 'minimal' ? {} : { conversion: outcome.conversion }),
          };
  });
  return results;
}
