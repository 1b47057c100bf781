import type { HonoRequest } from 'hono';

/**
 * Parses a request's JSON body now, once: every later `req.json()` (the route's validator's)
 * gets this same parse, or its error. Hono keeps a body's text, not its parse, so each call
 * of `req.json()` would otherwise parse the whole text again.
 */
export function parseJsonOnce(req: HonoRequest): Promise<unknown> {
  const parsed: Promise<unknown> = req.json();
  // a body that is not JSON is for the validator to answer, when it asks
  parsed.catch(() => {});
  req.json = (() => parsed) as HonoRequest['json'];
  return parsed;
}
