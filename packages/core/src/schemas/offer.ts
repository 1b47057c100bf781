import { z } from 'zod';
import { CommissionStructure } from './commission.js';
import { Currency, Id, isStorableText, Metadata, MinorUnits, Text, Timestamp } from './common.js';
import { PayoutSchedule } from './reports.js';

/** Where an offer is in its life; `OfferStatus.enum.active` and so on name each value. */
export const OfferStatus = z.enum(['active', 'paused', 'archived']);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** UTM parameters added to the destination of every tracking redirect. */
export const OfferUtm = z
  .object({
    source: Text.trim().min(1).max(200),
    medium: Text.trim().min(1).max(200),
    campaign: Text.trim().min(1).max(200),
  })
  .partial()
  .strict();
export type OfferUtm = z.infer<typeof OfferUtm>;

/**
 * Which enrollment gets an order reported with both a promo code and a click id that belong
 * to different enrollments: the promo code's (`promo_code_first`) or the click's (`click_first`).
 */
export const AttributionRule = z.enum(['promo_code_first', 'click_first']);
export type AttributionRule = z.infer<typeof AttributionRule>;

const HttpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2_000).refine(isStorableText, 'text must be valid Unicode');

/** Letters and digits that start every promo code generated for the offer. */
export const CodePrefix = z
  .string()
  .regex(/^[A-Za-z0-9]{1,12}$/, 'a code prefix is 1–12 letters or digits')
  .toUpperCase();

export const Offer = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  status: OfferStatus,
  currency: Currency,
  commission: CommissionStructure,
  holdDays: z.number().int(),
  destinationUrl: z.string(),
  codePrefix: z.string().nullable(),
  /** The balance (minor units of the offer's currency) below which members are not paid out yet. */
  payoutMinimum: z.number().int().default(0),
  payoutSchedule: PayoutSchedule.default('monthly'),
  utm: OfferUtm.nullable(),
  attribution: AttributionRule,
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Offer = z.infer<typeof Offer>;

export const OfferCreate = z.object({
  name: Text.trim().min(1).max(200),
  description: Text.trim().max(2_000).default(''),
  currency: Currency,
  commission: CommissionStructure,
  holdDays: z.number().int().min(0).max(365).default(30),
  destinationUrl: HttpUrl,
  codePrefix: CodePrefix.optional(),
  payoutMinimum: MinorUnits.default(0),
  payoutSchedule: PayoutSchedule.default('monthly'),
  utm: OfferUtm.optional(),
  attribution: AttributionRule.default('promo_code_first'),
  status: OfferStatus.default('active'),
  metadata: Metadata.default({}),
});
export type OfferCreate = z.input<typeof OfferCreate>;

/**
 * The currency of an offer is fixed once created: every stored amount is in it.
 * A new commission structure applies to conversions recorded from then on.
 */
export const OfferUpdate = z
  .object({
    name: Text.trim().min(1).max(200),
    description: Text.trim().max(2_000),
    commission: CommissionStructure,
    holdDays: z.number().int().min(0).max(365),
    destinationUrl: HttpUrl,
    codePrefix: CodePrefix.nullable(),
    payoutMinimum: MinorUnits,
    payoutSchedule: PayoutSchedule,
    utm: OfferUtm.nullable(),
    attribution: AttributionRule,
    status: OfferStatus,
    metadata: Metadata,
  })
  .partial()
  .strict();
export type OfferUpdate = z.input<typeof OfferUpdate>;
