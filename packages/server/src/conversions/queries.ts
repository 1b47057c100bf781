import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { ConversionStatus, PageQuery } from '@affdash/core';
import type { Database } from '../db/index.js';
import { opaqueKey } from '../db/opaque-key.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { conversionColumns, toConversion, type ConversionRow } from './rows.js';

const { sql } = pg;

export interface ConversionFilter {
  enrollmentId?: string | undefined;
  status?: ConversionStatus | undefined;
  /** UTC days, both included, on `occurred_at`. */
  from?: string | undefined;
  to?: string | undefined;
}

const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** Conversions newest first (by when the sale happened), as rows. */
export async function conversionRows(
  db: Database,
  brandId: string,
  filter: ConversionFilter,
  page: PageQuery,
): Promise<(ConversionRow & CursorRow)[]> {
  const after = decodeCursor(page.cursor);
  return db.query<ConversionRow & CursorRow>(sql`
    SELECT ${conversionColumns}, ${cursorAt(sql`c.occurred_at`)} FROM conversions c
    JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id
    WHERE c.brand_id = ${brandId}
    ${filter.enrollmentId ? sql`AND c.enrollment_id = ${filter.enrollmentId}` : sql``}
    ${filter.status ? sql`AND c.status = ${filter.status}` : sql``}
    ${filter.from ? sql`AND c.occurred_at >= ${startOfDay(filter.from)}` : sql``}
    ${filter.to ? sql`AND c.occurred_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'UTC')` : sql``}
    ${after ? sql`AND (c.occurred_at, c.id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY c.occurred_at DESC, c.id DESC LIMIT ${page.limit + 1}`);
}

export async function listConversions(
  db: Database,
  brandId: string,
  filter: ConversionFilter,
  page: PageQuery,
) {
  const rows = await conversionRows(db, brandId, filter, page);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], toConversion);
}

export async function findConversion(
  db: Database,
  brandId: string,
  id: string,
): Promise<ConversionRow | null> {
  const [row] = await db.query<ConversionRow>(sql`
    SELECT ${conversionColumns} FROM conversions c
    JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id
    WHERE c.brand_id = ${opaqueKey(brandId)} AND c.id = ${id}`);
  return row ?? null;
}

/** The conversions of some order ids: one probe of the order-id key each (see `opaqueKey`). */
export function byOrderIdsQuery(brandId: string, orderIds: readonly string[]): SQLQuery {
  return sql`
    SELECT ${conversionColumns} FROM unnest(${[...new Set(orderIds)]}::text[]) AS u(order_id)
    CROSS JOIN LATERAL (
      SELECT * FROM conversions WHERE brand_id = ${opaqueKey(brandId)} AND order_id = u.order_id LIMIT 1
    ) AS c
    JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id`;
}

/** The conversions of some order ids, by order id. */
export async function findByOrderIds(db: Database, brandId: string, orderIds: readonly string[]): Promise<Map<string, ConversionRow>> {
  const rows = orderIds.length ? await db.query<ConversionRow>(byOrderIdsQuery(brandId, orderIds)) : [];
  return new Map(rows.map((row) => [row.order_id, row]));
}
