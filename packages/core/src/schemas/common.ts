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

/** Integer minor units (cents), never a float. */
export const MinorUnits = z
  .number()
  .int('amount must be an integer of minor units')
  .min(0, 'amount must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

export const Money = z.object({ amount: MinorUnits, currency: Currency });
export type Money = z.infer<typeof Money>;

/** Money that may be negative: a balance after a reversal of commission already paid. */
export const SignedMoney = z.object({
  amount: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  currency: Currency,
});
export type SignedMoney = z.infer<typeof SignedMoney>;

/** UTC ISO-8601 timestamp as sent by the API (`2026-11-25T10:00:00.000Z`). */
export const Timestamp = z.iso.datetime();
export type Timestamp = z.infer<typeof Timestamp>;

/** ISO-8601 timestamp accepted from clients: any offset; stored and returned as UTC. */
export const TimestampInput = z.iso.datetime({ offset: true });

export const Metadata = z
  .record(z.string().max(40), z.string().max(500))
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
