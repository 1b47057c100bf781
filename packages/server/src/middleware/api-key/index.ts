import pg from '@databases/pg';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { hashSecret } from '../../keys/random.js';
import { SESSION_SECRET_PREFIX } from '../../brand-sessions/sessions.js';
import { bearerToken } from '../bearer.js';

const { sql } = pg;

const sessionRefused = () =>
  new ApiError('forbidden', "This route takes the brand's API key; a brand session cannot call it.");

/**
 * Authenticates a brand by `Authorization: Bearer <API key>` and sets `brandId` and `apiKeyId`.
 * Keys are looked up by their SHA-256; revoked keys are refused, and so is a brand session's
 * client secret (403): such a route is for the brand's backend only. A request already
 * authenticated (by an enclosing app, or by the idempotency middleware) is not looked up again.
 * Writes then pass the key's rate limit.
 *
 * @example
 * app.use('/v1/offers/*', apiKey());
 */
export function apiKey() {
  return createMiddleware<AppEnv>(async function apiKeyMiddleware(c, next) {
    if (c.get('brandId')) {
      if (c.get('session')) throw sessionRefused();
      return next();
    }
    const secret = bearerToken(c.req.header('authorization'));
    if (!secret) {
      throw new ApiError('unauthorized', 'Send your API key as "Authorization: Bearer <key>".');
    }
    if (secret.startsWith(SESSION_SECRET_PREFIX)) throw sessionRefused();
    const { db } = c.get('deps');
    const [row] = await db.query<{ brand_id: string; id: string }>(sql`
      SELECT brand_id, id FROM api_keys WHERE secret_hash = ${hashSecret(secret)} AND revoked_at IS NULL`);
    if (!row) throw new ApiError('unauthorized', 'The API key is unknown or revoked.');
    c.set('brandId', row.brand_id);
    c.set('apiKeyId', row.id);
    // also when called by the idempotency middleware, which does not look at what it returns
    const limited = await c.get('deps').rateLimits.writes(c, next);
    if (limited instanceof Response) c.res = limited;
  });
}
