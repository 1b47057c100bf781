import { ErrorBody } from '@affdash/core';
import {
  AffdashError,
  type AffdashErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TokenExpiredError,
  UnprocessableEntityError,
} from './errors.js';

/** The code to report when an error response has no readable `{ error }` body. */
function codeForStatus(status: number): string {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'http_error';
}

/** Seconds from a `Retry-After` header (delta seconds or an HTTP date). */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Turn an error response into the matching `AffdashError` subclass: by status, and for 401
 * by code (`token_expired` → `TokenExpiredError`). `body` is the parsed JSON, if any.
 */
export function errorFromResponse(status: number, body: unknown, headers: Headers): AffdashError {
  const parsed = ErrorBody.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const init: AffdashErrorInit = {
    status,
    code: error?.code ?? codeForStatus(status),
    message: error?.message ?? `The API answered with status ${status}`,
    requestId: error?.requestId ?? headers.get('x-request-id') ?? undefined,
    details: error?.details,
  };
  if (status === 400) return new BadRequestError(init);
  if (status === 401) {
    return init.code === 'token_expired' ? new TokenExpiredError(init) : new AuthenticationError(init);
  }
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 422) return new UnprocessableEntityError(init);
  if (status === 429) return new RateLimitError({ ...init, retryAfterSeconds: retryAfterSeconds(headers) });
  if (status >= 500) return new InternalServerError(init);
  return new AffdashError(init);
}
