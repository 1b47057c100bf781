import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../http/context.js';
import { allowedOrigins, originAllowed } from '../../embedding/allowed-origins.js';
import { verifyDashboardToken } from '../../keys/dashboard-tokens.js';
import { bearerToken } from '../bearer.js';

export interface EmbeddingCorsOptions {
  /** Methods a browser may use. */
  allowMethods?: string[];
  /** Request headers a browser may send. */
  allowHeaders?: string[];
  /** Response headers a page may read. */
  exposeHeaders?: string[];
  /** Seconds a browser may keep a preflight answer. */
  maxAge?: number;
  /** Open only answers to a brand session (the brand-side components); API-key answers stay closed. */
  sessionsOnly?: boolean;
}

/**
 * CORS for the dashboard API and the routes brand sessions reach, per brand. A preflight carries no token, so it is answered for
 * any origin (`*`). The actual request carries one: when the token's brand lists allowed
 * origins, only an `Origin` among them gets `Access-Control-Allow-Origin: <origin>`; any other
 * origin gets none, so the browser keeps the answer from the page. The rule holds for every
 * answer, errors included: a valid token asking for another enrollment (a 404), or for a path
 * that does not exist, is answered by its brand's rule too. A brand that lists none, and
 * answers without a verified token (401s, so a widget can tell an expired token from a network
 * failure), get `*`. Every answer says `Vary: Origin`.
 *
 * Mount it outside the routes' own handlers: it reads the `dashboard` grant the token
 * middleware sets, after the route has answered, and verifies the token itself when the
 * answer came before a grant was set.
 *
 * @example
 * app.use('/v1/dashboard/*', embeddingCors({ allowHeaders: ['Authorization'] }));
 */
export function embeddingCors(options: EmbeddingCorsOptions = {}) {
  const {
    allowMethods = ['GET', 'OPTIONS'],
    allowHeaders = ['Authorization', 'Content-Type'],
    exposeHeaders = ['X-Request-Id'],
    maxAge = 600,
    sessionsOnly = false,
  } = options;
  return createMiddleware<AppEnv>(async function embeddingCorsMiddleware(c, next) {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': allowMethods.join(', '),
        'Access-Control-Allow-Headers': allowHeaders.join(', '),
        'Access-Control-Max-Age': String(maxAge),
        Vary: 'Origin',
      });
      return new Response(null, { status: 204, headers });
    }
    await next();
    const headers = c.res.headers;
    headers.delete('Access-Control-Allow-Origin');
    if (sessionsOnly && !c.get('session')) return;
    headers.set('Access-Control-Expose-Headers', exposeHeaders.join(', '));
    headers.append('Vary', 'Origin');
    // a dashboard token's brand, or a brand session's (the brand-side components)
    const brandId =
      c.get('dashboard')?.brandId ?? c.get('tokenBrandId') ?? (c.get('session') ? c.get('brandId') : await tokenBrand(c));
    const list = brandId ? await allowedOrigins(c.get('deps').db, brandId) : undefined;
    if (!list || list.any) headers.set('Access-Control-Allow-Origin', '*');
    else if (origin && originAllowed(list, origin)) headers.set('Access-Control-Allow-Origin', origin);
  });
}

/** The brand of the request's dashboard token when it verifies, for an answer made without a grant. */
async function tokenBrand(c: Context<AppEnv>): Promise<string | undefined> {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) return undefined;
  const { keys, dashboardKeys, verifiedTokens, changes } = c.get('deps');
  try {
    return (await verifyDashboardToken(token, keys, dashboardKeys, changes.live ? verifiedTokens : null)).brandId;
  } catch {
    return undefined;
  }
}
