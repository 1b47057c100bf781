import pg from '@databases/pg';
import type { AttributionRule, CommissionStructure, ConversionCreate } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { ApiError, notFound } from '../http/errors.js';
import { opaqueKey } from '../db/opaque-key.js';
import { named } from '../db/statement.js';

const { sql } = pg;

/** An enrollment a sale can be attributed to, with what recording needs of its offer. */
export interface AttributionTarget {
  enrollment_id: string;
  offer_id: string;
  member_id: string;
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

/** The enrollments a set of sales name, by enrollment id, promo code (upper case) and click id. */
export interface AttributionTargets {
  byEnrollment: Map<string, AttributionTarget>;
  byPromoCode: Map<string, AttributionTarget>;
  byClick: Map<string, AttributionTarget>;
}

/** Promo codes are stored upper case and looked up so. */
const promoCodeKey = (code: string) => code.trim().toUpperCase();

/**
 * Looks up, in one query, every enrollment the sales name: by id, by promo code
 * (case-insensitive) and through their clicks.
 */
export async function findTargets(
  db: Database,
  brandId: string,
  inputs: readonly AttributionInput[],
): Promise<AttributionTargets> {
  const distinct = (pick: (i: AttributionInput) => string | undefined) => [
    ...new Set(inputs.map(pick).filter((v): v is string => v !== undefined)),
  ];
  const enrollmentIds = distinct((i) => i.enrollmentId);
  const promoCodes = distinct((i) => (i.promoCode === undefined ? undefined : promoCodeKey(i.promoCode)));
  const clickIds = distinct((i) => i.clickId);
  const found: AttributionTargets = { byEnrollment: new Map(), byPromoCode: new Map(), byClick: new Map() };
  if (!enrollmentIds.length && !promoCodes.length && !clickIds.length) return found;
  const rows = await db.query<AttributionTarget & { kind: 'enrollment' | 'promo_code' | 'click'; key: string }>(named('attribution_targets', sql`
    SELECT k.kind, k.key, e.id AS enrollment_id, e.offer_id, e.member_id,
           e.status AS enrollment_status, o.status AS offer_status,
           o.currency, o.commission, o.hold_days, o.attribution
    FROM (
      SELECT 'enrollment' AS kind, u.id AS key, u.id AS enrollment_id
      FROM unnest(${enrollmentIds}::text[]) AS u(id)
      UNION ALL
      SELECT 'promo_code', e.promo_code, e.id FROM enrollments e
      WHERE e.brand_id = ${brandId} AND e.promo_code = ANY (${promoCodes}::text[])
      UNION ALL
      SELECT 'click', c.id, c.enrollment_id FROM clicks c
      WHERE c.brand_id = ${opaqueKey(brandId)} AND c.id = ANY (${clickIds}::text[])
    ) AS k
    JOIN enrollments e ON e.brand_id = ${brandId} AND e.id = k.enrollment_id
    JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id`));
  const maps = { enrollment: found.byEnrollment, promo_code: found.byPromoCode, click: found.byClick };
  for (const { kind, key, ...target } of rows) maps[kind].set(key, target);
  return found;
}

/**
 * Finds the one enrollment a sale belongs to among `found`. An enrollment id is taken as is.
 * A promo code (case-insensitive) and a click id must each be known; when both are given and
 * belong to different enrollments, the `attribution` rule of the promo code's offer decides:
 * `promo_code_first` (the default) or `click_first`. Never more than one enrollment.
 */
export function attribute(input: AttributionInput, found: AttributionTargets): Attribution {
  if (input.enrollmentId !== undefined) {
    const target = found.byEnrollment.get(input.enrollmentId);
    if (!target) throw notFound('enrollment');
    return { target, attributedBy: 'enrollment', clickId: null };
  }
  let byCode: AttributionTarget | null = null;
  if (input.promoCode !== undefined) {
    byCode = found.byPromoCode.get(promoCodeKey(input.promoCode)) ?? null;
    if (!byCode) {
      throw new ApiError('unknown_promo_code', `No enrollment has the promo code "${input.promoCode}".`);
    }
  }
  let byClick: AttributionTarget | null = null;
  if (input.clickId !== undefined) {
    byClick = found.byClick.get(input.clickId) ?? null;
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

/**
 * Whether the attributed enrollment may take the sale: it and its offer are active (not
 * paused, not ended or archived), and
 * the sale is in the offer's currency (or that is the currency of `originalAmount`).
 */
export function checkSale(target: AttributionTarget, input: z.output<typeof ConversionCreate>): void {
  if (target.enrollment_status !== 'active' || target.offer_status !== 'active') {
    const state = target.enrollment_status === 'ended' || target.offer_status === 'archived' ? 'has ended' : 'is paused';
    throw new ApiError('enrollment_inactive', `This enrollment or its offer ${state}: it takes no sales.`);
  }
  const currency = input.currency ?? target.currency;
  if (currency !== target.currency && currency !== input.originalAmount?.currency) {
    throw new ApiError(
      'currency_mismatch',
      `The offer pays in ${target.currency}; this sale is in ${currency}. ` +
        `Send amount in ${target.currency} and the order's own amount as originalAmount.`,
    );
  }
}
