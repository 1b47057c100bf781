import { z } from 'zod';
import { Id, Timestamp } from './common.js';

/**
 * What a brand session may reach, by the component it is for: `offers` (the offer list with
 * its totals), `members` (an offer's members; adding members), `send` (the email composer:
 * templates, preview, test, send, status, resend).
 */
export const BrandComponent = { offers: 'offers', members: 'members', send: 'send' } as const;
export type BrandComponent = (typeof BrandComponent)[keyof typeof BrandComponent];
export const BrandComponents = ['offers', 'members', 'send'] as const;

/** The brand's staff user a session acts for, named in the audit trail. */
export const StaffUser = z
  .object({
    /** The brand's own id for the user. */
    id: z.string().trim().min(1).max(200),
    name: z.string().trim().min(1).max(200),
    /** Where "send me a test" goes. */
    email: z.email().max(320).nullable().optional(),
  })
  .strict();
export type StaffUser = z.input<typeof StaffUser>;

/** The longest a client secret lives; the component asks for a new one before then. */
export const MAX_BRAND_SESSION_SECONDS = 60 * 60;

/** `POST /v1/brand-sessions`: a client secret for the components, or a console login link. */
export const BrandSessionCreate = z
  .object({
    /** `client_secret` (default) for embedded components; `login_url` for a one-time link to the hosted console. */
    return: z.enum(['client_secret', 'login_url']).default('client_secret'),
    /** The components the session enables; all three when omitted. */
    components: z
      .array(z.enum(BrandComponents))
      .min(1)
      .refine((c) => new Set(c).size === c.length, 'a component is listed twice')
      .optional(),
    /** Only these offers; every offer of the brand when omitted. */
    offerIds: z
      .array(Id)
      .min(1)
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'an offer is listed twice')
      .optional(),
    staff: StaffUser,
    /** Seconds until the secret (or the login link) expires: 60–3600, default 900. */
    expiresIn: z.number().int().min(60).max(MAX_BRAND_SESSION_SECONDS).default(900),
  })
  .strict();
export type BrandSessionCreate = z.input<typeof BrandSessionCreate>;

export const BrandSession = z.object({
  id: Id,
  kind: z.enum(['client_secret', 'login_link', 'console']),
  components: z.array(z.enum(BrandComponents)),
  /** null: every offer of the brand. */
  offerIds: z.array(Id).nullable(),
  staff: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
  expiresAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type BrandSession = z.infer<typeof BrandSession>;

/** The answer to a create: the secret (or login link) is shown this once. */
export const BrandSessionWithSecret = BrandSession.extend({
  /** For `fetchClientSecret`: `Authorization: Bearer <clientSecret>` on the `/v1` API. */
  clientSecret: z.string().nullable(),
  /** For `return: "login_url"`: opens the hosted console once. */
  loginUrl: z.string().nullable(),
});
export type BrandSessionWithSecret = z.infer<typeof BrandSessionWithSecret>;

/** One entry of the audit trail. */
export const AuditEvent = z.object({
  id: Id,
  /** `brand_session.created`, `console.signed_in`, or the route of a write: `POST /v1/offers/{offerId}/emails/tracking-items/send`. */
  action: z.string(),
  actor: z.object({ type: z.enum(['api_key', 'brand_session']), id: z.string() }),
  /** The staff user of the session, when a session acted. */
  staff: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
  /** The request's path and answer, for a write. */
  path: z.string().nullable(),
  status: z.number().int().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEventListQuery = z.object({
  sessionId: Id.optional().describe('Only what this session (or the sessions it opened) did'),
  staffId: z.string().min(1).max(200).optional().describe('Only what this staff user did'),
});
export type AuditEventListQuery = z.input<typeof AuditEventListQuery>;
