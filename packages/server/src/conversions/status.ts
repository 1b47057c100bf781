import pg from '@databases/pg';
import type { Conversion, ConversionStatus } from '@affdash/core';
import type { Database } from '../db/index.js';
import { opaqueKey } from '../db/opaque-key.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId } from '../keys/random.js';
import { contribution, deltaColumns } from '../totals/delta.js';
import { writeMoney, type MoneyWrite } from '../totals/write.js';
import { planEvents, writtenEvents } from '../webhooks/written-events.js';
import type { Actor } from './events.js';
import { conversionColumns, toConversion, type ConversionRow } from './rows.js';

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
    const [changed] = await moveStatus(db, brandId, [row], change, actor);
    return toConversion(changed!);
  });
}

/** A conversion as a status change leaves it; the database sets `updated_at`. */
function changedRow(row: ConversionRow, change: StatusChange, updatedAt: Date): ConversionRow {
  const reason = change.status === 'rejected' || change.status === 'reversed' ? (change.reason ?? null) : null;
  return { ...row, status: change.status, status_reason: reason, updated_at: updatedAt };
}

/**
 * Applies an allowed status change to conversions of one brand that the caller's transaction
 * has locked, in one statement: their status and reason, an event each with who made it, the
 * move of their commission between their enrollments' totals (on the day of each sale), and a
 * `conversion.status_changed` webhook event each. Manual changes, reversals and automatic
 * approval all go through here. Returns the conversions as changed.
 */
export async function moveStatus(
  db: Database,
  brandId: string,
  rows: readonly ConversionRow[],
  change: StatusChange,
  actor: Actor,
): Promise<ConversionRow[]> {
  if (!rows.length) return [];
  const written = await writeMoney<{ id: string; updated_at: Date }>(db, statusWrite(brandId, rows, change, actor));
  const updatedAt = new Map(written.map((w) => [w.id, w.updated_at]));
  return rows.map((row) => changedRow(row, change, updatedAt.get(row.id)!));
}

function statusWrite(brandId: string, rows: readonly ConversionRow[], change: StatusChange, actor: Actor): MoneyWrite {
  const { status: to, status_reason: reason } = changedRow(rows[0]!, change, new Date());
  const column = <T>(pick: (row: ConversionRow) => T) => rows.map(pick);
  return {
    brandId,
    enrollmentIds: column((r) => r.enrollment_id),
    writes: (gate) => sql`
      changed AS (
        UPDATE conversions c SET status = ${to}, status_reason = ${reason}, updated_at = clock_timestamp()
        FROM unnest(${column((r) => r.id)}::text[], ${column((r) => r.status)}::text[], ${column(() => newId('cev'))}::text[])
          WITH ORDINALITY AS u(id, from_status, event_id, n)
        WHERE c.brand_id = ${opaqueKey(brandId)} AND c.id = u.id AND ${gate}
        RETURNING c.brand_id, c.id, c.enrollment_id, c.sale_amount, c.commission_amount, c.occurred_at,
                  c.updated_at, u.from_status, u.event_id, u.n
      ),
      -- stamped with the moment each is written, not the transaction's start: a change that
      -- waited for the conversion's lock behind another one is listed after it
      history AS (
        INSERT INTO conversion_events (brand_id, id, conversion_id, from_status, to_status, reason, actor, at)
        SELECT brand_id, event_id, id, from_status, ${to}, ${reason}, ${actor}, clock_timestamp()
        FROM (SELECT * FROM changed ORDER BY n) AS h
      )`,
    delta: sql`
      SELECT brand_id, enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date AS day,
             ${deltaColumns(contribution(sql`${to}::text`, sql`sale_amount`, sql`commission_amount`))}
      FROM changed
      UNION ALL
      SELECT brand_id, enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date,
             ${deltaColumns(contribution(sql`from_status`, sql`sale_amount`, sql`commission_amount`, -1))}
      FROM changed`,
    events: {
      type: 'conversion.status_changed',
      rows: () => {
        const data = rows.map((row) => ({
          key: row.id,
          data: { ...toConversion(changedRow(row, change, new Date())), previousStatus: row.status },
        }));
        return writtenEvents(planEvents('conversion.status_changed', data), sql`changed`, sql`w.id`, { updatedAt: sql`w.updated_at` });
      },
    },
    answer: sql`SELECT id, updated_at FROM changed`,
  };
}
