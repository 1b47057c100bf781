import pg from '@databases/pg';
import { MAX_DAY, MIN_DAY, type DayRange, type SeriesPoint } from '@affdash/core';
import type { Database } from '../db/index.js';
import { ApiError } from '../http/errors.js';
import type { DashboardGrant } from '../keys/dashboard-tokens.js';
import type { Readability } from './readable.js';

const { sql } = pg;
const DAY_MS = 86_400_000;
/** The chart's default span, today (UTC) included. */
export const DEFAULT_SERIES_DAYS = 30;
/** The longest span one series request may cover. */
export const MAX_SERIES_DAYS = 366;

export interface ResolvedRange {
  from: string;
  to: string;
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `YYYY-MM-DD` of a UTC midnight (ms), remembered: a chart asks the same 30 days all day. */
const days = new Map<number, string>();
function midnightDay(t: number): string {
  let day = days.get(t);
  if (day === undefined) {
    if (days.size >= 4096) days.clear();
    day = new Date(t).toISOString().slice(0, 10);
    days.set(t, day);
  }
  return day;
}
const timeOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Fills in a range's missing ends (the last 30 days up to today, or 30 days from/to the end
 * given) and checks it: `from` ≤ `to`, at most 366 days.
 */
export function resolveRange(range: DayRange, now = new Date()): ResolvedRange {
  const span = (DEFAULT_SERIES_DAYS - 1) * DAY_MS;
  // a missing end is clamped to the days the API takes (MIN_DAY, MAX_DAY)
  const to = range.to ?? (range.from ? dayOf(Math.min(timeOf(range.from) + span, timeOf(MAX_DAY))) : dayOf(now.getTime()));
  const from = range.from ?? dayOf(Math.max(timeOf(to) - span, timeOf(MIN_DAY)));
  const days = (timeOf(to) - timeOf(from)) / DAY_MS + 1;
  if (days < 1) {
    throw new ApiError('validation_failed', 'from: must not be after to', {
      issues: [{ path: 'from', message: 'must not be after to' }],
    });
  }
  if (days > MAX_SERIES_DAYS) {
    throw new ApiError('validation_failed', `to: a range covers at most ${MAX_SERIES_DAYS} days`, {
      issues: [{ path: 'to', message: `a range covers at most ${MAX_SERIES_DAYS} days` }],
    });
  }
  return { from, to };
}

/** One point per day of the range, read from the daily rollup only; missing days are zero. */
export async function seriesPoints(
  db: Database,
  grant: DashboardGrant,
  range: ResolvedRange,
): Promise<SeriesPoint[]> {
  const rows = await db.query<SeriesPoint>(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, clicks, conversions, sales,
           commission_pending + commission_approved AS commission
    FROM enrollment_daily
    WHERE brand_id = ${grant.brandId} AND enrollment_id = ${grant.enrollmentId}
      AND day BETWEEN ${range.from}::date AND ${range.to}::date
    ORDER BY day`);
  return seriesDays(range, rows);
}

/** One point per day of the range from the rollup's rows of it; missing days are zero. */
export function seriesDays(range: ResolvedRange, rows: readonly SeriesPoint[]): SeriesPoint[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const points: SeriesPoint[] = [];
  for (let t = timeOf(range.from), end = timeOf(range.to); t <= end; t += DAY_MS) {
    const day = midnightDay(t);
    const r = byDay.get(day);
    points.push({
      day,
      clicks: Number(r?.clicks ?? 0),
      conversions: Number(r?.conversions ?? 0),
      sales: Number(r?.sales ?? 0),
      commission: Number(r?.commission ?? 0),
    });
  }
  return points;
}

/** The currency of the enrollment's offer, and whether a token may still read it. */
export async function enrollmentCurrency(
  db: Database,
  grant: DashboardGrant,
): Promise<(Readability & { currency: string }) | null> {
  const [row] = await db.query<Readability & { currency: string }>(sql`
    SELECT e.status, b.ended_enrollment_access AS ended_access, o.currency FROM enrollments e
    JOIN brands b ON b.id = e.brand_id
    JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
    WHERE e.brand_id = ${grant.brandId} AND e.id = ${grant.enrollmentId}`);
  return row ?? null;
}
