import { z } from 'zod';
import { Id, isStorableText, Metadata, Text, Timestamp } from './common.js';

export const Member = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
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
  email: z.email().max(320).refine(isStorableText).nullable().optional(),
  emailOptOut: z.boolean().default(false),
  /** The brand's own id for the member; unique per brand when set. */
  externalId: Text.trim().min(1).max(200).nullable().optional(),
  metadata: Metadata.default({}),
});
export type MemberCreate = z.input<typeof MemberCreate>;

export const MemberUpdate = z
  .object({
    name: Text.trim().min(1).max(200),
    email: z.email().max(320).refine(isStorableText).nullable(),
    emailOptOut: z.boolean(),
    externalId: Text.trim().min(1).max(200).nullable(),
    metadata: Metadata,
  })
  .partial()
  .strict();
export type MemberUpdate = z.input<typeof MemberUpdate>;
