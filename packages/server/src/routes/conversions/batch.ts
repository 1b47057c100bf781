import { ConversionCreate, type ConversionBatchItem } from '@affdash/core';
import type { Database } from '../../db/index.js';
import { pgErrorCode } from '../../db/database.js';
import { ApiError, validationError } from '../../http/errors.js';
import type { Actor } from './events.js';
import { recordConversion } from './record.js';

/** SQLSTATEs of text PostgreSQL cannot store (a NUL character): the item's fault. */
const unstorableText = new Set(['22021', '22P05']);

function itemError(error: ApiError): NonNullable<ConversionBatchItem['error']> {
  return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
}

/**
 * Records a batch of sales one after another, each in its own transaction and exactly as
 * `POST /v1/conversions` would: an invalid or unattributable item gets an error result and
 * the others still land; an order id seen before (also earlier in the batch) is `existing`.
 */
export async function recordConversionBatch(
  db: Database,
  brandId: string,
  items: unknown[],
  actor: Actor,
): Promise<ConversionBatchItem[]> {
  const results: ConversionBatchItem[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = ConversionCreate.safeParse(item);
    if (!parsed.success) {
      results.push({ index, status: 'error', error: itemError(validationError(parsed.error, `conversions.${index}`)) });
      continue;
    }
    try {
      const { conversion, created } = await recordConversion(db, brandId, parsed.data, actor);
      results.push({ index, status: created ? 'created' : 'existing', conversion });
    } catch (error) {
      if (error instanceof ApiError) {
        results.push({ index, status: 'error', error: itemError(error) });
      } else if (unstorableText.has(pgErrorCode(error) ?? '')) {
        results.push({
          index,
          status: 'error',
          error: { code: 'bad_request', message: 'Text must not contain NUL (\\u0000) characters.' },
        });
      } else {
        throw error;
      }
    }
  }
  return results;
}
