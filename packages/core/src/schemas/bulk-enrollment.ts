import { z } from 'zod';
import { Id } from './common.js';
import { Enrollment, PromoCode } from './enrollment.js';
import { CodePrefix } from './offer.js';

/** The parts of a code pattern: `{prefix}`, `{name}`, `{random}` or `{random:N}` (N 3–12). */
export const CODE_PATTERN_TOKEN = /\{(prefix|name|random(?::(\d+))?)\}/g;

/** How long a code from `pattern` can be at most, with a prefix of `prefixLength`. */
export function maxCodeLength(pattern: string, prefixLength = 12): number {
  let length = 0;
  let last = 0;
  for (const m of pattern.matchAll(CODE_PATTERN_TOKEN)) {
    length += m.index - last;
    length += m[1] === 'prefix' ? prefixLength : m[1] === 'name' ? 8 : Number(m[2] ?? 4);
    last = m.index + m[0].length;
  }
  return length + pattern.length - last;
}

/**
 * A brand's own code format, e.g. `{prefix}-{name}-{random}` (the default), `SUMMER{random:6}`
 * or `{name}{random:3}`. Letters, digits, `-` and `_` around the parts; a random part is
 * required, so a code that collides can be drawn again.
 */
export const CodePattern = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine(
    (p) => /^[A-Za-z0-9_-]*$/.test(p.replace(CODE_PATTERN_TOKEN, '')),
    'a code pattern is letters, digits, - and _ around {prefix}, {name} and {random} or {random:N}',
  )
  .refine(
    (p) => [...p.matchAll(CODE_PATTERN_TOKEN)].some((m) => m[1]!.startsWith('random') && Number(m[2] ?? 4) >= 3 && Number(m[2] ?? 4) <= 12),
    'a code pattern needs a {random} or {random:N} part, N from 3 to 12',
  )
  .refine(
    (p) => [...p.matchAll(CODE_PATTERN_TOKEN)].every((m) => !m[2] || (Number(m[2]) >= 3 && Number(m[2]) <= 12)),
    'N in {random:N} is 3 to 12',
  )
  .refine((p) => maxCodeLength(p) <= 40, 'codes from this pattern could be longer than 40 characters');

/** Enroll many members in one offer at once (at most 1 000). */
export const EnrollmentBulkCreate = z
  .object({
    offerId: Id,
    members: z
      .array(
        z
          .object({
            memberId: Id,
            /** Set this member's code by hand; generated when omitted. */
            promoCode: PromoCode.optional(),
          })
          .strict(),
      )
      .min(1, 'list at least one member')
      .max(1000, 'at most 1 000 members at once'),
    /** Used instead of the offer's code prefix for generated codes. */
    codePrefix: CodePrefix.optional(),
    /** The format of generated codes; `{prefix}-{name}-{random}` when omitted. */
    codePattern: CodePattern.optional(),
  })
  .strict();
export type EnrollmentBulkCreate = z.input<typeof EnrollmentBulkCreate>;

export const EnrollmentBulkItem = z.discriminatedUnion('status', [
  z.object({ memberId: Id, status: z.literal('created'), enrollment: Enrollment }),
  z.object({
    memberId: Id,
    status: z.literal('failed'),
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
]);
export type EnrollmentBulkItem = z.infer<typeof EnrollmentBulkItem>;

/** One result per member, in the order given; a failed item never fails the others. */
export const EnrollmentBulkResult = z.object({
  created: z.number().int(),
  failed: z.number().int(),
  results: z.array(EnrollmentBulkItem),
});
export type EnrollmentBulkResult = z.infer<typeof EnrollmentBulkResult>;
