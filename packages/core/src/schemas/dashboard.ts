import { z } from 'zod';
import { CommissionStructure } from './commission.js';
import { ConversionStatus } from './conversion.js';
import { EnrollmentStatus } from './enrollment.js';
import { OfferStatus } from './offer.js';
import { Currency, Id, Money, Page, SignedMoney, Timestamp, TotalMoney } from './common.js';
import { DashboardPayout, DashboardSeries, Day } from './reports.js';
import { languages, messageKeys } from '../messages/keys.js';

/** Totals of one enrollment, all in the offer's currency. */
export const DashboardTotals = z.object({
  clicks: z.number().int(),
  /** Conversions that count: pending and approved. */
  conversions: z.number().int(),
  sales: TotalMoney,
  /** Commission awaiting approval. */
  pending: TotalMoney,
  /** Commission approved so far, paid or not. */
  approved: TotalMoney,
  /** Payments made. */
  paid: TotalMoney,
  /** approved − paid: what the brand owes now (negative after a reversal of paid commission). */
  balance: SignedMoney,
  /** pending + approved − paid: what the member can expect in all. */
  expected: SignedMoney,
});
export type DashboardTotals = z.infer<typeof DashboardTotals>;

/** A conversion as its member sees it: the order id is masked. */
export const DashboardConversion = z.object({
  id: Id,
  orderRef: z.string(),
  status: ConversionStatus,
  sale: Money,
  commission: Money,
  /** The order's amount in the currency it was paid in, when not the offer's. */
  original: Money.nullable(),
  occurredAt: Timestamp,
  expectedApprovalAt: Timestamp.nullable(),
  statusReason: z.string().nullable(),
});
export type DashboardConversion = z.infer<typeof DashboardConversion>;

export const DashboardPayment = z.object({
  id: Id,
  amount: Money,
  method: z.string(),
  reference: z.string().nullable(),
  paidAt: Timestamp,
});
export type DashboardPayment = z.infer<typeof DashboardPayment>;

/** The offer's terms, worded by the server in the reader's language (`?locale=`). */
export const DashboardTerms = z.object({
  /** The structure in one sentence. */
  summary: z.string(),
  /** The hold period in one sentence. */
  holdPeriod: z.string(),
  /** The tier table for tiered structures. */
  tiers: z.array(z.object({ range: z.string(), rate: z.string() })).nullable(),
  /** Index into `tiers` of the tier the member is in now. */
  currentTier: z.number().int().nullable(),
  /** How far the member is from the next tier ("3 more orders to reach the next tier"); null in the top tier or without tiers. */
  nextTier: z.string().nullable(),
});
export type DashboardTerms = z.infer<typeof DashboardTerms>;

/** A BCP 47 language tag as a reader's browser gives it: `de`, `de-AT`, `zh-Hant-TW`. */
export const LanguageTag = z
  .string()
  .max(64)
  .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag, e.g. de-AT');

/** The words of a built-in language, every message of the dashboard. */
export const DashboardMessages = z.object({
  /** The language: the primary subtag of the tag asked for, `en` when none is built in for it. */
  locale: z.enum(languages),
  words: z.record(z.enum(messageKeys), z.string()),
});
export type DashboardMessages = z.infer<typeof DashboardMessages>;

export const DashboardQuery = z.object({
  /** The reader's language: the answer carries its words and words the terms in it. */
  locale: LanguageTag.optional().describe(
    "The reader's BCP 47 tag (`de-AT`: a 2–8 letter language, then `-`-separated subtags of 1–8 letters or digits, " +
      'at most 64 characters): the words and terms are in the language of its primary subtag (`en`, `es`, `fr`, ' +
      '`de`, `pt`), English for any other or none',
  ),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Everything the dashboard's first screen shows, in one response. */
export const Dashboard = z.object({
  enrollment: z.object({
    id: Id,
    status: EnrollmentStatus,
    /** When the enrollment ended (null unless `status` is `ended`): its dashboard is then read-only. */
    endedAt: Timestamp.nullable(),
    promoCode: z.string(),
    trackingUrl: z.string(),
  }),
  /** The brand's name, logo and accent (with the text colour on it) from its profile. */
  brand: z.object({
    name: z.string(),
    logoUrl: z.string().nullable(),
    accentColor: z.string().nullable(),
    accentTextColor: z.string().nullable(),
  }),
  member: z.object({ name: z.string() }),
  offer: z.object({
    id: Id,
    name: z.string(),
    description: z.string(),
    status: OfferStatus,
    currency: Currency,
    holdDays: z.number().int(),
    commission: CommissionStructure,
    terms: DashboardTerms,
  }),
  totals: DashboardTotals,
  conversions: Page(DashboardConversion),
  payments: Page(DashboardPayment),
  /** The last 30 days, today (UTC) included. */
  series: DashboardSeries,
  payout: DashboardPayout,
  generatedAt: Timestamp,
  /** The words of the reader's language (`?locale=`; English when none is built in for it). */
  messages: DashboardMessages,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardConversionQuery = z.object({
  status: ConversionStatus.optional().describe('Only the conversions of this status'),
  /** Sales on or after this UTC day. */
  from: Day.optional().describe('Conversions that occurred on or after this UTC day (`YYYY-MM-DD`, included)'),
  /** Sales on or before this UTC day. */
  to: Day.optional().describe('Conversions that occurred on or before this UTC day (`YYYY-MM-DD`, included)'),
});
