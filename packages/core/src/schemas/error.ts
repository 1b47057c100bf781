import { z } from 'zod';

/** Every error code the API returns, with the HTTP status it comes with. */
export const ErrorCode = {
  bad_request: 'bad_request',
  validation_failed: 'validation_failed',
  unauthorized: 'unauthorized',
  token_expired: 'token_expired',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  unknown_promo_code: 'unknown_promo_code',
  unknown_click: 'unknown_click',
  enrollment_inactive: 'enrollment_inactive',
  not_enrolled: 'not_enrolled',
  currency_mismatch: 'currency_mismatch',
  total_limit_exceeded: 'total_limit_exceeded',
  payload_too_large: 'payload_too_large',
  unsupported_media_type: 'unsupported_media_type',
  rate_limited: 'rate_limited',
  email_failed: 'email_failed',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ErrorStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unknown_promo_code: 422,
  unknown_click: 422,
  enrollment_inactive: 422,
  not_enrolled: 422,
  currency_mismatch: 422,
  total_limit_exceeded: 422,
  payload_too_large: 413,
  /** A body that is not JSON (`Content-Type` other than `application/json`). */
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The mail server did not take a message sent right away (a test send). */
  email_failed: 502,
  internal: 500,
};

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** The one error body: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.object({ issues: z.array(ErrorIssue).optional() }).catchall(z.unknown()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
