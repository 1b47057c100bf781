import { z } from 'zod';
import { Currency, MAX_DAY, MIN_DAY, Money, SignedMoney, Timestamp, TotalMoney } from './common.js';

/** How often the brand pays its members. */
export const PayoutSchedule = z.enum(['monthly', 'biweekly', 'weekly']);
export type PayoutSchedule = z.infer<typeof PayoutSchedule>;

/** A calendar day in UTC, `YYYY-MM-DD`, from `MIN_DAY` to `MAX_DAY`. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'not a calendar day')
  .refine((s) => s >= MIN_DAY && s <= MAX_DAY, `a day from ${MIN_DAY} to ${MAX_DAY}`);
export type Day = z.infer<typeof Day>;

/** A calendar month in UTC, `YYYY-MM`, from the month of `MIN_DAY` to that of `MAX_DAY`. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM')
  .refine((s) => s >= MIN_DAY.slice(0, 7) && s <= MAX_DAY.slice(0, 7), `a month from ${MIN_DAY.slice(0, 7)} to ${MAX_DAY.slice(0, 7)}`);
export type Month = z.infer<typeof Month>;

/** A range of days, both ends included (UTC). */
export const DayRange = z.object({
  from: Day.optional().describe('The first UTC day (`YYYY-MM-DD`), included; without it, the 30 days up to `to`'),
  to: Day.optional().describe('The last UTC day (`YYYY-MM-DD`), included; without it, the 30 days from `from`, or up to today'),
});
export type DayRange = z.infer<typeof DayRange>;

/** One day of an enrollment's activity. Amounts are minor units of the series' currency. */
export const SeriesPoint = z.object({
  day: Day,
  clicks: z.number().int(),
  /** Conversions that count (pending and approved) that happened that day. */
  conversions: z.number().int(),
  sales: z.number().int(),
  /** Commission pending + approved of that day's conversions. */
  commission: z.number().int(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** Daily points from `from` to `to` (UTC, both included), one per day, zero-filled. */
export const DashboardSeries = z.object({
  from: Day,
  to: Day,
  currency: Currency,
  points: z.array(SeriesPoint),
});
export type DashboardSeries = z.infer<typeof DashboardSeries>;

/** Progress toward the next payout. */
export const DashboardPayout = z.object({
  /** The balance the brand pays out from. */
  minimum: Money,
  schedule: PayoutSchedule,
  /** When the next payout run is due (UTC midnight). */
  nextPayoutAt: Timestamp,
  /** How far the balance is from the minimum; zero once reached. */
  remaining: Money,
});
export type DashboardPayout = z.infer<typeof DashboardPayout>;

/**
 * One month of an enrollment's account, by the day of each sale and payment (UTC).
 * `approved` is the commission of the month's sales that was approved (including what was
 * later reversed); closing = opening + approved − reversed − payments.
 */
export const DashboardStatement = z.object({
  month: Month,
  currency: Currency,
  openingBalance: SignedMoney,
  approved: TotalMoney,
  reversed: TotalMoney,
  payments: TotalMoney,
  closingBalance: SignedMoney,
});
export type DashboardStatement = z.infer<typeof DashboardStatement>;
