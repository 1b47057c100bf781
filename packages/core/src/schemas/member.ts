import { z } from 'zod';
import { Id, isStorableText, Metadata, Text, Timestamp } from './common.js';
import { LanguageTag } from './dashboard.js';

export const Member = z.object({
  id: Id,
  name: z.string(),
  /** Greets the member in email; null when not known. */
  firstName: z.string().nullable(),
  email: z.string().nullable(),
  /** The member's language (BCP 47); email is written in it. Null: the brand's default. */
  locale: z.string().nullable(),
  /** The member asked not to get email: sends skip them. */
  emailOptOut: z.boolean(),
  externalId: z.string().nullable(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

export const MemberCreate = z.object({
  name: Text.trim().min(1).max(200),
  firstName: Text.trim().min(1).max(100).nullable().optional(),
  email: z.email().max(320).refine(isStorableText).nullable().optional(),
  locale: LanguageTag.nullable().optional().describe("The member's language (BCP 47): email is written in it"),
  emailOptOut: z.boolean().default(false),
  /** The brand's own id for the member; unique per brand when set. */
  externalId: Text.trim().min(1).max(200).nullable().optional(),
  metadata: Metadata.default({}),
});
export type MemberCreate = z.input<typeof MemberCreate>;

export const MemberUpdate = z
  .object({
    name: Text.trim().min(1).max(200),
    firstName: Text.trim().min(1).max(100).nullable(),
    email: z.email().max(320).refine(isStorableText).nullable(),
    locale: LanguageTag.nullable(),
    emailOptOut: z.boolean(),
    externalId: Text.trim().min(1).max(200).nullable(),
    metadata: Metadata,
  })
  .partial()
  .strict();
export type MemberUpdate = z.input<typeof MemberUpdate>;
