import pg from '@databases/pg';
import type { CommissionStructure, Conversion, ConversionStatus } from '@affdash/core';

const { sql } = pg;

/** Joined columns of conversions (`c`) with their enrollment (`e`): a `ConversionRow`. */
export const conversionColumns = sql`c.*, e.offer_id, e.member_id`;

export interface ConversionRow {
  brand_id: string;
  id: string;
  enrollment_id: string;
  offer_id: string;
  member_id: string;
  order_id: string;
  status: ConversionStatus;
  currency: string;
  sale_amount: number;
  commission_amount: number;
  commission_terms: CommissionStructure;
  occurred_at: Date;
  expected_approval_at: Date | null;
  status_reason: string | null;
  metadata: Record<string, string>;
  attributed_by: Conversion['attributedBy'];
  click_id: string | null;
  original_amount: number | null;
  original_currency: string | null;
  /** Who recorded it: the actor of its first event. */
  recorded_by: string;
  created_at: Date;
  updated_at: Date;
}

/** A conversion's sale and commission in the offer's currency, and the sale as the customer paid. */
export function conversionMoney(
  row: Pick<ConversionRow, 'sale_amount' | 'commission_amount' | 'currency' | 'original_amount' | 'original_currency'>,
): Pick<Conversion, 'sale' | 'commission' | 'original'> {
  return {
    sale: { amount: row.sale_amount, currency: row.currency },
    commission: { amount: row.commission_amount, currency: row.currency },
    original:
      row.original_amount === null || row.original_currency === null
        ? null
        : { amount: Number(row.original_amount), currency: row.original_currency },
  };
}

export function toConversion(row: ConversionRow): Conversion {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    offerId: row.offer_id,
    memberId: row.member_id,
    orderId: row.order_id,
    status: row.status,
    ...conversionMoney(row),
    attributedBy: row.attributed_by,
    clickId: row.click_id,
    occurredAt: row.occurred_at.toISOString(),
    expectedApprovalAt:
      row.status === 'pending' ? (row.expected_approval_at?.toISOString() ?? null) : null,
    statusReason: row.status_reason,
    metadata: row.metadata,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
