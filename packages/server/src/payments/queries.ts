import pg from '@databases/pg';
import type { PageQuery, Payment, PaymentCreate } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId } from '../keys/random.js';
import { applyTotals, lockTotals } from '../totals/queries.js';
import { emitEvent } from '../webhooks/events.js';

const { sql } = pg;

export interface PaymentRow {
  brand_id: string;
  id: string;
  enrollment_id: string;
  currency: string;
  amount: number;
  method: string;
  reference: string | null;
  paid_at: Date;
  created_at: Date;
}

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    amount: { amount: row.amount, currency: row.currency },
    method: row.method,
    reference: row.reference,
    paidAt: row.paid_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Records a payment to a member and adds it to the enrollment's paid total, with a
 * `payment.created` webhook event, in one transaction.
 */
export async function insertPayment(
  db: Database,
  brandId: string,
  p: z.output<typeof PaymentCreate>,
): Promise<Payment> {
  return db.tx(async (db) => {
    const [target] = await db.query<{ currency: string }>(sql`
      SELECT o.currency FROM enrollments e
      JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
      WHERE e.brand_id = ${brandId} AND e.id = ${p.enrollmentId}`);
    if (!target) throw notFound('enrollment');
    if (target.currency !== p.currency) {
      throw new ApiError('currency_mismatch', `The offer pays in ${target.currency}, not ${p.currency}.`);
    }
    await lockTotals(db, brandId, p.enrollmentId);
    const [row] = await db.query<PaymentRow>(sql`
      INSERT INTO payments (brand_id, id, enrollment_id, currency, amount, method, reference, paid_at)
      VALUES (${brandId}, ${newId('pay')}, ${p.enrollmentId}, ${p.currency}, ${p.amount}, ${p.method},
              ${p.reference ?? null}, ${p.paidAt ? new Date(p.paidAt) : new Date()})
      RETURNING *`);
    await applyTotals(db, brandId, p.enrollmentId, { paid: p.amount }, row!.paid_at);
    const payment = toPayment(row!);
    await emitEvent(db, brandId, 'payment.created', payment);
    return payment;
  });
}

export async function paymentRows(
  db: Database,
  brandId: string,
  enrollmentId: string | undefined,
  page: PageQuery,
): Promise<(PaymentRow & CursorRow)[]> {
  const after = decodeCursor(page.cursor);
  return db.query<PaymentRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`paid_at`)} FROM payments WHERE brand_id = ${brandId}
    ${enrollmentId ? sql`AND enrollment_id = ${enrollmentId}` : sql``}
    ${after ? sql`AND (paid_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY paid_at DESC, id DESC LIMIT ${page.limit + 1}`);
}

export async function listPayments(
  db: Database,
  brandId: string,
  enrollmentId: string | undefined,
  page: PageQuery,
) {
  const rows = await paymentRows(db, brandId, enrollmentId, page);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], toPayment);
}

export async function findPayment(db: Database, brandId: string, id: string) {
  const [row] = await db.query<PaymentRow>(
    sql`SELECT * FROM payments WHERE brand_id = ${brandId} AND id = ${id}`,
  );
  return row ?? null;
}
