import type { ErrorIssue } from '@affdash/core';

/** Extra facts about an error; `issues` names each invalid field. */
export interface ErrorDetails {
  issues?: ErrorIssue[];
  [key: string]: unknown;
}

export interface AffdashErrorInit {
  status?: number | undefined;
  code: string;
  message: string;
  requestId?: string | undefined;
  details?: ErrorDetails | undefined;
  cause?: unknown;
}

/**
 * Every error the SDK throws. API errors carry the HTTP `status`, the API's error `code`
 * (`not_found`, `validation_failed`, …), the `requestId` to quote to support, and `details`.
 * Errors raised before or without a response (bad input, network) have no `status`.
 *
 * @example
 * try {
 *   await affdash.offers.retrieve('off_123');
 * } catch (error) {
 *   if (isNotFoundError(error)) console.log('no such offer', error.requestId);
 *   else throw error;
 * }
 */
export class AffdashError extends Error {
  readonly status: number | undefined;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(init: AffdashErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

/** 400: malformed or invalid request (`bad_request`, `validation_failed`). */
export class BadRequestError extends AffdashError {}
/** 401: missing or unknown API key; bad or forged dashboard token. */
export class AuthenticationError extends AffdashError {}
/** 401 `token_expired`: the dashboard token has expired; get a new one. */
export class TokenExpiredError extends AuthenticationError {}
/** 403: the credentials may not do this. */
export class PermissionDeniedError extends AffdashError {}
/** 404: no such object for this brand (or for this dashboard token). */
export class NotFoundError extends AffdashError {}
/** 409: a unique value is taken (promo code, external id, enrollment). */
export class ConflictError extends AffdashError {}
/** 422: `unknown_promo_code`, `enrollment_inactive`, `currency_mismatch`, `total_limit_exceeded`, … */
export class UnprocessableEntityError extends AffdashError {}

/** 429: too many requests. `retryAfterSeconds` comes from the `Retry-After` header. */
export class RateLimitError extends AffdashError {
  readonly retryAfterSeconds: number | undefined;
  constructor(init: AffdashErrorInit & { retryAfterSeconds?: number | undefined }) {
    super(init);
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** 5xx: the server failed. Safe requests have already been retried. */
export class InternalServerError extends AffdashError {}

/** No response: the network failed (`code` `connection_failed`) or timed out (`timeout`). */
export class ConnectionError extends AffdashError {}

/** Raised locally, before sending: the input does not match the API's schema. */
export class InvalidInputError extends AffdashError {}

/** A response did not match the API's schema (a server/SDK version mismatch). */
export class InvalidResponseError extends AffdashError {}

/**
 * A webhook request that does not verify: `code` is `missing_signature`,
 * `malformed_signature`, `timestamp_out_of_tolerance`, `signature_mismatch` or (for
 * `constructWebhookEvent`) `invalid_payload`. Answer such a request with a 400 and drop it.
 */
export class WebhookSignatureError extends AffdashError {}

type ErrorClass<E extends AffdashError> = abstract new (...args: never[]) => E;
const guard =
  <E extends AffdashError>(cls: ErrorClass<E>) =>
  (error: unknown): error is E =>
    error instanceof cls;

export const isAffdashError = guard(AffdashError);
export const isBadRequestError = guard(BadRequestError);
export const isAuthenticationError = guard(AuthenticationError);
export const isTokenExpiredError = guard(TokenExpiredError);
export const isPermissionDeniedError = guard(PermissionDeniedError);
export const isNotFoundError = guard(NotFoundError);
export const isConflictError = guard(ConflictError);
export const isUnprocessableEntityError = guard(UnprocessableEntityError);
export const isRateLimitError = guard(RateLimitError);
export const isInternalServerError = guard(InternalServerError);
export const isConnectionError = guard(ConnectionError);
export const isInvalidInputError = guard(InvalidInputError);
export const isInvalidResponseError = guard(InvalidResponseError);
export const isWebhookSignatureError = guard(WebhookSignatureError);
