import pg from '@databases/pg';
import type { Enrollment, PageQuery } from '@affdash/core';
import { PgCode, pgConstraint, pgErrorCode, type Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { ApiError } from '../http/errors.js';
import { updateSet } from '../http/update-set.js';
import { hashSecret, newId } from '../keys/random.js';
import { dashboardLinkSecret } from '../keys/server-keys.js';
import { emitEvent } from '../webhooks/events.js';
import { dashboardUrl, trackingUrl, type LinkContext } from './links.js';
import { generatePromoCode, generateTrackingSlug } from './promo-code.js';

const { sql } = pg;

export interface EnrollmentRow {
  brand_id: string;
  id: string;
  offer_id: string;
  member_id: string;
  status: Enrollment['status'];
  promo_code: string;
  tracking_slug: string;
  link_version: number;
  link_hash: string;
  created_at: Date;
  updated_at: Date;
}

export function toEnrollment(row: EnrollmentRow, ctx: LinkContext): Enrollment {
  return {
    id: row.id,
    offerId: row.offer_id,
    memberId: row.member_id,
    status: row.status,
    promoCode: row.promo_code,
    trackingUrl: trackingUrl(ctx, row.tracking_slug),
    dashboardUrl: dashboardUrl(ctx, row),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const MAX_CODE_DRAWS = 8;

export interface NewEnrollment {
  offerId: string;
  memberId: string;
  codePrefix: string | null;
  memberName: string;
  /** A code the brand chose; generated when absent. */
  promoCode?: string | undefined;
  /** Draws a generated code; `generatePromoCode(codePrefix, memberName)` by default. */
  generateCode?: (() => string) | undefined;
}

/**
 * Enrolls a member in an offer with a unique promo code, tracking slug and dashboard link,
 * opens its totals row and emits `enrollment.created`, in one transaction. A generated code that collides is drawn
 * again; a chosen code that is taken, or a second enrollment of the pair, is a 409.
 */
export async function insertEnrollment(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  e: NewEnrollment,
): Promise<Enrollment> {
  const result = await db.tx((db) => tryInsertEnrollment(db, ctx, brandId, e));
  if ('error' in result) throw result.error;
  return result.enrollment;
}

/**
 * `insertEnrollment` that reports a conflict instead of throwing it: nothing fails in the
 * database (inserts are `ON CONFLICT DO NOTHING`), so a batch can go on in the same
 * transaction. Run it inside one.
 */
export async function tryInsertEnrollment(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  e: NewEnrollment,
): Promise<{ enrollment: Enrollment } | { error: ApiError }> {
  const generate = e.generateCode ?? (() => generatePromoCode(e.codePrefix, e.memberName));
  for (let draw = 0; draw < MAX_CODE_DRAWS; draw++) {
    const id = newId('enr');
    const code = e.promoCode ?? generate();
    const linkHash = hashSecret(dashboardLinkSecret(ctx.keys, brandId, id, 1));
    const [row] = await db.query<EnrollmentRow>(sql`
      INSERT INTO enrollments (brand_id, id, offer_id, member_id, status, promo_code,
                               tracking_slug, link_version, link_hash)
      VALUES (${brandId}, ${id}, ${e.offerId}, ${e.memberId}, 'active', ${code},
              ${generateTrackingSlug()}, 1, ${linkHash})
      ON CONFLICT DO NOTHING
      RETURNING *`);
    if (row) {
      await db.query(sql`
        INSERT INTO enrollment_totals (brand_id, enrollment_id) VALUES (${brandId}, ${id})`);
      const enrollment = toEnrollment(row, ctx);
      // the dashboard link carries a secret that is never stored: the event leaves it out
      const { dashboardUrl: _secret, ...data } = enrollment;
      await emitEvent(db, brandId, 'enrollment.created', data);
      return { enrollment };
    }
    const [existing] = await db.query<{ id: string }>(sql`
      SELECT id FROM enrollments
      WHERE brand_id = ${brandId} AND offer_id = ${e.offerId} AND member_id = ${e.memberId}`);
    if (existing) {
      return {
        error: new ApiError('conflict', 'This member is already enrolled in this offer.', {
          enrollmentId: existing.id,
        }),
      };
    }
    if (e.promoCode) {
      return { error: new ApiError('conflict', `The promo code ${code} is already taken.`, { promoCode: code }) };
    }
  }
  return { error: new ApiError('conflict', 'Could not find a free promo code; set a longer prefix.') };
}

export async function findEnrollment(
  db: Database,
  brandId: string,
  id: string,
): Promise<EnrollmentRow | null> {
  const [row] = await db.query<EnrollmentRow>(
    sql`SELECT * FROM enrollments WHERE brand_id = ${brandId} AND id = ${id}`,
  );
  return row ?? null;
}

export async function listEnrollments(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  query: PageQuery & { offerId?: string | undefined; memberId?: string | undefined },
) {
  const after = decodeCursor(query.cursor);
  const rows = await db.query<EnrollmentRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`created_at`)} FROM enrollments WHERE brand_id = ${brandId}
    ${query.offerId ? sql`AND offer_id = ${query.offerId}` : sql``}
    ${query.memberId ? sql`AND member_id = ${query.memberId}` : sql``}
    ${after ? sql`AND (created_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT ${query.limit + 1}`);
  return toPage(rows, query.limit, (r) => [r.cursor_at, r.id], (r) => toEnrollment(r, ctx));
}

export async function updateEnrollment(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  id: string,
  patch: { status?: Enrollment['status'] | undefined; promoCode?: string | undefined },
): Promise<Enrollment | null> {
  try {
    const [row] = await db.query<EnrollmentRow>(sql`
      UPDATE enrollments SET ${updateSet(patch, { status: 'status', promoCode: 'promo_code' })}
      WHERE brand_id = ${brandId} AND id = ${id} RETURNING *`);
    return row ? toEnrollment(row, ctx) : null;
  } catch (error) {
    if (pgErrorCode(error) === PgCode.uniqueViolation && pgConstraint(error) !== undefined) {
      throw new ApiError('conflict', `The promo code ${patch.promoCode} is already taken.`);
    }
    throw error;
  }
}
