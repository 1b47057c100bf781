import pg from '@databases/pg';
import {
  computeCommission,
  periodStart,
  type CommissionStructure,
  type Conversion,
  type ConversionCreate,
  type TierProgress,
} from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../../db/index.js';
import { ApiError } from '../../http/errors.js';
import { newId } from '../../keys/random.js';
import { applyTotals, conversionContribution, lockTotals } from '../../totals/queries.js';
import { attribute } from './attribution.js';
import { recordEvent } from './events.js';
import { emitEvent } from '../../webhooks/events.js';
import { conversionColumns, toConversion, type ConversionRow } from './rows.js';

const { sql } = pg;
const DAY_MS = 86_400_000;

export async function findConversionByOrder(
  db: Database,
  brandId: string,
  orderId: string,
): Promise<ConversionRow | null> {
  const [row] = await db.query<ConversionRow>(sql`
    SELECT ${conversionColumns} FROM conversions c
    JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id
    WHERE c.brand_id = ${brandId} AND c.order_id = ${orderId}`);
  return row ?? null;
}

/** The member's earlier counted conversions in the tier period of `at`. */
async function tierProgress(
  db: Database,
  brandId: string,
  enrollmentId: string,
  structure: CommissionStructure,
  at: Date,
): Promise<TierProgress> {
  if (structure.type !== 'tiered') return { conversions: 0, sales: 0 };
  const start = periodStart(structure.period, at);
  const [row] = await db.query<{ conversions: number; sales: number }>(sql`
    SELECT count(*)::bigint AS conversions, COALESCE(sum(sale_amount), 0)::bigint AS sales
    FROM conversions
    WHERE brand_id = ${brandId} AND enrollment_id = ${enrollmentId}
      AND status IN ('pending', 'approved')
      AND occurred_at < ${at}
      ${start ? sql`AND occurred_at >= ${start}` : sql``}`);
  return { conversions: row?.conversions ?? 0, sales: row?.sales ?? 0 };
}

export interface RecordResult {
  conversion: Conversion;
  /** False when the order id was already recorded: the existing conversion is returned. */
  created: boolean;
}

/**
 * Records a sale once per order id: attributes it, computes and stores its commission with
 * the offer's current terms, and updates the enrollment's totals, all in one transaction.
 */
export async function recordConversion(
  db: Database,
  brandId: string,
  input: z.output<typeof ConversionCreate>,
  /** Who records it, for the conversion's events: `api_key:<id>`. */
  actor: string,
): Promise<RecordResult> {
  const existing = await findConversionByOrder(db, brandId, input.orderId);
  if (existing) return { conversion: toConversion(existing), created: false };

  return db.tx(async (db) => {
    const { target, attributedBy, clickId } = await attribute(db, brandId, input);
    if (target.enrollment_status === 'ended' || target.offer_status === 'archived') {
      throw new ApiError('enrollment_inactive', 'This enrollment or its offer has ended.');
    }
    const currency = input.currency ?? target.currency;
    const original = input.originalAmount ?? null;
    if (currency !== target.currency && currency !== original?.currency) {
      throw new ApiError(
        'currency_mismatch',
        `The offer pays in ${target.currency}; this sale is in ${currency}. ` +
          `Send amount in ${target.currency} and the order's own amount as originalAmount.`,
      );
    }
    await lockTotals(db, brandId, target.enrollment_id);
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
    const progress = await tierProgress(db, brandId, target.enrollment_id, target.commission, occurredAt);
    const commission = computeCommission(target.commission, input.amount, progress);
    const approvalAt = new Date(occurredAt.getTime() + target.hold_days * DAY_MS);
    const [inserted] = await db.query<{ id: string }>(sql`
      INSERT INTO conversions (brand_id, id, enrollment_id, order_id, status, currency, sale_amount,
                               commission_amount, commission_terms, occurred_at,
                               expected_approval_at, metadata, attributed_by, click_id,
                               original_amount, original_currency)
      VALUES (${brandId}, ${newId('cnv')}, ${target.enrollment_id}, ${input.orderId}, 'pending',
              ${target.currency}, ${input.amount}, ${commission}, ${JSON.stringify(target.commission)},
              ${occurredAt}, ${approvalAt}, ${JSON.stringify(input.metadata)}, ${attributedBy},
              ${clickId}, ${original?.amount ?? null}, ${original?.currency ?? null})
      ON CONFLICT (brand_id, order_id) DO NOTHING
      RETURNING id`);
    if (inserted) {
      await recordEvent(db, brandId, inserted.id, { from: null, to: 'pending', reason: null, actor });
      await applyTotals(
        db,
        brandId,
        target.enrollment_id,
        conversionContribution('pending', input.amount, commission),
        occurredAt,
      );
    }
    const conversion = toConversion((await findConversionByOrder(db, brandId, input.orderId))!);
    if (inserted) await emitEvent(db, brandId, 'conversion.created', conversion);
    return { conversion, created: Boolean(inserted) };
  });
}

export { conversionColumns };
