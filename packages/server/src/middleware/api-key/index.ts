import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { parseJsonOnce } from '../../http/json-body.js';
import { isWrite } from '../../http/methods.js';
import { bearerToken } from '../bearer.js';

/**
 * Authenticates a brand by `Authorization: Bearer <API key>` and sets `brandId` and `apiKeyId`.
 * Keys are looked up by their SHA-256 (each process keeps those it found: `ApiKeys`); revoked
 * keys are refused. Writes then pass the key's rate limit. `brandCredentials()` runs it once
 * for the whole brand API.
 */
export function apiKey() {
  return createMiddleware<AppEnv>(async function apiKeyMiddleware(c, next) {
    const secret = bearerToken(c.req.header('authorization'));
    if (!secret) {
      throw new ApiError('unauthorized', 'Send your API key as "Authorization: Bearer <key>".');
    }
    const key = await c.get('deps').apiKeys.find(secret);
    if (!key) throw new ApiError('unauthorized', 'The API key is unknown or revoked.');
    c.set('brandId', key.brandId);
    c.set('apiKeyId', key.id);
    // a JSON body is read and parsed while the write's rate-limit hit is counted: the route's
    // validator then gets that same parse (its error too, when the body is not JSON)
    if (isWrite(c.req.method) && c.req.header('content-type')?.startsWith('application/json')) {
      void parseJsonOnce(c.req);
    }
    // also when called by the idempotency middleware, which does not look at what it returns
    const limited = await c.get('deps').rateLimits.writes(c, next);
    if (limited instanceof Response) c.res = limited;
  });
}
