import type { Context, MiddlewareHandler, Next } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { Database } from '../../db/index.js';
import type { AppEnv } from '../../http/context.js';
import { ApiError, errorResponse } from '../../http/errors.js';
import { isWrite } from '../../http/methods.js';
import { clientAddress } from './client-address.js';
import type { RateLimitSettings } from './settings.js';
import { DatabaseStore } from './store.js';

export { clientAddress } from './client-address.js';
export { defaultRateLimits, rateLimitEnv, type RateLimitSettings } from './settings.js';
export { DatabaseStore } from './store.js';

/** The app's limits, counted in the database so every process shares them. */
export interface RateLimits {
  /** Counts failed authentications (401) per client address; past the limit they become 429. */
  failedAuth: MiddlewareHandler;
  /** Limits hosted dashboard pages (`/d/…`, where dashboard links are guessed) per client address. */
  hosted: MiddlewareHandler;
  /** Limits writes per API key; the API-key middleware runs it once the key is known. */
  writes: MiddlewareHandler;
}

const passThrough: MiddlewareHandler = async (_c, next) => {
  await next();
};

/**
 * Builds the limits over `db` (hono-rate-limiter with a store on the `rate_limits` table).
 * A 429 is the documented `rate_limited` error with `Retry-After` and `RateLimit-*` headers.
 *
 * @example
 * const limits = createRateLimits(db, { ...defaultRateLimits, failedAuth: 10 });
 * app.use(limits.failedAuth);
 */
export function createRateLimits(db: Database, settings: RateLimitSettings): RateLimits {
  const windowMs = settings.windowSeconds * 1000;
  const byAddress = (c: Context<AppEnv>) => clientAddress(c, settings.trustProxies);
  const limiter = (name: string, limit: number, keyGenerator: (c: Context<AppEnv>) => string, what: string) =>
    limit > 0
      ? rateLimiter<AppEnv>({
          windowMs,
          limit,
          standardHeaders: 'draft-6',
          keyGenerator,
          store: new DatabaseStore(db, `${name}:`),
          handler: (c) =>
            errorResponse(new ApiError('rate_limited', `Too many ${what}; try again after the Retry-After seconds.`), c),
        })
      : undefined;

  const failures = limiter('auth', settings.failedAuth, byAddress, 'failed authentications from your address');
  const hosted = limiter('hosted', settings.hosted, byAddress, 'dashboard page requests from your address');
  const writes = limiter('writes', settings.writes, (c) => c.get('apiKeyId'), 'writes with this API key');

  return {
    failedAuth: failures
      ? async function failedAuthLimit(c: Context<AppEnv>, next: Next) {
          await next();
          if (c.res.status !== 401) return;
          // count this failure: the limiter adds its headers to the 401 (which it may only do
          // to a response not yet final), or answers 429 instead
          c.finalized = false;
          const limited = await failures(c, async () => {});
          c.finalized = true;
          if (limited instanceof Response) c.res = limited;
        }
      : passThrough,
    hosted: hosted ?? passThrough,
    writes: writes
      ? async function writeLimit(c: Context<AppEnv>, next: Next) {
          if (!isWrite(c.req.method)) return next();
          return writes(c, next);
        }
      : passThrough,
  };
}
