import pg from '@databases/pg';
import type { Payment, PaymentCreate } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { ApiError, notFound } from '../http/errors.js';
import { newId } from '../keys/random.js';
import { deltaColumns } from '../totals/delta.js';
import { writeMoney, type MoneyWrite } from '../totals/write.js';
import { planEvents, writtenEvents } from '../webhooks/written-events.js';
import { toPayment, type PaymentRow } from './queries.js';

const { sql } = pg;

/**
 * Records a payment to a member and adds it to the enrollment's paid total (on the day it was
 * paid), with a `payment.created` webhook event, in one statement.
 */
export async function insertPayment(db: Database, brandId: string, p: z.output<typeof PaymentCreate>): Promise<Payment> {
  const [target] = await db.query<{ currency: string }>(sql`
    SELECT o.currency FROM enrollments e
    JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
    WHERE e.brand_id = ${brandId} AND e.id = ${p.enrollmentId}`);
  if (!target) throw notFound('enrollment');
  if (target.currency !== p.currency) {
    throw new ApiError('currency_mismatch', `The offer pays in ${target.currency}, not ${p.currency}.`);
  }
  const row: PaymentRow = {
    brand_id: brandId,
    id: newId('pay'),
    enrollment_id: p.enrollmentId,
    currency: p.currency,
    amount: p.amount,
    method: p.method,
    reference: p.reference ?? null,
    paid_at: p.paidAt ? new Date(p.paidAt) : new Date(),
    created_at: new Date(), // the database's, once written
  };
  const [written] = await writeMoney<{ created_at: Date }>(db, paymentWrite(row));
  return toPayment({ ...row, created_at: written!.created_at });
}

function paymentWrite(row: PaymentRow): MoneyWrite {
  return {
    brandId: row.brand_id,
    enrollmentIds: [row.enrollment_id],
    writes: (gate) => sql`
      inserted AS (
        INSERT INTO payments (brand_id, id, enrollment_id, currency, amount, method, reference, paid_at)
        SELECT ${row.brand_id}, ${row.id}, ${row.enrollment_id}, ${row.currency}, ${row.amount}::bigint,
               ${row.method}, ${row.reference}, ${row.paid_at}::timestamptz
        WHERE ${gate}
        RETURNING brand_id, id, enrollment_id, amount, paid_at, created_at
      )`,
    delta: sql`
      SELECT brand_id, enrollment_id, (paid_at AT TIME ZONE 'UTC')::date AS day, ${deltaColumns({ paid: sql`amount` })}
      FROM inserted`,
    events: {
      type: 'payment.created',
      rows: () => {
        const events = planEvents('payment.created', [{ key: row.id, data: toPayment(row) }]);
        return writtenEvents(events, sql`inserted`, sql`w.id`, { createdAt: sql`w.created_at` });
      },
    },
    answer: sql`SELECT created_at FROM inserted`,
  };
}
