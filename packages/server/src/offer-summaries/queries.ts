import pg from '@databases/pg';
import type { OfferSummary, PageQuery } from '@affdash/core';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';

const { sql } = pg;

interface SummaryRow extends CursorRow {
  id: string;
  name: string;
  status: OfferSummary['status'];
  currency: string;
  created_at: Date;
  members: number;
  conversions: number;
  sales: number;
  commission: number;
  paid: number;
}

function toOfferSummary(r: SummaryRow): OfferSummary {
  const money = (amount: number) => ({ amount: Number(amount), currency: r.currency });
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    members: r.members,
    conversions: Number(r.conversions),
    sales: money(r.sales),
    commission: money(r.commission),
    paid: money(r.paid),
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * The brand's offers, newest first, each with its members and the sum of its enrollments'
 * totals (kept up to date with every write, so no conversion is read); with `only`, just
 * those offers (a brand session's).
 */
export async function listOfferSummaries(
  db: Database,
  brandId: string,
  query: PageQuery,
  only?: readonly string[] | null,
) {
  const after = decodeCursor(query.cursor);
  const rows = await db.query<SummaryRow>(sql`
    SELECT o.id, o.name, o.status, o.currency, o.created_at, ${cursorAt(sql`o.created_at`)},
           count(e.id)::int AS members,
           coalesce(sum(t.conversions), 0)::bigint AS conversions,
           coalesce(sum(t.sales), 0)::bigint AS sales,
           coalesce(sum(t.commission_pending + t.commission_approved), 0)::bigint AS commission,
           coalesce(sum(t.paid), 0)::bigint AS paid
    FROM offers o
    LEFT JOIN enrollments e ON e.brand_id = o.brand_id AND e.offer_id = o.id
    LEFT JOIN enrollment_totals t ON t.brand_id = e.brand_id AND t.enrollment_id = e.id
    WHERE o.brand_id = ${brandId}
    ${only ? sql`AND o.id IN (${sql.join(only.map((id) => sql`${id}`), sql`, `)})` : sql``}
    ${after ? sql`AND (o.created_at, o.id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    GROUP BY o.brand_id, o.id
    ORDER BY o.created_at DESC, o.id DESC LIMIT ${query.limit + 1}`);
  return toPage(rows, query.limit, (r) => [r.cursor_at, r.id], toOfferSummary);
}
