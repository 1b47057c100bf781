import pg from '@databases/pg';
import type { Conversion, ConversionStatus } from '@affdash/core';
import type { Database } from '../db/index.js';
import { ApiError, notFound } from '../http/errors.js';
import { applyTotals, contributionChange, conversionContribution } from '../totals/queries.js';
import { emitConversionEvent } from '../webhooks/events.js';
import { recordEvent, type Actor } from './events.js';
import { conversionColumns } from './record.js';
import { toConversion, type ConversionRow } from './rows.js';
import { opaqueKey } from '../db/opaque-key.js';

const { sql } = pg;

export interface StatusChange {
  status: ConversionStatus;
  reason?: string | undefined;
}

/** Which status may follow which. Setting the current status again changes nothing. */
const transitions: Record<ConversionStatus, readonly ConversionStatus[]> = {
  pending: ['approved', 'rejected'],
  approved: ['reversed'],
  rejected: ['pending', 'approved'],
  reversed: [],
};

/**
 * Moves a conversion to a new status with a reason the member can read, and moves its
 * commission between the enrollment's totals, in one transaction.
 */
export async function changeConversionStatus(
  db: Database,
  brandId: string,
  id: string,
  change: StatusChange,
  actor: Actor,
): Promise<Conversion> {
  return db.tx(async (db) => {
    const [row] = await db.query<ConversionRow>(sql`
      SELECT ${conversionColumns} FROM conversions c
      JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id
      WHERE c.brand_id = ${opaqueKey(brandId)} AND c.id = ${id}
      FOR UPDATE OF c`);
    if (!row) throw notFound('conversion');
    if (row.status === change.status) return toConversion(row);
    if (!transitions[row.status].includes(change.status)) {
      throw new ApiError(
        'conflict',
        `A ${row.status} conversion cannot become ${change.status}.`,
        { status: row.status, allowed: transitions[row.status] },
      );
    }
    await moveStatus(db, row, change, actor);
    const [updated] = await db.query<ConversionRow>(sql`
      SELECT ${conversionColumns} FROM conversions c
      JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id
      WHERE c.brand_id = ${opaqueKey(brandId)} AND c.id = ${id}`);
    return toConversion(updated!);
  });
}

/**
 * Applies an allowed status change to a conversion locked by the caller's transaction: its
 * status and reason, an event with who made it, and the move of its commission between the
 * enrollment's totals, and a `conversion.status_changed` webhook event. Manual changes,
 * reversals and automatic approval all go through here.
 */
export async function moveStatus(
  db: Database,
  row: ConversionRow,
  change: StatusChange,
  actor: Actor,
): Promise<void> {
  const reason =
    change.status === 'rejected' || change.status === 'reversed' ? (change.reason ?? null) : null;
  await db.query(sql`
    UPDATE conversions SET status = ${change.status}, status_reason = ${reason}, updated_at = clock_timestamp()
    WHERE brand_id = ${opaqueKey(row.brand_id)} AND id = ${row.id}`);
  await recordEvent(db, row.brand_id, row.id, { from: row.status, to: change.status, reason, actor });
  await applyTotals(
    db,
    row.brand_id,
    row.enrollment_id,
    contributionChange(
      conversionContribution(row.status, row.sale_amount, row.commission_amount),
      conversionContribution(change.status, row.sale_amount, row.commission_amount),
    ),
    row.occurred_at,
  );
  await emitConversionEvent(db, row.brand_id, row.id, 'conversion.status_changed', { previousStatus: row.status });
}
