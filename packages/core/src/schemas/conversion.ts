import { z } from 'zod';
import { Id, Metadata, MinorUnits, Money, Text, Timestamp, TimestampInput } from './common.js';
import { Day } from './reports.js';

export const ConversionStatus = z.enum(['pending', 'approved', 'rejected', 'reversed']);
export type ConversionStatus = z.infer<typeof ConversionStatus>;

export const Conversion = z.object({
  id: Id,
  enrollmentId: Id,
  offerId: Id,
  memberId: Id,
  orderId: z.string(),
  status: ConversionStatus,
  sale: Money,
  commission: Money,
  /** The order's amount in the currency it was paid in, when that differs from the offer's. */
  original: Money.nullable(),
  /** How the enrollment was found: by promo code, click id or enrollment id. */
  attributedBy: z.enum(['promo_code', 'click', 'enrollment']),
  /** The click the conversion was attributed by, if any. */
  clickId: z.string().nullable(),
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
 * Record a sale. Attribute it by `promoCode` (case-insensitive), `clickId` (from the
 * `affdash_click` parameter of a tracking redirect), both (the offer's `attribution` rule
 * picks one enrollment), or `enrollmentId` alone.
 * Idempotent by `orderId` per brand: the same order id again returns the existing conversion.
 */
export const ConversionCreate = z
  .object({
    orderId: Text.trim().min(1).max(200),
    /** Sale amount in the offer currency's minor units. */
    amount: MinorUnits,
    /** Defaults to the offer's currency; must equal it, or `originalAmount.currency`. */
    currency: Text.optional(),
    /** The order's amount in the currency the customer paid, when not the offer's. */
    originalAmount: Money.optional(),
    promoCode: Text.trim().min(1).max(40).optional(),
    clickId: Text.trim().min(1).max(64).optional(),
    enrollmentId: Id.optional(),
    occurredAt: TimestampInput.optional(),
    metadata: Metadata.default({}),
  })
  .refine((c) => c.promoCode !== undefined || c.clickId !== undefined || c.enrollmentId !== undefined, {
    message: 'give a promoCode, a clickId, or an enrollmentId',
    path: ['promoCode'],
  })
  .refine((c) => c.enrollmentId === undefined || (c.promoCode === undefined && c.clickId === undefined), {
    message: 'enrollmentId cannot be combined with promoCode or clickId',
    path: ['enrollmentId'],
  });
export type ConversionCreate = z.input<typeof ConversionCreate>;

export const ConversionUpdate = z
  .object({
    status: ConversionStatus,
    /** Shown to the member; required when rejecting or reversing. */
    reason: Text.trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((u) => !(u.status === 'rejected' || u.status === 'reversed') || u.reason, {
    message: 'a reason the member can read is required to reject or reverse',
    path: ['reason'],
  });
export type ConversionUpdate = z.input<typeof ConversionUpdate>;

export const ConversionListQuery = z.object({
  enrollmentId: Id.optional(),
  status: ConversionStatus.optional(),
  /** Sales on or after this UTC day (`occurredAt`). */
  from: Day.optional().describe('Conversions that occurred on or after this UTC day (`YYYY-MM-DD`, included)'),
  /** Sales on or before this UTC day. */
  to: Day.optional().describe('Conversions that occurred on or before this UTC day (`YYYY-MM-DD`, included)'),
});

/** The most conversions one batch request may carry. */
export const MAX_CONVERSION_BATCH = 1_000;

/**
 * Record up to 1 000 sales in one request. Each item is validated on its own, so one bad
 * item is reported in its result and does not stop the others.
 */
export const ConversionBatchCreate = z.object({
  conversions: z.array(z.unknown()).min(1).max(MAX_CONVERSION_BATCH),
});
export interface ConversionBatchCreate {
  conversions: ConversionCreate[];
}

export const ConversionBatchItem = z.object({
  /** Position of the item in the request. */
  index: z.number().int(),
  /** `existing`: the order id was recorded before (also earlier in the same batch). */
  status: z.enum(['created', 'existing', 'error']),
  /** The conversion's id, when `created` or `existing`. */
  id: Id.optional(),
  /** The conversion, when `created` or `existing`, unless asked for `Prefer: return=minimal`. */
  conversion: Conversion.optional(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() })
    .optional(),
});
export type ConversionBatchItem = z.infer<typeof ConversionBatchItem>;

export const ConversionBatchResult = z.object({ results: z.array(ConversionBatchItem) });
export type ConversionBatchResult = z.infer<typeof ConversionBatchResult>;

/** Who changed a conversion's status: an API key, or the automatic approval after the hold. */
export const ConversionEvent = z.object({
  id: Id,
  conversionId: Id,
  /** `null` for the event that recorded the conversion. */
  fromStatus: ConversionStatus.nullable(),
  toStatus: ConversionStatus,
  reason: z.string().nullable(),
  /** `api_key:<key id>` or `system:auto_approval`. */
  actor: z.string(),
  at: Timestamp,
});
export type ConversionEvent = z.infer<typeof ConversionEvent>;

/** A conversion's status changes, oldest first: `GET /v1/conversions/:id/events`. */
export const ConversionEventList = z.object({ data: z.array(ConversionEvent) });
export type ConversionEventList = z.infer<typeof ConversionEventList>;
