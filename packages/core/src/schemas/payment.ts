import { z } from 'zod';
import { Currency, Id, MinorUnits, Money, Text, Timestamp, TimestampInput } from './common.js';

export const Payment = z.object({
  id: Id,
  enrollmentId: Id,
  amount: Money,
  method: z.string(),
  reference: z.string().nullable(),
  paidAt: Timestamp,
  createdAt: Timestamp,
});
export type Payment = z.infer<typeof Payment>;

export const PaymentCreate = z.object({
  enrollmentId: Id,
  amount: MinorUnits.min(1, 'a payment must be at least one minor unit'),
  /** Must equal the offer's currency. */
  currency: Currency,
  method: Text.trim().min(1).max(60),
  reference: Text.trim().max(200).nullable().optional(),
  paidAt: TimestampInput.optional(),
});
export type PaymentCreate = z.input<typeof PaymentCreate>;

export const PaymentListQuery = z.object({ enrollmentId: Id.optional() });
