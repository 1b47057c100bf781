import { z } from 'zod';
import { isKnownCurrency } from '../money.js';

/** An opaque, prefixed id such as `off_3kq9…`. */
export const Id = z.string().min(1).max(64).regex(/^[a-z]+_[A-Za-z0-9]+$/, 'malformed id');
export type Id = z.infer<typeof Id>;

/** ISO 4217 currency code, upper case. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be an upper-case ISO 4217 code')
  .refine(isKnownCurrency, 'unknown currency');
export type Currency = z.infer<typeof Currency>;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * False for text PostgreSQL cannot store: a lone UTF-16 surrogate (`\udfff`), which is not
 * Unicode and cannot be written as UTF-8.
 */
export function isStorableText(text: string): boolean {
  return !loneSurrogate.test(text);
}

const storable = { message: 'text must be valid Unicode (no lone surrogate such as \\udfff)' };

/** A string of well-formed Unicode: every string a client sends is one. */
export const Text = z.string().refine(isStorableText, storable);

/**
 * The largest single amount the API takes, in minor units (10^12: ten billion dollars in
 * cents). Sums of such amounts stay exact far beyond any real account.
 */
export const MAX_AMOUNT = 1_000_000_000_000;

/**
 * The largest total the API keeps (an enrollment's sales, its commission pending + approved,
 * its payments): 2^53 − 1, so every total is exact in JSON and JavaScript. A write that would
 * take a total past it is refused with 422 `total_limit_exceeded`.
 */
export const MAX_TOTAL = Number.MAX_SAFE_INTEGER;

/** Integer minor units (cents), never a float; at most `MAX_AMOUNT`. */
export const MinorUnits = z
  .number()
  .int('amount must be an integer of minor units')
  .min(0, 'amount must not be negative')
  .max(MAX_AMOUNT, `amount must be at most ${MAX_AMOUNT} minor units`);

export const Money = z.object({ amount: MinorUnits, currency: Currency });
export type Money = z.infer<typeof Money>;

/** A sum of amounts (an enrollment's total, a statement's line): at most `MAX_TOTAL`. */
export const TotalMoney = z.object({ amount: z.number().int().min(0).max(MAX_TOTAL), currency: Currency });
export type TotalMoney = z.infer<typeof TotalMoney>;

/** Money that may be negative: a balance after a reversal of commission already paid. */
export const SignedMoney = z.object({
  amount: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  currency: Currency,
});
export type SignedMoney = z.infer<typeof SignedMoney>;

/** UTC ISO-8601 timestamp as sent by the API (`2026-11-25T10:00:00.000Z`). */
export const Timestamp = z.iso.datetime();
export type Timestamp = z.infer<typeof Timestamp>;

/** The first day the API takes, in a filter or a recorded time (UTC). */
export const MIN_DAY = '1970-01-01';
/** The last day a filter may name (UTC): the last one of four-digit years. */
export const MAX_DAY = '9999-12-31';
/**
 * The last instant a recorded time (a sale's `occurredAt`, a payment's `paidAt`) may be, so
 * that the end of a hold (up to 365 days) still falls within four-digit years.
 */
export const MAX_RECORDED_TIME = '9998-12-31T23:59:59.999Z';

const minTime = Date.parse(`${MIN_DAY}T00:00:00Z`);
const maxRecordedTime = Date.parse(MAX_RECORDED_TIME);

/**
 * ISO-8601 timestamp accepted from clients: any offset; stored and returned as UTC.
 * The instant must lie between `MIN_DAY` and `MAX_RECORDED_TIME`.
 */
export const TimestampInput = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return Number.isFinite(t) && t >= minTime && t <= maxRecordedTime;
}, `a time between ${MIN_DAY} and ${MAX_RECORDED_TIME}`);

export const Metadata = z
  .record(Text.max(40), Text.max(500))
  .refine((m) => Object.keys(m).length <= 20, 'at most 20 metadata keys');
export type Metadata = z.infer<typeof Metadata>;

/** Query parameters of every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** One page of a list: `nextCursor` is null on the last page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
