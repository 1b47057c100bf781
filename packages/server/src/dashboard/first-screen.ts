import {
  dashboardMessages,
  describeTerms,
  nextPayoutAt,
  noProgress,
  payoutRemaining,
  periodStart,
  type CommissionStructure,
  type Dashboard,
  type DashboardConversion,
  type DashboardPayment,
  type DashboardTerms,
  type EndedEnrollmentAccess,
  type PayoutSchedule,
  type SeriesPoint,
} from '@affdash/core';
import { EMPTY_PROFILE, profileFromRow } from '../brand-profile/index.js';
import type { Database } from '../db/index.js';
import { sqlFile } from '../db/sql-file.js';
import { encodeCursor } from '../http/cursor.js';
import type { DashboardGrant } from '../keys/dashboard-tokens.js';
import { trackingUrl, type LinkContext } from '../enrollments/links.js';
import { toDashboardConversion } from './pages.js';
import { assertReadable } from './readable.js';
import { resolveRange, seriesDays } from './series.js';

export const FIRST_PAGE_SIZE = 10;

type Param =
  | 'brand_id'
  | 'enrollment_id'
  | 'page_rows'
  | 'series_from'
  | 'series_to'
  | 'month_start'
  | 'quarter_start'
  | 'year_start';
const firstScreenStatement = sqlFile<Param>('first-screen');

/** A conversion of the first page as the statement's JSON has it (times: `jsonTime`). */
type ConversionJson = Omit<ConversionItem, 'cursor_at'>;

/** What `toDashboardConversion` reads: times in the answer's form, and the page's cursor time. */
interface ConversionItem {
  id: string;
  order_id: string;
  status: DashboardConversion['status'];
  currency: string;
  sale_amount: number;
  commission_amount: number;
  original_amount: number | null;
  original_currency: string | null;
  occurred_at: string;
  expected_approval_at: string | null;
  status_reason: string | null;
  cursor_at: string;
}

interface PaymentItem {
  id: string;
  amount: number;
  currency: string;
  method: string;
  reference: string | null;
  paid_at: string;
}

/**
 * A UTC timestamp as PostgreSQL writes one into JSON, `2026-11-30T12:34:56.123456` (the
 * fraction without trailing zeros, or none), as the answer writes times
 * (`2026-11-30T12:34:56.123Z`, milliseconds cut as `to_char`'s `MS` cuts them) and as a cursor
 * keeps them (`…56.123456Z`, microseconds).
 */
export function jsonTime(value: string): { wire: string; cursor: string } {
  const dot = value.indexOf('.', 19);
  const base = value.slice(0, 19);
  const micros = (dot < 0 ? '' : value.slice(dot + 1)).padEnd(6, '0');
  return { wire: `${base}.${micros.slice(0, 3)}Z`, cursor: `${base}.${micros}Z` };
}

/** The statement's one JSON document (times: `jsonTime`). */
interface FirstScreenRow {
  enrollment_id: string;
  enrollment_status: Dashboard['enrollment']['status'];
  ended_at: string | null;
  ended_access: EndedEnrollmentAccess;
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
  version: number;
  tier_conversions: number;
  tier_sales: number;
  conversion_rows: ConversionJson[];
  payment_rows: PaymentItem[];
  series_rows: SeriesPoint[];
}

const day = (at: Date | null) => at?.toISOString().slice(0, 10) ?? null;

/** Everything the first screen shows, in one round trip (sql/first-screen.sql). */
async function firstScreenRow(
  db: Database,
  grant: DashboardGrant,
  range: { from: string; to: string },
  now: Date,
): Promise<FirstScreenRow | null> {
  const [row] = await db.query<{ screen: FirstScreenRow }>(
    firstScreenStatement({
      brand_id: grant.brandId,
      enrollment_id: grant.enrollmentId,
      page_rows: FIRST_PAGE_SIZE + 1,
      series_from: range.from,
      series_to: range.to,
      month_start: day(periodStart('month', now)),
      quarter_start: day(periodStart('quarter', now)),
      year_start: day(periodStart('year', now)),
    }),
  );
  return row?.screen ?? null;
}

/** The offer's terms in the reader's language, with the member's tier in the current period. */
function terms(r: FirstScreenRow, locale: string | undefined): DashboardTerms {
  const offer = { commission: r.commission, currency: r.currency, holdDays: r.hold_days };
  if (r.commission.type !== 'tiered') return describeTerms(offer, noProgress, locale);
  const progress =
    r.commission.period === 'lifetime'
      ? { conversions: r.conversions, sales: r.sales }
      : { conversions: r.tier_conversions, sales: r.tier_sales };
  return describeTerms(offer, progress, locale);
}

function page<Item, Out>(items: Item[], toItem: (item: Item) => Out, position: (item: Item) => [string, string]) {
  const more = items.length > FIRST_PAGE_SIZE;
  const rows = more ? items.slice(0, FIRST_PAGE_SIZE) : items;
  const last = rows[rows.length - 1];
  return { data: rows.map(toItem), nextCursor: more && last ? encodeCursor(...position(last)) : null };
}

function toPayment(p: PaymentItem): DashboardPayment {
  return {
    id: p.id,
    amount: { amount: p.amount, currency: p.currency },
    method: p.method,
    reference: p.reference,
    paidAt: jsonTime(p.paid_at).wire,
  };
}

function conversionItem(c: ConversionJson): ConversionItem {
  const occurred = jsonTime(c.occurred_at);
  return {
    ...c,
    occurred_at: occurred.wire,
    expected_approval_at: c.expected_approval_at && jsonTime(c.expected_approval_at).wire,
    cursor_at: occurred.cursor,
  };
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
 * language of `locale` (a BCP 47 tag; English when none is built in) and its terms worded in
 * it, and the enrollment's version (its ETag).
 */
export async function firstScreen(
  db: Database,
  ctx: LinkContext,
  grant: DashboardGrant,
  locale?: string,
  now = new Date(),
): Promise<{ dashboard: Dashboard; version: number }> {
  const range = resolveRange({}, now);
  const row = await firstScreenRow(db, grant, range, now);
  assertReadable(row && { status: row.enrollment_status, ended_access: row.ended_access });
  const r = row!;
  const money = (amount: number) => ({ amount, currency: r.currency });
  const balance = r.commission_approved - r.paid;
  const dashboard: Dashboard = {
    enrollment: {
      id: r.enrollment_id,
      status: r.enrollment_status,
      endedAt: r.ended_at && jsonTime(r.ended_at).wire,
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
      terms: terms(r, locale),
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
    conversions: page(r.conversion_rows.map(conversionItem), toDashboardConversion, (c) => [c.cursor_at, c.id]),
    payments: page(r.payment_rows, toPayment, (p) => [jsonTime(p.paid_at).cursor, p.id]),
    series: { ...range, currency: r.currency, points: seriesDays(range, r.series_rows) },
    payout: {
      minimum: money(r.payout_minimum),
      schedule: r.payout_schedule,
      nextPayoutAt: nextPayoutAt(r.payout_schedule, now).toISOString(),
      remaining: money(payoutRemaining(r.payout_minimum, balance)),
    },
    generatedAt: now.toISOString(),
    messages: dashboardMessages(locale),
  };
  return { dashboard, version: Number(r.version) };
}
