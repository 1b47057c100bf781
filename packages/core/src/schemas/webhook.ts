import { z } from 'zod';
import { Id, isStorableText, Text, Timestamp } from './common.js';
import { Conversion } from './conversion.js';
import { Enrollment } from './enrollment.js';
import { Payment } from './payment.js';

/** The events a webhook endpoint can subscribe to. */
export const WebhookEventTypes = [
  'enrollment.created',
  'conversion.created',
  'conversion.status_changed',
  'payment.created',
] as const;
export const WebhookEventType = z.enum(WebhookEventTypes);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** `'*'` for every event, or event names. */
export const WebhookEventFilter = z
  .array(z.union([z.literal('*'), WebhookEventType]))
  .min(1, 'subscribe to at least one event, or "*"')
  .max(WebhookEventTypes.length + 1)
  .overwrite((events) => [...new Set(events)]);

/** Where events are POSTed: an http(s) URL. */
export const WebhookUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2000)
  .refine(isStorableText, 'text must be valid Unicode');

export const WebhookEndpoint = z.object({
  id: Id,
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: Timestamp,
  /** Set when the endpoint is disabled: no events are delivered to it. */
  disabledAt: Timestamp.nullable(),
  /**
   * After a secret rotation: until this time deliveries are signed with the secret before it
   * too (a second `v1` in the `affdash-signature` header). `null` when there is none.
   */
  previousSecretExpiresAt: Timestamp.nullable(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** An endpoint with its signing secret: returned once, on creation and on each rotation. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  /** `whsec_…`: verifies the `affdash-signature` header. Shown only once. */
  secret: z.string(),
});
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookEndpointCreate = z.object({
  url: WebhookUrl,
  events: WebhookEventFilter.default(['*']).describe('The event types to send, or `["*"]` for all (the default); repeats are dropped'),
  description: Text.trim().max(200).nullable().optional(),
});
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreate>;

export const WebhookEndpointUpdate = z
  .object({
    url: WebhookUrl.optional(),
    events: WebhookEventFilter.optional(),
    description: Text.trim().max(200).nullable().optional(),
    /** `true` stops deliveries to the endpoint; `false` resumes them. */
    disabled: z.boolean().optional().describe('`true` stops deliveries to the endpoint; `false` resumes them'),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'nothing to update');
export type WebhookEndpointUpdate = z.input<typeof WebhookEndpointUpdate>;

/** Rotate an endpoint's signing secret. */
export const WebhookSecretRotate = z
  .object({
    /**
     * How long deliveries stay signed with the current secret too, so receivers can move to the
     * new one without a gap: 0–168 hours, default 24. 0 stops the current secret at once.
     */
    expiresInHours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .default(24)
      .describe('How long the current secret keeps signing beside the new one, in hours; 0 stops it at once'),
  })
  .strict();
export type WebhookSecretRotate = z.input<typeof WebhookSecretRotate>;

/** The answer to deleting an endpoint. */
export const WebhookEndpointDeleted = z.object({ id: Id, deleted: z.literal(true) });
export type WebhookEndpointDeleted = z.infer<typeof WebhookEndpointDeleted>;

const eventOf = <T extends WebhookEventType, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: Id, type: z.literal(type), createdAt: Timestamp, data });

/**
 * The body POSTed to an endpoint: `data` is the API's object. An enrollment's event leaves
 * out `dashboardUrl` (its secret is never stored); a status change adds `previousStatus`.
 */
export const WebhookEvent = z.discriminatedUnion('type', [
  eventOf('enrollment.created', Enrollment.omit({ dashboardUrl: true })),
  eventOf('conversion.created', Conversion),
  eventOf('conversion.status_changed', Conversion.extend({ previousStatus: Conversion.shape.status })),
  eventOf('payment.created', Payment),
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookDeliveryStatus = z.enum(['queued', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** One event sent to one endpoint, and what became of it. */
export const WebhookDelivery = z.object({
  id: Id,
  endpointId: Id,
  eventId: Id,
  eventType: WebhookEventType,
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: Timestamp.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
