import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { AttributionRule, CommissionStructure } from '@affdash/core';
import type { Database } from '../../db/index.js';
import { ApiError, notFound } from '../../http/errors.js';

const { sql } = pg;

/** An enrollment a sale can be attributed to, with what recording needs of its offer. */
export interface AttributionTarget {
  enrollment_id: string;
  enrollment_status: string;
  offer_status: string;
  currency: string;
  commission: CommissionStructure;
  hold_days: number;
  attribution: AttributionRule;
}

export type AttributedBy = 'promo_code' | 'click' | 'enrollment';

export interface Attribution {
  target: AttributionTarget;
  attributedBy: AttributedBy;
  /** The click of the chosen enrollment, when one was reported. */
  clickId: string | null;
}

export interface AttributionInput {
  promoCode?: string | undefined;
  clickId?: string | undefined;
  enrollmentId?: string | undefined;
}

async function findTarget(db: Database, brandId: string, where: SQLQuery): Promise<AttributionTarget | null> {
  const [row] = await db.query<AttributionTarget>(sql`
    SELECT e.id AS enrollment_id, e.status AS enrollment_status, o.status AS offer_status,
           o.currency, o.commission, o.hold_days, o.attribution
    FROM enrollments e JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
    WHERE e.brand_id = ${brandId} AND ${where}`);
  return row ?? null;
}

/**
 * Finds the one enrollment a sale belongs to. An enrollment id is taken as is. A promo code
 * (case-insensitive) and a click id must each be known; when both are given and belong to
 * different enrollments, the `attribution` rule of the promo code's offer decides:
 * `promo_code_first` (the default) or `click_first`. Never more than one enrollment.
 */
export async function attribute(db: Database, brandId: string, input: AttributionInput): Promise<Attribution> {
  if (input.enrollmentId !== undefined) {
    const target = await findTarget(db, brandId, sql`e.id = ${input.enrollmentId}`);
    if (!target) throw notFound('enrollment');
    return { target, attributedBy: 'enrollment', clickId: null };
  }
  let byCode: AttributionTarget | null = null;
  if (input.promoCode !== undefined) {
    byCode = await findTarget(db, brandId, sql`e.promo_code = ${input.promoCode.trim().toUpperCase()}`);
    if (!byCode) {
      throw new ApiError('unknown_promo_code', `No enrollment has the promo code "${input.promoCode}".`);
    }
  }
  let byClick: AttributionTarget | null = null;
  if (input.clickId !== undefined) {
    byClick = await findTarget(
      db,
      brandId,
      sql`e.id = (SELECT enrollment_id FROM clicks WHERE brand_id = ${brandId} AND id = ${input.clickId})`,
    );
    if (!byClick) throw new ApiError('unknown_click', `No click has the id "${input.clickId}".`);
  }
  if (byCode && byClick) {
    if (byCode.enrollment_id === byClick.enrollment_id || byCode.attribution === 'click_first') {
      return { target: byClick, attributedBy: 'click', clickId: input.clickId! };
    }
    return { target: byCode, attributedBy: 'promo_code', clickId: null };
  }
  if (byClick) return { target: byClick, attributedBy: 'click', clickId: input.clickId! };
  return { target: byCode!, attributedBy: 'promo_code', clickId: null };
}
