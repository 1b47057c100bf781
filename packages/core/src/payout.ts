import type { PayoutSchedule } from './schemas/reports.js';

const DAY_MS = 86_400_000;
/** A Monday: biweekly payouts fall on every other Monday counted from this one. */
const BIWEEKLY_ANCHOR = Date.UTC(2024, 0, 1);

/**
 * When the next payout run after `now` is due, at midnight UTC: the 1st of next month
 * (monthly), next Monday (weekly), or the next of every other Monday from 2024-01-01 (biweekly).
 */
export function nextPayoutAt(schedule: PayoutSchedule, now: Date): Date {
  if (schedule === 'monthly') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const period = schedule === 'weekly' ? 7 : 14;
  const days = Math.floor((now.getTime() - BIWEEKLY_ANCHOR) / DAY_MS);
  const next = days - (((days % period) + period) % period) + period;
  return new Date(BIWEEKLY_ANCHOR + next * DAY_MS);
}

/** How far a balance is from the payout minimum: zero once reached. */
export function payoutRemaining(minimum: number, balance: number): number {
  return Math.max(0, minimum - balance);
}
