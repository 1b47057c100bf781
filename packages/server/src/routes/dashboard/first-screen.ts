import pg from '@databases/pg';
import {
  dashboardMessages,
  describeTerms,
  nextPayoutAt,
  noProgress,
  payoutRemaining,
  periodStart,
  type CommissionStructure,
  type Dashboard,
  type DashboardTerms,
  type PayoutSchedule,
} from '@affdash/core';
import { EMPTY_PROFILE, profileFromRow } from '../../brand-profile/index.js';
import type { Database } from '../../db/index.js';
import type { DashboardGrant } from '../../keys/dashboard-tokens.js';
import { trackingUrl, type LinkContext } from '../enrollments/queries.js';
import { dashboardConversionPage, dashboardPaymentPage } from './pages.js';
import { assertReadable } from './readable.js';
import { resolveRange, seriesPoints } from './series.js';

const { sql } = pg;
export const FIRST_PAGE_SIZE = 10;

interface FirstScreenRow {
  enrollment_id: string;
  enrollment_status: Dashboard['enrollment']['status'];
  promo_code: string;
  tracking_slug: string;
  brand_name: string;
  logo_url: string | null;
  display_name: string | null;
  accent_color: string | null;
  accent_text_color: string | null;
  member_name: string;
  offer_id: string;
  offer_name: string;
  description: string;
  offer_status: Dashboard['offer']['status'];
  currency: string;
  hold_days: number;
  commission: CommissionStructure;
  payout_minimum: number;
  payout_schedule: PayoutSchedule;
  clicks: number;
  conversions: number;
  sales: number;
  commission_pending: number;
  commission_approved: number;
  paid: number;
}

/** Everything the first screen needs in one query: enrollment, brand, member, offer, totals. */
async function firstScreenRow(db: Database, grant: DashboardGrant): Promise<FirstScreenRow | null> {
  const [row] = await db.query<FirstScreenRow>(sql`
    SELECT e.id AS enrollment_id, e.status AS enrollment_status, e.promo_code, e.tracking_slug,
           b.name AS brand_name, b.logo_url, b.display_name, b.accent_color, b.accent_text_color,
           m.name AS member_name,
           o.id AS offer_id, o.name AS offer_name, o.description, o.status AS offer_status,
           o.currency, o.hold_days, o.commission,
           o.payout_minimum, o.payout_schedule,
           t.clicks, t.conversions, t.sales, t.commission_pending, t.commission_approved, t.paid
    FROM enrollments e
    JOIN brands b ON b.id = e.brand_id
    JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
    JOIN members m ON m.brand_id = e.brand_id AND m.id = e.member_id
    JOIN enrollment_totals t ON t.brand_id = e.brand_id AND t.enrollment_id = e.id
    WHERE e.brand_id = ${grant.brandId} AND e.id = ${grant.enrollmentId}`);
  return row ?? null;
}

/** The offer's terms in the reader's language, with the member's tier in the current period. */
async function terms(
  db: Database,
  grant: DashboardGrant,
  commission: CommissionStructure,
  currency: string,
  holdDays: number,
  locale: string | undefined,
): Promise<DashboardTerms> {
  const offer = { commission, currency, holdDays };
  if (commission.type !== 'tiered') return describeTerms(offer, noProgress, locale);
  const start = periodStart(commission.period, new Date());
  const [progress] = await db.query<{ conversions: number; sales: number }>(sql`
    SELECT count(*)::bigint AS conversions, COALESCE(sum(sale_amount), 0)::bigint AS sales
    FROM conversions
    WHERE brand_id = ${grant.brandId} AND enrollment_id = ${grant.enrollmentId}
      AND status IN ('pending', 'approved')
      ${start ? sql`AND occurred_at >= ${start}` : sql``}`);
  return describeTerms(offer, progress ?? noProgress, locale);
}

/** The brand as its profile shows it: display name, an https logo, the accent and the text on it. */
function brandOf(r: FirstScreenRow): Dashboard['brand'] {
  const profile = profileFromRow({
    ...EMPTY_PROFILE,
    name: r.brand_name,
    display_name: r.display_name,
    logo_url: r.logo_url,
    accent_color: r.accent_color,
    accent_text_color: r.accent_text_color,
  });
  return {
    name: profile.displayName,
    logoUrl: profile.logoUrl,
    accentColor: profile.accentColor,
    accentTextColor: profile.accentTextColor,
  };
}

/**
 * The dashboard's first screen for the enrollment a token grants, with the words of the
 * language of `locale` (a BCP 47 tag; English when none is built in) and its terms worded in it.
 */
export async function firstScreen(
  db: Database,
  ctx: LinkContext,
  grant: DashboardGrant,
  locale?: string,
): Promise<Dashboard> {
  const page = { limit: FIRST_PAGE_SIZE };
  const now = new Date();
  const range = resolveRange({}, now);
  const [row, conversions, payments, points] = await Promise.all([
    firstScreenRow(db, grant),
    dashboardConversionPage(db, grant, {}, page),
    dashboardPaymentPage(db, grant, page),
    seriesPoints(db, grant, range),
  ]);
  assertReadable(row?.enrollment_status);
  const r = row!;
  const money = (amount: number) => ({ amount, currency: r.currency });
  const balance = r.commission_approved - r.paid;
  return {
    enrollment: {
      id: r.enrollment_id,
      status: r.enrollment_status,
      promoCode: r.promo_code,
      trackingUrl: trackingUrl(ctx, r.tracking_slug),
    },
    brand: brandOf(r),
    member: { name: r.member_name },
    offer: {
      id: r.offer_id,
      name: r.offer_name,
      description: r.description,
      status: r.offer_status,
      currency: r.currency,
      holdDays: r.hold_days,
      commission: r.commission,
      terms: await terms(db, grant, r.commission, r.currency, r.hold_days, locale),
    },
    totals: {
      clicks: r.clicks,
      conversions: r.conversions,
      sales: money(r.sales),
      pending: money(r.commission_pending),
      approved: money(r.commission_approved),
      paid: money(r.paid),
      balance: money(balance),
      expected: money(r.commission_pending + balance),
    },
    conversions,
    payments,
    series: { ...range, currency: r.currency, points },
    payout: {
      minimum: money(r.payout_minimum),
      schedule: r.payout_schedule,
      nextPayoutAt: nextPayoutAt(r.payout_schedule, now).toISOString(),
      remaining: money(payoutRemaining(r.payout_minimum, balance)),
    },
    generatedAt: now.toISOString(),
    messages: dashboardMessages(locale),
  };
}
