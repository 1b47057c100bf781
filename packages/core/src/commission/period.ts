import type { TierPeriod } from '../schemas/commission.js';

/**
 * The start (inclusive, UTC) of the tier period that contains `at`; `null` for `lifetime`.
 * Months, quarters and years are calendar periods in UTC.
 */
export function periodStart(period: TierPeriod, at: Date): Date | null {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  switch (period) {
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
    case 'lifetime':
      return null;
  }
}

/** The end (exclusive, UTC) of the tier period that contains `at`; `null` for `lifetime`. */
export function periodEnd(period: TierPeriod, at: Date): Date | null {
  const start = periodStart(period, at);
  if (!start) return null;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
}
