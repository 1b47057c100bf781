import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from './context.js';
import { validationError } from './errors.js';

/** A failed check of a route's input: a 400 `validation_failed` body naming each field. */
const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) throw validationError(result.error, result.target);
};

/**
 * A router of the HTTP API: routes defined with `route()` and registered with `.openapi()`
 * validate their input with their own schemas, and mounting the router with `.route()` adds
 * its definitions to the app's, which the OpenAPI document is built from.
 */
export function router() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
