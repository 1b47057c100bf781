import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { validationError } from './errors.js';

/**
 * Validates a request part with a core schema; a failure becomes a 400 `validation_failed`
 * body naming each field. Malformed JSON is a 400 `bad_request`.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error, target);
  });
}
