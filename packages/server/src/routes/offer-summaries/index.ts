import pg from '@databases/pg';
import { Hono } from 'hono';
import { PageQuery, type OfferSummary } from '@affdash/core';
import type { AppEnv } from '../../http/context.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../../http/cursor.js';
import { validate } from '../../http/validate.js';
import { brandAccess } from '../../middleware/brand-access/index.js';

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

/**
 * `/v1/offer-summaries`: the brand's offers, newest first, each with its members and the sum of
 * its enrollments' totals (kept up to date with every write, so no conversion is read).
 */
export function offerSummaryRoutes() {
  return new Hono<AppEnv>()
    .use(brandAccess({ components: ['offers'] }))
    .get('/', validate('query', PageQuery), async (c) => {
      const query = c.req.valid('query');
      const after = decodeCursor(query.cursor);
      const only = c.get('session')?.offerIds;
      const rows = await c.get('deps').db.query<SummaryRow>(sql`
        SELECT o.id, o.name, o.status, o.currency, o.created_at, ${cursorAt(sql`o.created_at`)},
               count(e.id)::int AS members,
               coalesce(sum(t.conversions), 0)::bigint AS conversions,
               coalesce(sum(t.sales), 0)::bigint AS sales,
               coalesce(sum(t.commission_pending + t.commission_approved), 0)::bigint AS commission,
               coalesce(sum(t.paid), 0)::bigint AS paid
        FROM offers o
        LEFT JOIN enrollments e ON e.brand_id = o.brand_id AND e.offer_id = o.id
        LEFT JOIN enrollment_totals t ON t.brand_id = e.brand_id AND t.enrollment_id = e.id
        WHERE o.brand_id = ${c.get('brandId')}
        ${only ? sql`AND o.id IN (${sql.join(only.map((id) => sql`${id}`), sql`, `)})` : sql``}
        ${after ? sql`AND (o.created_at, o.id) < (${after.at}::timestamptz, ${after.id})` : sql``}
        GROUP BY o.brand_id, o.id
        ORDER BY o.created_at DESC, o.id DESC LIMIT ${query.limit + 1}`);
      const money = (amount: number, currency: string) => ({ amount: Number(amount), currency });
      return c.json(
        toPage(rows, query.limit, (r) => [r.cursor_at, r.id], (r): OfferSummary => ({
          id: r.id,
          name: r.name,
          status: r.status,
          members: r.members,
          conversions: Number(r.conversions),
          sales: money(r.sales, r.currency),
          commission: money(r.commission, r.currency),
          paid: money(r.paid, r.currency),
          createdAt: r.created_at.toISOString(),
        })),
      );
    });
}
