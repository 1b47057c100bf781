import { z } from 'zod';
import { Id, Text, Timestamp } from './common.js';
import { LanguageTag } from './dashboard.js';

/** The values a template can use, as `{{name}}`. */
export const EmailPlaceholders = [
  'member_name',
  /** The member's first name when known, else their name. */
  'first_name',
  'offer_name',
  'brand_name',
  'promo_code',
  'tracking_link',
  'dashboard_link',
] as const;
export type EmailPlaceholder = (typeof EmailPlaceholders)[number];

/** `{{ name }}` in a template; the name is trimmed. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The largest template body accepted, in UTF-8 bytes. */
export const MAX_EMAIL_BODY_BYTES = 100 * 1024;

/** The names in `template` that are not placeholders, each once, in order. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(EmailPlaceholders);
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER_PATTERN)) {
    if (!known.has(match[1]!)) unknown.add(match[1]!);
  }
  return [...unknown];
}

function placeholdersKnown(template: string, ctx: z.RefinementCtx): void {
  const unknown = unknownPlaceholders(template);
  if (unknown.length) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${EmailPlaceholders.map((p) => `{{${p}}}`).join(', ')}`,
    });
  }
}

/** A subject line: one line, placeholders allowed. */
export const EmailSubject = Text
  .trim()
  .min(1)
  .max(300)
  .regex(/^[^\r\n]*$/, 'a subject is one line')
  .superRefine(placeholdersKnown);

/** A plain-text body: paragraphs separated by blank lines, placeholders allowed. */
export const EmailBody = Text
  .min(1)
  .refine((s) => s.trim().length > 0, 'the body is empty')
  .refine(
    (s) => new TextEncoder().encode(s).length <= MAX_EMAIL_BODY_BYTES,
    `the body is over ${MAX_EMAIL_BODY_BYTES / 1024} KB`,
  )
  .superRefine(placeholdersKnown);

/** An editable template: `subject` and `body` with `{{placeholders}}`. */
export const EmailTemplate = z.object({
  subject: z.string(),
  body: z.string(),
  placeholders: z.array(z.string()),
});
export type EmailTemplate = z.infer<typeof EmailTemplate>;

export const EmailKind = z.enum(['tracking_items', 'members_message']);
export type EmailKind = z.infer<typeof EmailKind>;

/** "Sales tracking items": each chosen member's code, link and dashboard link. */
export const TrackingItemsEmail = z
  .object({
    /** Members enrolled in the offer, 1–1 000, each once. */
    memberIds: z
      .array(Id)
      .min(1, 'choose at least one member')
      .max(1000, 'at most 1 000 members at once')
      .refine((ids) => new Set(ids).size === ids.length, 'a member is listed twice'),
    subject: EmailSubject.optional(),
    body: EmailBody.optional(),
  })
  .strict();
export type TrackingItemsEmail = z.input<typeof TrackingItemsEmail>;

/** "Email members": one message to everyone active in the offer. */
export const MembersMessageEmail = z
  .object({ subject: EmailSubject.optional(), body: EmailBody.optional() })
  .strict();
export type MembersMessageEmail = z.input<typeof MembersMessageEmail>;

/**
 * "Send me a test": the email rendered for a sample member in the offer, to an address the
 * brand gives. Nothing is queued or counted as a send.
 */
export const EmailTest = z
  .object({
    /** Required with an API key; a brand session sends it to its staff user's email when omitted. */
    to: z
      .email()
      .max(320)
      .optional()
      .describe("Where the test goes: required with an API key; with a brand session, its staff user's email when omitted"),
    /** The sample member's language (default: the brand's). */
    locale: LanguageTag.optional().describe("The sample member's language (default: the brand profile's `defaultLocale`)"),
    subject: EmailSubject.optional(),
    body: EmailBody.optional(),
  })
  .strict();
export type EmailTest = z.input<typeof EmailTest>;

export const EmailTestResult = z.object({
  to: z.string(),
  subject: z.string(),
  /** The id the mail server gave the message. */
  providerId: z.string(),
});
export type EmailTestResult = z.infer<typeof EmailTestResult>;

/** Why a member gets no email. */
export const EmailSkipReason = z.enum(['no_email', 'opted_out', 'enrollment_ended']);
export type EmailSkipReason = z.infer<typeof EmailSkipReason>;

export const SkippedRecipient = z.object({
  memberId: Id,
  enrollmentId: Id,
  /** The member's name, to say who is skipped. */
  name: z.string(),
  reason: EmailSkipReason,
  message: z.string(),
});
export type SkippedRecipient = z.infer<typeof SkippedRecipient>;

/** One recipient's email, rendered as it will be sent. */
export const RenderedEmail = z.object({
  memberId: Id,
  enrollmentId: Id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** The language it is written in (the member's, else the brand's default), as a BCP 47 tag. */
  language: z.string(),
  /** What each placeholder expands to for this recipient (previews only). */
  values: z.record(z.string(), z.string()).optional(),
});
export type RenderedEmail = z.infer<typeof RenderedEmail>;

export const EmailPreview = z.object({
  subject: z.string(),
  body: z.string(),
  emails: z.array(RenderedEmail),
  skipped: z.array(SkippedRecipient),
});
export type EmailPreview = z.infer<typeof EmailPreview>;

export const QueuedEmail = z.object({
  messageId: Id,
  memberId: Id,
  enrollmentId: Id,
  to: z.string(),
});
export type QueuedEmail = z.infer<typeof QueuedEmail>;

export const EmailSendResult = z.object({
  /** Groups this send's messages: `GET /v1/emails/messages?sendId=…` lists each one's status. */
  sendId: Id.optional(),
  queued: z.array(QueuedEmail),
  skipped: z.array(SkippedRecipient),
});
export type EmailSendResult = z.infer<typeof EmailSendResult>;

export const EmailMessageStatus = z.enum(['queued', 'sent', 'failed']);
export type EmailMessageStatus = z.infer<typeof EmailMessageStatus>;

/** A message in the outbox and what became of it. */
export const EmailMessage = z.object({
  id: Id,
  kind: EmailKind,
  offerId: Id,
  enrollmentId: Id,
  memberId: Id,
  to: z.string(),
  /** The subject as queued; a dashboard link in it shows as `[dashboard link]`. */
  subject: z.string(),
  status: EmailMessageStatus,
  attempts: z.number().int(),
  /** When the next delivery attempt is due; null once sent or failed. */
  nextAttemptAt: Timestamp.nullable(),
  /** Why the last attempt failed. */
  lastError: z.string().nullable(),
  sentAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The send it belongs to. */
  sendId: Id.nullable().optional(),
  /** A "send me a test" message, to staff rather than the member. */
  test: z.boolean().optional(),
});
export type EmailMessage = z.infer<typeof EmailMessage>;

export const EmailMessageListQuery = z.object({
  offerId: Id.optional(),
  memberId: Id.optional(),
  status: EmailMessageStatus.optional(),
  /** The messages of one send. */
  sendId: Id.optional().describe("The messages of one send (the `sendId` of the send's answer)"),
});
export type EmailMessageListQuery = z.input<typeof EmailMessageListQuery>;

/** Queue failed messages again. */
export const EmailResend = z
  .object({
    messageIds: z
      .array(Id)
      .min(1)
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'a message is listed twice'),
  })
  .strict();
export type EmailResend = z.input<typeof EmailResend>;

export const EmailResendResult = z.object({
  /** Queued again. */
  requeued: z.array(Id),
  /** Not failed (queued or sent): left alone. */
  unchanged: z.array(Id),
});
export type EmailResendResult = z.infer<typeof EmailResendResult>;
