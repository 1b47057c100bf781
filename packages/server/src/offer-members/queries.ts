import pg from '@databases/pg';
import type { OfferMember, OfferMemberListQuery, PageQuery } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { dashboardUrl, trackingUrl, type LinkContext } from '../enrollments/links.js';
import type { EnrollmentRow } from '../enrollments/queries.js';

const { sql } = pg;

interface OfferMemberRow extends EnrollmentRow {
  name: string;
  email: string | null;
  email_opt_out: boolean;
  last_emailed_at: Date | null;
}

function toOfferMember(row: OfferMemberRow, ctx: LinkContext): OfferMember {
  return {
    memberId: row.member_id,
    enrollmentId: row.id,
    name: row.name,
    email: row.email,
    emailOptOut: row.email_opt_out,
    status: row.status,
    promoCode: row.promo_code,
    trackingUrl: trackingUrl(ctx, row.tracking_slug),
    dashboardUrl: dashboardUrl(ctx, row),
    lastEmailedAt: row.last_emailed_at?.toISOString() ?? null,
    enrolledAt: row.created_at.toISOString(),
  };
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The offer's members, newest enrollment first, with when each was last emailed (a message
 * queued or sent to them; tests and failed messages do not count). `q` matches name, email or
 * promo code; the filters narrow by status, opt-out and when they were last emailed.
 */
export async function listOfferMembers(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  offerId: string,
  query: PageQuery & z.output<typeof OfferMemberListQuery>,
) {
  const after = decodeCursor(query.cursor);
  const q = query.q ? likePattern(query.q) : null;
  const rows = await db.query<OfferMemberRow & CursorRow>(sql`
    SELECT e.*, m.name, m.email, m.email_opt_out, last.at AS last_emailed_at, ${cursorAt(sql`e.created_at`)}
    FROM enrollments e
    JOIN members m ON m.brand_id = e.brand_id AND m.id = e.member_id
    LEFT JOIN LATERAL (
      SELECT max(created_at) AS at FROM email_messages em
      WHERE em.brand_id = e.brand_id AND em.enrollment_id = e.id AND em.status <> 'failed'
    ) last ON true
    WHERE e.brand_id = ${brandId} AND e.offer_id = ${offerId}
    ${q ? sql`AND (m.name ILIKE ${q} OR m.email ILIKE ${q} OR e.promo_code ILIKE ${q})` : sql``}
    ${query.status ? sql`AND e.status = ${query.status}` : sql``}
    ${query.optedOut !== undefined ? sql`AND m.email_opt_out = ${query.optedOut}` : sql``}
    ${query.neverEmailed === true ? sql`AND last.at IS NULL` : sql``}
    ${query.neverEmailed === false ? sql`AND last.at IS NOT NULL` : sql``}
    ${query.emailedBefore ? sql`AND last.at < ${query.emailedBefore}::timestamptz` : sql``}
    ${after ? sql`AND (e.created_at, e.id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY e.created_at DESC, e.id DESC LIMIT ${query.limit + 1}`);
  return toPage(rows, query.limit, (r) => [r.cursor_at, r.id], (r) => toOfferMember(r, ctx));
}
