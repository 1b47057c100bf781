import { z } from 'zod';
import { Id, Timestamp } from './common.js';

export const EnrollmentStatus = z.enum(['active', 'paused', 'ended']);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;

/** Letters, digits, `-` and `_`; matched case-insensitively, stored upper case. */
export const PromoCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/, 'a promo code is 3–40 letters, digits, - or _')
  .toUpperCase();

/** A member's place in one offer: their promo code, tracking link and dashboard link. */
export const Enrollment = z.object({
  id: Id,
  offerId: Id,
  memberId: Id,
  status: EnrollmentStatus,
  promoCode: z.string(),
  trackingUrl: z.string(),
  /** The member's personal hosted dashboard; whoever has it can read this enrollment. */
  dashboardUrl: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Enrollment = z.infer<typeof Enrollment>;

export const EnrollmentCreate = z.object({
  offerId: Id,
  memberId: Id,
  /** Set the code by hand; generated from the offer's prefix when omitted. */
  promoCode: PromoCode.optional(),
});
export type EnrollmentCreate = z.input<typeof EnrollmentCreate>;

export const EnrollmentUpdate = z
  .object({ status: EnrollmentStatus, promoCode: PromoCode })
  .partial()
  .strict();
export type EnrollmentUpdate = z.input<typeof EnrollmentUpdate>;

export const EnrollmentListQuery = z.object({
  offerId: Id.optional().describe('Only the enrollments in this offer'),
  memberId: Id.optional().describe("Only this member's enrollments"),
});
