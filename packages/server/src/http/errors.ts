import { ErrorStatus, MAX_TOTAL, type ErrorBody, type ErrorCode, type ErrorIssue } from '@affdash/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { core } from 'zod';
import { PgCode, pgConstraint, pgErrorCode } from '../db/database.js';
import { errorNotice } from '../pages/error-notice.js';
import type { AppEnv } from './context.js';

/** An error a client can act on: it becomes the documented error body with its status. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    // a client's error is answered, never traced: capturing a stack costs more than the answer
    const stackTraceLimit = Error.stackTraceLimit;
    if (ErrorStatus[code] < 500) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'ApiError';
    this.code = code;
    this.status = ErrorStatus[code];
    this.details = details;
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} not found`);

/** The page a page route answers an error with, and its status. */
export interface ErrorPage {
  status: ContentfulStatusCode;
  /** Made only when a page route answers it. */
  render: () => HtmlEscapedString | Promise<HtmlEscapedString>;
}

/**
 * An error with a page of its own (the hosted page's notices: an unknown link, a replaced
 * one, a session signed out): a page route answers it with that page, an API route with the
 * JSON body of its code and message, like any `ApiError`.
 */
export class PageError extends ApiError {
  readonly page: ErrorPage;

  constructor(code: ErrorCode, message: string, page: ErrorPage) {
    super(code, message);
    this.name = 'PageError';
    this.page = page;
  }
}

/** Turns zod issues into `{ path, message }` pairs and one readable sentence. */
export function validationError(error: core.$ZodError, where = 'body'): ApiError {
  const issues: ErrorIssue[] = error.issues.map((i) => ({
    path: i.path.map(String).join('.') || where,
    message: i.message,
  }));
  const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new ApiError('validation_failed', message, { issues });
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/**
 * SQLSTATEs of text PostgreSQL cannot store, such as a NUL character (`\u0000`) in a string
 * or in JSON: the client's mistake, not the server's.
 */
const unstorableText = new Set(['22021', '22P05']);

/**
 * The write would take an enrollment's total past what totals hold exactly (the
 * `*_within_limit` checks of migration 016): refused, nothing written.
 */
export const totalLimitExceeded = () =>
  new ApiError(
    'total_limit_exceeded',
    `This would take a total past ${MAX_TOTAL} minor units, the most a total holds exactly; nothing was recorded.`,
    { limit: MAX_TOTAL },
  );

/** True for a database error of the checks that keep totals within `MAX_TOTAL`. */
export function isTotalLimitError(err: unknown): boolean {
  return pgErrorCode(err) === PgCode.checkViolation && (pgConstraint(err) ?? '').endsWith('_within_limit');
}

/** The JSON error body: every failure leaves an API route as `{ error: { code, message } }`. */
export function errorResponse(err: Error, c: Context): Response {
  const { status, body } = errorBody(err, c);
  return c.json(body, status);
}

/**
 * The app's one error handler (`onError`), the one place an error becomes an answer: on a
 * page route (one whose answers are HTML pages, marked by `route()`) an HTML page, the
 * error's own (`PageError`) or else a notice that the page cannot be shown, with the request
 * id; on every other route the JSON error body.
 */
export function answerError(err: Error, c: Context<AppEnv>): Response | Promise<Response> {
  if (!c.get('page')) return errorResponse(err, c);
  if (err instanceof PageError) return c.html(err.page.render(), err.page.status);
  const { status, body } = errorBody(err, c);
  c.header('Cache-Control', 'no-store');
  return c.html(errorNotice(c, body.error.requestId), status);
}

/** What an error answers: its status and body; one not meant for the client is logged and answers `internal`. */
function errorBody(err: Error, c: Context): { status: ContentfulStatusCode; body: ErrorBody } {
  const requestId = c.get('requestId') as string | undefined;
  let code: ErrorCode = 'internal';
  let status = 500;
  let message = 'Something went wrong on our side. Try again; if it persists, quote the request id.';
  let details: Record<string, unknown> | undefined;
  if (isTotalLimitError(err)) err = totalLimitExceeded();
  if (err instanceof ApiError) {
    ({ code, status, message, details } = err);
  } else if (err instanceof HTTPException && err.status === 415) {
    ({ code, status, message } = new ApiError('unsupported_media_type', 'Send the body as JSON, with "Content-Type: application/json".'));
  } else if (err instanceof HTTPException && err.status < 500) {
    status = err.status;
    code = statusCodes[status] ?? 'bad_request';
    message = err.message || 'Bad request';
  } else if (pgErrorCode(err) === PgCode.deadlock || pgErrorCode(err) === PgCode.serializationFailure) {
    // rolled back whole, retried already: nothing of it was written
    status = 409;
    code = 'conflict';
    message = 'Other requests changed the same records at the same moment, and nothing was written. Send it again.';
  } else if (unstorableText.has(pgErrorCode(err) ?? '')) {
    status = 400;
    code = 'bad_request';
    message = 'Text must not contain NUL (\\u0000) characters.';
  } else {
    console.error(`[${requestId ?? '-'}]`, err);
  }
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}), requestId } };
  return { status: status as ContentfulStatusCode, body };
}
