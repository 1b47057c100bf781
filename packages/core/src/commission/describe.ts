import type { CommissionStructure, TierCommission, TieredCommission } from '../schemas/commission.js';
import { formatMoney } from '../money.js';

/** A row of the tier table as people read it. */
export interface TierDescription {
  /** e.g. "Orders 1–10 this month", "From $1,000.00 in sales this month". */
  range: string;
  /** e.g. "10% of every sale", "$5.00 per order". */
  rate: string;
}

const periodWords = {
  month: 'this month',
  quarter: 'this quarter',
  year: 'this year',
  lifetime: 'in total',
} as const;

/** Formats basis points as a percentage: 1000 → "10%", 1050 → "10.5%". */
export function formatRate(rateBps: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    rateBps / 10_000,
  );
}

function describeTierCommission(c: TierCommission, currency: string, locale: string): string {
  return c.type === 'percent'
    ? `${formatRate(c.rateBps, locale)} of every sale`
    : `${formatMoney({ amount: c.amount, currency }, locale)} per order`;
}

/** The tier table: one row per tier, in order. */
export function describeTiers(
  structure: TieredCommission,
  currency: string,
  locale = 'en-US',
): TierDescription[] {
  const when = periodWords[structure.period];
  return structure.tiers.map((tier, i) => {
    const next = structure.tiers[i + 1];
    const rate = describeTierCommission(tier.commission, currency, locale);
    if (structure.basis === 'conversions') {
      const first = tier.from + 1;
      const range = next
        ? next.from === first
          ? `Order ${first} ${when}`
          : `Orders ${first}–${next.from} ${when}`
        : `Order ${first} onward ${when}`;
      return { range, rate };
    }
    const money = (amount: number) => formatMoney({ amount, currency }, locale);
    const range = next
      ? `${i === 0 ? 'Sales up to' : `Sales from ${money(tier.from)} to`} ${money(next.from)} ${when}`
      : `Sales from ${money(tier.from)} ${when}`;
    return { range, rate };
  });
}

/** The whole structure in one sentence: "10% of every sale", "$5.00 per order", … */
export function describeCommission(
  structure: CommissionStructure,
  currency: string,
  locale = 'en-US',
): string {
  if (structure.type !== 'tiered') return describeTierCommission(structure, currency, locale);
  const first = structure.tiers[0]!;
  const last = structure.tiers[structure.tiers.length - 1]!;
  const start = describeTierCommission(first.commission, currency, locale);
  // "10% of every sale, rising to 15% …": the unit is not repeated when both tiers are percent.
  const top =
    first.commission.type === 'percent' && last.commission.type === 'percent'
      ? formatRate(last.commission.rateBps, locale)
      : describeTierCommission(last.commission, currency, locale);
  const when = periodWords[structure.period];
  const threshold =
    structure.basis === 'conversions'
      ? `from your ${ordinal(last.from + 1)} order ${when}`
      : `once your sales reach ${formatMoney({ amount: last.from, currency }, locale)} ${when}`;
  return `${capitalize(start)}, rising to ${top} ${threshold}`;
}

/** "Commissions are approved 30 days after the sale." */
export function describeHoldPeriod(holdDays: number): string {
  if (holdDays === 0) return 'Commissions are approved as soon as the sale is confirmed.';
  return `Commissions are approved ${holdDays} ${holdDays === 1 ? 'day' : 'days'} after the sale.`;
}

function ordinal(n: number): string {
  const rules = new Intl.PluralRules('en-US', { type: 'ordinal' });
  const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' } as Record<string, string>;
  return `${n}${suffix[rules.select(n)] ?? 'th'}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
