import { z } from 'zod';
import { Id, Money, Timestamp, TimestampInput } from './common.js';
import { Enrollment, PromoCode } from './enrollment.js';
import { Member } from './member.js';

/** A member of an offer, as the brand's members table shows them. */
export const OfferMember = z.object({
  memberId: Id,
  enrollmentId: Id,
  name: z.string(),
  email: z.string().nullable(),
  emailOptOut: z.boolean(),
  status: z.enum(['active', 'paused', 'ended']),
  promoCode: z.string(),
  trackingUrl: z.string(),
  dashboardUrl: z.string(),
  /** When a message to them was last queued (failed messages left out); null: never. */
  lastEmailedAt: Timestamp.nullable(),
  enrolledAt: Timestamp,
});
export type OfferMember = z.infer<typeof OfferMember>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Search and filters of `GET /v1/offers/{offerId}/members`, newest enrollment first. */
export const OfferMemberListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Part of the name, email or promo code, any case'),
  status: z.enum(['active', 'paused', 'ended']).optional().describe("Only enrollments with this status"),
  neverEmailed: flag.optional().describe('`true`: only those never emailed; `false`: only those emailed before'),
  emailedBefore: TimestampInput.optional().describe('Only those last emailed before this time (never emailed left out)'),
  optedOut: flag.optional().describe('`true`: only those who opted out of email; `false`: only those who did not'),
});
export type OfferMemberListQuery = z.input<typeof OfferMemberListQuery>;

/** Add people to an offer: each is matched to a member by email or external id, or created. */
export const OfferMembersAdd = z
  .object({
    members: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            email: z.email().max(320).nullable().optional(),
            externalId: z.string().trim().min(1).max(200).nullable().optional(),
            promoCode: PromoCode.optional(),
          })
          .strict(),
      )
      .min(1, 'list at least one member')
      .max(1000, 'at most 1 000 members at once'),
  })
  .strict();
export type OfferMembersAdd = z.input<typeof OfferMembersAdd>;

export const OfferMembersAddItem = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), member: Member, enrollment: Enrollment, memberCreated: z.boolean() }),
  z.object({
    status: z.literal('failed'),
    name: z.string(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type OfferMembersAddItem = z.infer<typeof OfferMembersAddItem>;

/** One result per row, in order: codes, tracking links and dashboard links made at once. */
export const OfferMembersAddResult = z.object({
  created: z.number().int(),
  failed: z.number().int(),
  results: z.array(OfferMembersAddItem),
});
export type OfferMembersAddResult = z.infer<typeof OfferMembersAddResult>;

/** An offer with its totals, for the brand's offers list. */
export const OfferSummary = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(['active', 'paused', 'archived']),
  /** Enrollments, of any status. */
  members: z.number().int(),
  conversions: z.number().int(),
  sales: Money,
  /** Pending and approved commission. */
  commission: Money,
  paid: Money,
  createdAt: Timestamp,
});
export type OfferSummary = z.infer<typeof OfferSummary>;
