import { Id } from '@affdash/core';
import { InvalidInputError, InvalidResponseError } from './errors.js';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * What the SDK needs of a core zod schema. Structural, so the schemas of `@affdash/core`
 * fit whichever copy of zod they were built with.
 */
export interface Schema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

function issuesOf(issues: readonly Issue[]) {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function describe(issues: { path: string; message: string }[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/**
 * Check input against a core schema before it is sent; returns the parsed value (defaults
 * filled, codes upper-cased). Throws `InvalidInputError` with one issue per bad field.
 */
export function valid<T>(schema: Schema<T>, input: unknown, what = 'input'): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error.issues);
  throw new InvalidInputError({
    code: 'validation_failed',
    message: `Invalid ${what}: ${describe(issues)}`,
    details: { issues },
  });
}

/** Parse a response body with a core schema; a mismatch throws `InvalidResponseError`. */
export function parseResponse<T>(schema: Schema<T>, body: unknown, requestId?: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = issuesOf(result.error.issues);
  throw new InvalidResponseError({
    code: 'invalid_response',
    message: `The API's response does not match the expected schema: ${describe(issues)}`,
    requestId,
    details: { issues },
  });
}

/**
 * Build a path from a template, checking every interpolated value is a well-formed id and
 * encoding it: path`v1/offers/${id}`.
 */
export function path(strings: TemplateStringsArray, ...ids: unknown[]): string {
  return strings.reduce((out, part, i) => {
    if (i === 0) return part;
    const id = valid(Id, ids[i - 1], 'id');
    return out + encodeURIComponent(id) + part;
  }, '');
}
