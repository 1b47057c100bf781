import pg from '@databases/pg';
import type { PageQuery, Payment } from '@affdash/core';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';

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
