import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { DashboardTokenError, verifyDashboardToken } from '../../keys/dashboard-tokens.js';
import { bearerToken } from '../bearer.js';

/** A token the keys refused, as the error body of its code (`unauthorized`, `token_expired`). */
function refused(error: unknown): never {
  throw error instanceof DashboardTokenError ? new ApiError(error.code, error.message) : error;
}

/**
 * Authenticates a member's dashboard by `Authorization: Bearer <dashboard token>` and sets
 * `dashboard` to the one enrollment the token grants. A route's `:enrollmentId` must be that
 * enrollment, else 404: a token cannot even learn whether another enrollment exists.
 *
 * @example
 * app.use('/v1/dashboard/enrollments/:enrollmentId/*', dashboardToken());
 */
export function dashboardToken() {
  return createMiddleware<AppEnv>(async function dashboardTokenMiddleware(c, next) {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) {
      throw new ApiError('unauthorized', 'Send the dashboard token as "Authorization: Bearer <token>".');
    }
    const { keys, dashboardKeys, verifiedTokens, changes } = c.get('deps');
    const cache = changes.live ? verifiedTokens : null;
    const grant = await verifyDashboardToken(token, keys, dashboardKeys, cache).catch(refused);
    const requested = c.req.param('enrollmentId');
    // the answer's CORS is the token's brand's, also for the 404 (no second verification)
    c.set('tokenBrandId', grant.brandId);
    if (requested !== undefined && requested !== grant.enrollmentId) {
      throw new ApiError('not_found', 'enrollment not found');
    }
    c.set('dashboard', grant);
    await next();
  });
}
