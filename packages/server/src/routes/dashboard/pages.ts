import pg from '@databases/pg';
import type { DashboardConversion, DashboardPayment, PageQuery } from '@affdash/core';
import type { Database } from '../../db/index.js';
import { toPage } from '../../http/cursor.js';
import type { DashboardGrant } from '../../keys/dashboard-tokens.js';
import { conversionRows, type ConversionFilter } from '../conversions/queries.js';
import { toConversion } from '../conversions/rows.js';
import { paymentRows, toPayment } from '../payments/queries.js';
import { assertReadable } from './readable.js';

const { sql } = pg;

/** Order ids can be customer data: the member sees only the last four characters. */
export function maskOrderId(orderId: string): string {
  return orderId.length <= 4 ? '••••' : `•••${orderId.slice(-4)}`;
}

function toDashboardConversion(c: ReturnType<typeof toConversion>): DashboardConversion {
  return {
    id: c.id,
    orderRef: maskOrderId(c.orderId),
    status: c.status,
    sale: c.sale,
    commission: c.commission,
    original: c.original,
    occurredAt: c.occurredAt,
    expectedApprovalAt: c.expectedApprovalAt,
    statusReason: c.statusReason,
  };
}

export async function dashboardConversionPage(
  db: Database,
  grant: DashboardGrant,
  filter: Pick<ConversionFilter, 'status' | 'from' | 'to'>,
  page: PageQuery | { limit: number; cursor?: string },
) {
  const rows = await conversionRows(db, grant.brandId, { ...filter, enrollmentId: grant.enrollmentId }, page);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], (r) =>
    toDashboardConversion(toConversion(r)),
  );
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

/** Refuses a token whose enrollment has ended (tokens outlive nothing they should not). */
export async function checkEnrollmentReadable(db: Database, grant: DashboardGrant): Promise<void> {
  const [row] = await db.query<{ status: string }>(sql`
    SELECT status FROM enrollments WHERE brand_id = ${grant.brandId} AND id = ${grant.enrollmentId}`);
  assertReadable(row?.status);
}
