import { z } from 'zod';
import { Id, Metadata, MinorUnits, Money, Timestamp, TimestampInput } from './common.js';

export const ConversionStatus = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  reversed: 'reversed',
} as const;
export type ConversionStatus = (typeof ConversionStatus)[keyof typeof ConversionStatus];
const statuses = ['pending', 'approved', 'rejected', 'reversed'] as const;

export const Conversion = z.object({
  id: Id,
  enrollmentId: Id,
  offerId: Id,
  memberId: Id,
  orderId: z.string(),
  status: z.enum(statuses),
  sale: Money,
  commission: Money,
  occurredAt: Timestamp,
  /** When a pending conversion is due to be approved (occurredAt + the offer's hold days). */
  expectedApprovalAt: Timestamp.nullable(),
  /** The brand's reason, readable by the member, when rejected or reversed. */
  statusReason: z.string().nullable(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Conversion = z.infer<typeof Conversion>;

/**
 * Record a sale. Attribute it by `promoCode` (case-insensitive) or `enrollmentId`.
 * Idempotent by `orderId` per brand: the same order id again returns the existing conversion.
 */
export const ConversionCreate = z
  .object({
    orderId: z.string().trim().min(1).max(200),
    /** Sale amount in the offer currency's minor units. */
    amount: MinorUnits,
    /** Defaults to the offer's currency; must equal it. */
    currency: z.string().optional(),
    promoCode: z.string().trim().min(1).max(40).optional(),
    enrollmentId: Id.optional(),
    occurredAt: TimestampInput.optional(),
    metadata: Metadata.default({}),
  })
  .refine((c) => (c.promoCode === undefined) !== (c.enrollmentId === undefined), {
    message: 'give exactly one of promoCode or enrollmentId',
    path: ['promoCode'],
  });
export type ConversionCreate = z.input<typeof ConversionCreate>;

export const ConversionUpdate = z
  .object({
    status: z.enum(statuses),
    /** Shown to the member; required when rejecting or reversing. */
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((u) => !(u.status === 'rejected' || u.status === 'reversed') || u.reason, {
    message: 'a reason the member can read is required to reject or reverse',
    path: ['reason'],
  });
export type ConversionUpdate = z.input<typeof ConversionUpdate>;

export const ConversionListQuery = z.object({
  enrollmentId: Id.optional(),
  status: z.enum(statuses).optional(),
});
