import pg from '@databases/pg';
import type { DashboardConversion, DashboardPayment, PageQuery } from '@affdash/core';
import type { Database } from '../db/index.js';
import { toPage } from '../http/cursor.js';
import type { DashboardGrant } from '../keys/dashboard-tokens.js';
import { conversionRows, type ConversionFilter } from '../conversions/queries.js';
import { conversionMoney, type ConversionRow } from '../conversions/rows.js';
import { paymentRows, toPayment } from '../payments/queries.js';
import { assertReadable, type Readability } from './readable.js';

const { sql } = pg;

/** Order ids can be customer data: the member sees only the last four characters. */
export function maskOrderId(orderId: string): string {
  return orderId.length <= 4 ? '••••' : `•••${orderId.slice(-4)}`;
}

/** What the member's view of a conversion is made of: a stored row, or one the first screen's statement returns as JSON. */
export type MemberConversionSource = Pick<
  ConversionRow,
  'id' | 'order_id' | 'status' | 'currency' | 'sale_amount' | 'commission_amount' | 'original_amount' | 'original_currency' | 'status_reason'
> & { occurred_at: Date | string; expected_approval_at: Date | string | null };

const iso = (time: Date | string) => (typeof time === 'string' ? time : time.toISOString());

/** A conversion as the member sees it, mapped once. */
export function toDashboardConversion(row: MemberConversionSource): DashboardConversion {
  return {
    id: row.id,
    orderRef: maskOrderId(row.order_id),
    status: row.status,
    ...conversionMoney(row),
    occurredAt: iso(row.occurred_at),
    expectedApprovalAt: row.status === 'pending' && row.expected_approval_at !== null ? iso(row.expected_approval_at) : null,
    statusReason: row.status_reason,
  };
}

export async function dashboardConversionPage(
  db: Database,
  grant: DashboardGrant,
  filter: Pick<ConversionFilter, 'status' | 'from' | 'to'>,
  page: PageQuery | { limit: number; cursor?: string },
) {
  const rows = await conversionRows(db, grant.brandId, { ...filter, enrollmentId: grant.enrollmentId }, page);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], toDashboardConversion);
}

export async function dashboardPaymentPage(
  db: Database,
  grant: DashboardGrant,
  page: PageQuery | { limit: number; cursor?: string },
) {
  const rows = await paymentRows(db, grant.brandId, grant.enrollmentId, page);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], (r): DashboardPayment => {
    const { enrollmentId: _e, createdAt: _c, ...payment } = toPayment(r);
    return payment;
  });
}

/**
 * Refuses a token whose enrollment has ended, unless its brand keeps ended enrollments
 * readable (tokens outlive nothing they should not), and
 * returns the dashboard's version, read before the page so a tag is never newer than its data.
 */
export async function checkEnrollmentReadable(db: Database, grant: DashboardGrant): Promise<number> {
  const [row] = await db.query<Readability & { version: number }>(sql`
    SELECT e.status, b.ended_enrollment_access AS ended_access, t.version FROM enrollments e
    JOIN brands b ON b.id = e.brand_id
    JOIN enrollment_totals t ON t.brand_id = e.brand_id AND t.enrollment_id = e.id
    WHERE e.brand_id = ${grant.brandId} AND e.id = ${grant.enrollmentId}`);
  assertReadable(row);
  return Number(row!.version);
}
