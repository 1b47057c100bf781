import pg from '@databases/pg';
import type { DashboardStatement } from '@affdash/core';
import type { Database } from '../db/index.js';
import { encodeCursor } from '../http/cursor.js';
import type { DashboardGrant } from '../keys/dashboard-tokens.js';
import { conversionRows, type ConversionFilter } from '../conversions/queries.js';
import { toConversion } from '../conversions/rows.js';
import { paymentRows, toPayment } from '../payments/queries.js';
import { csvRow, csvStream, decimal } from './csv.js';
import { maskOrderId } from './pages.js';

const { sql } = pg;
/** Rows read per page while streaming an export. */
export const EXPORT_PAGE_SIZE = 500;

/** Pages through a keyset-paginated list, returning null once it is exhausted. */
function pager<R extends { cursor_at: string; id: string }>(
  fetch: (page: { limit: number; cursor?: string }) => Promise<R[]>,
  toCsv: (row: R) => string,
): () => Promise<string[] | null> {
  let cursor: string | undefined;
  let done = false;
  return async () => {
    if (done) return null;
    const rows = await fetch({ limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    const page = rows.slice(0, EXPORT_PAGE_SIZE);
    done = rows.length <= EXPORT_PAGE_SIZE;
    const last = page.at(-1);
    if (last) cursor = encodeCursor(last.cursor_at, last.id);
    if (page.length === 0) return null;
    return page.map(toCsv);
  };
}

export const CONVERSION_CSV_HEADER = [
  'id', 'order_ref', 'status', 'occurred_at', 'expected_approval_at', 'sale', 'commission', 'currency',
  'status_reason',
] as const;

/** The member's conversions (order ids masked), newest first, as a streamed CSV body. */
export function conversionsCsv(
  db: Database,
  grant: DashboardGrant,
  filter: Pick<ConversionFilter, 'status' | 'from' | 'to'>,
): ReadableStream<Uint8Array> {
  const next = pager(
    (page) => conversionRows(db, grant.brandId, { ...filter, enrollmentId: grant.enrollmentId }, page),
    (row) => {
      const c = toConversion(row);
      return csvRow([
        c.id,
        maskOrderId(c.orderId),
        c.status,
        c.occurredAt,
        c.expectedApprovalAt,
        decimal(c.sale.amount, c.sale.currency),
        decimal(c.commission.amount, c.commission.currency),
        c.commission.currency,
        c.statusReason,
      ]);
    },
  );
  return csvStream(CONVERSION_CSV_HEADER, next);
}

export const PAYMENT_CSV_HEADER = ['id', 'paid_at', 'amount', 'currency', 'method', 'reference'] as const;

/** The payments made to the member, newest first, as a streamed CSV body. */
export function paymentsCsv(db: Database, grant: DashboardGrant): ReadableStream<Uint8Array> {
  const next = pager(
    (page) => paymentRows(db, grant.brandId, grant.enrollmentId, page),
    (row) => {
      const p = toPayment(row);
      return csvRow([
        p.id, p.paidAt, decimal(p.amount.amount, p.amount.currency), p.amount.currency, p.method, p.reference,
      ]);
    },
  );
  return csvStream(PAYMENT_CSV_HEADER, next);
}

/**
 * One month's statement from the daily rollup: balance before the month, commission of the
 * month's sales approved (including what was reversed since), reversed, payments, balance after.
 */
export async function statement(
  db: Database,
  grant: DashboardGrant,
  month: string,
  currency: string,
): Promise<DashboardStatement> {
  const start = `${month}-01`;
  const [row] = await db.query<{ opening: number; approved: number; reversed: number; payments: number }>(sql`
    SELECT
      COALESCE(sum(commission_approved - paid) FILTER (WHERE day < ${start}::date), 0)::bigint AS opening,
      COALESCE(sum(commission_approved + commission_reversed) FILTER (WHERE day >= ${start}::date), 0)::bigint
        AS approved,
      COALESCE(sum(commission_reversed) FILTER (WHERE day >= ${start}::date), 0)::bigint AS reversed,
      COALESCE(sum(paid) FILTER (WHERE day >= ${start}::date), 0)::bigint AS payments
    FROM enrollment_daily
    WHERE brand_id = ${grant.brandId} AND enrollment_id = ${grant.enrollmentId}
      AND day < (${start}::date + interval '1 month')`);
  const opening = Number(row?.opening ?? 0);
  const approved = Number(row?.approved ?? 0);
  const reversed = Number(row?.reversed ?? 0);
  const payments = Number(row?.payments ?? 0);
  const money = (amount: number) => ({ amount, currency });
  return {
    month,
    currency,
    openingBalance: money(opening),
    approved: money(approved),
    reversed: money(reversed),
    payments: money(payments),
    closingBalance: money(opening + approved - reversed - payments),
  };
}

export const STATEMENT_CSV_HEADER = [
  'month', 'currency', 'opening_balance', 'approved', 'reversed', 'payments', 'closing_balance',
] as const;

export function statementCsv(s: DashboardStatement): string {
  const d = (m: { amount: number }) => decimal(m.amount, s.currency);
  return csvRow(STATEMENT_CSV_HEADER) + csvRow([
    s.month, s.currency, d(s.openingBalance), d(s.approved), d(s.reversed), d(s.payments), d(s.closingBalance),
  ]);
}
