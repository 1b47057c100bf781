import type { CommissionStructure, TierCommission, TieredCommission } from '../schemas/commission.js';
import type { DashboardTerms } from '../schemas/dashboard.js';
import { fill, termsFor } from '../messages/index.js';
import { formatMoney } from '../money.js';
import { formattingLocale, numberFormat, pluralRules, relativeTimeFormat } from '../intl.js';
import { tierIndex, type TierProgress } from './compute.js';

/** A row of the tier table as people read it. */
export interface TierDescription {
  /** e.g. "Orders 1–10 this month", "Sales $1,000.00+ this month". */
  range: string;
  /** e.g. "10% of every sale", "$5.00 per order". */
  rate: string;
}

/** An offer's terms as the first screen words them. */
export interface OfferTerms {
  commission: CommissionStructure;
  currency: string;
  holdDays: number;
}

/** Formats basis points as a percentage: 1000 → "10%", 1050 → "10.5%". */
export function formatRate(rateBps: number, locale = 'en-US'): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rateBps / 10_000);
}

/**
 * The words of one language (by the tag's primary subtag, English when none is built in) and
 * Intl formatting in the tag itself: `it-IT` reads English with Italian numbers.
 */
function wording(currency: string, tag: string) {
  const locale = formattingLocale(tag);
  const t = termsFor(locale);
  const money = (amount: number) => formatMoney({ amount, currency }, locale);
  const rate = (c: TierCommission) =>
    c.type === 'percent' ? fill(t.percent, formatRate(c.rateBps, locale)) : fill(t.flat, money(c.amount));
  // "this month", "este trimestre", "dieses Jahr": Intl has the words; only "in total" is ours.
  const when = (s: TieredCommission) =>
    s.period === 'lifetime' ? t.lifetime : relativeTimeFormat(locale, { numeric: 'auto' }).format(0, s.period);
  return { locale, t, money, rate, when };
}

/** The tier table: one row per tier, in order, in the language of `locale`. */
export function describeTiers(structure: TieredCommission, currency: string, locale = 'en-US'): TierDescription[] {
  const { t, money, rate, when } = wording(currency, locale);
  const orders = structure.basis === 'conversions';
  return structure.tiers.map((tier, i) => {
    const next = structure.tiers[i + 1];
    // Counted tiers start after `from` earlier orders; sales tiers at `from` in sales.
    const [from, to] = orders ? [tier.from + 1, next?.from] : [money(tier.from), next && money(next.from)];
    const range = to === undefined ? `${from}+` : from === to ? `${from}` : `${from}–${to}`;
    return { range: fill(orders ? t.ordersTier : t.salesTier, range, when(structure)), rate: rate(tier.commission) };
  });
}

/** The whole structure in one sentence: "10% of every sale", "$5.00 per order", … */
export function describeCommission(structure: CommissionStructure, currency: string, locale = 'en-US'): string {
  const { t, money, rate, when } = wording(currency, locale);
  if (structure.type !== 'tiered') return rate(structure);
  const first = rate(structure.tiers[0]!.commission);
  const top = structure.tiers[structure.tiers.length - 1]!;
  return structure.basis === 'conversions'
    ? fill(t.risingOrders, first, rate(top.commission), top.from + 1, when(structure))
    : fill(t.risingSales, first, rate(top.commission), money(top.from), when(structure));
}

/** "Commissions are approved 30 days after the sale." */
export function describeHoldPeriod(holdDays: number, locale = 'en-US'): string {
  const { locale: tag, t } = wording('USD', locale);
  if (holdDays === 0) return t.holdNone;
  return fill(t.hold, numberFormat(tag, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(holdDays));
}

/**
 * How far the member is from the next tier: "3 more orders to reach the next tier", "$120.00
 * more in sales to reach the next tier"; null in the top tier.
 */
export function describeNextTier(
  structure: TieredCommission,
  currency: string,
  progress: TierProgress,
  locale = 'en-US',
): string | null {
  const next = structure.tiers[tierIndex(structure, progress) + 1];
  if (!next) return null;
  const { locale: tag, t, money } = wording(currency, locale);
  if (structure.basis === 'sales') return fill(t.nextTierSales, money(next.from - progress.sales));
  const orders = next.from - progress.conversions;
  const one = pluralRules(tag).select(orders) === 'one';
  return fill(one ? t.nextTierOrder : t.nextTierOrders, numberFormat(tag).format(orders));
}

/**
 * The terms a member reads, worded in the language of `locale`: the structure in a sentence,
 * the hold period, and for tiered offers the tier table, the member's tier (by `progress` in
 * the current period) and the way to the next one.
 */
export function describeTerms(offer: OfferTerms, progress: TierProgress, locale = 'en-US'): DashboardTerms {
  const { commission: c, currency } = offer;
  const words = { summary: describeCommission(c, currency, locale), holdPeriod: describeHoldPeriod(offer.holdDays, locale) };
  if (c.type !== 'tiered') return { ...words, tiers: null, currentTier: null, nextTier: null };
  return {
    ...words,
    tiers: describeTiers(c, currency, locale),
    currentTier: tierIndex(c, progress),
    nextTier: describeNextTier(c, currency, progress, locale),
  };
}
