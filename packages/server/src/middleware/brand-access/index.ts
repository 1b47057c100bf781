import type { BrandComponent } from '@affdash/core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { recordAudit, recordRead } from '../../brand-sessions/audit.js';
import { findLiveSession, SESSION_SECRET_PREFIX, toClaims, type SessionClaims } from '../../brand-sessions/sessions.js';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { apiKey } from '../api-key/index.js';
import { bearerToken } from '../bearer.js';

export interface BrandAccessOptions {
  /** A brand session may call the route when it enables one of these components. */
  components: readonly BrandComponent[];
  /** The path parameter naming the offer, checked against the session's offers. */
  offerParam?: string;
  /**
   * Which routes (by their template, e.g. `/v1/offers/{offerId}/emails/tracking-items/preview`)
   * only read though they are not GETs: audited as reads. GET and HEAD always are.
   */
  reads?: (route: string) => boolean;
}

/** Whether the request's session (if any) may reach `offerId`. API keys reach every offer. */
export function offerInScope(session: AppEnv['Variables']['session'], offerId: string): boolean {
  return !session?.offerIds || session.offerIds.includes(offerId);
}

/** Looks up a brand session's client secret and sets `brandId` and `session`, or refuses it. */
async function authenticateSession(c: Context<AppEnv>, secret: string): Promise<SessionClaims> {
  const found = await findLiveSession(c.get('deps').db, secret, 'client_secret');
  if (!('row' in found)) {
    throw found.expired
      ? new ApiError('token_expired', 'The brand session expired; ask for a new client secret.')
      : new ApiError('unauthorized', 'The brand session is unknown or revoked.');
  }
  const session = toClaims(found.row);
  c.set('brandId', found.row.brand_id);
  c.set('session', session);
  return session;
}

/**
 * The brand API's one authentication (`app.use('/v1/*', …)`): an API key, or a brand
 * session's client secret, sets `brandId` (and `session` for a session); anything else is a
 * 401. It checks nothing of what the caller may reach: each route's own check does
 * (`keyOnly()` refuses a session, `sessionScope()` checks its components and offers), from
 * the route's definition. The dashboard API (`/v1/dashboard/…`) takes dashboard tokens instead.
 */
export function brandCredentials() {
  const keyCheck = apiKey();
  return createMiddleware<AppEnv>(async function brandCredentialsMiddleware(c, next) {
    if (c.get('brandId') || c.req.path.startsWith('/v1/dashboard/') || c.req.method === 'OPTIONS') return next();
    const secret = bearerToken(c.req.header('authorization'));
    if (!secret?.startsWith(SESSION_SECRET_PREFIX)) return keyCheck(c, next);
    await authenticateSession(c, secret);
    await next();
  });
}

const sessionRefused = () =>
  new ApiError('forbidden', "This route takes the brand's API key; a brand session cannot call it.");

/** The check of a route only the brand's backend may call: a brand session is refused (403). */
export function keyOnly() {
  return createMiddleware<AppEnv>(async function keyOnlyMiddleware(c, next) {
    if (c.get('session')) throw sessionRefused();
    await next();
  });
}

/**
 * The check of a route a brand session may call too: the session must enable one of
 * `components` and, with `offerParam`, reach that offer (API keys reach everything).
 * Everything a session does is recorded in the audit trail with its staff user, after the
 * answer is known: each write every time, each read once per sign-in, path and answer status
 * (`recordRead`).
 */
export function sessionScope(options: BrandAccessOptions) {
  return createMiddleware<AppEnv>(async function sessionScopeMiddleware(c, next) {
    const session = c.get('session');
    if (!session) return next();
    if (!options.components.some((name) => session.components.includes(name))) {
      throw new ApiError(
        'forbidden',
        `This brand session does not enable ${options.components.join(' or ')}; create one that does.`,
      );
    }
    if (options.offerParam) {
      const offerId = c.req.param(options.offerParam);
      // out of scope reads as absent: a session learns nothing of other offers
      if (offerId && !offerInScope(session, offerId)) throw new ApiError('not_found', 'offer not found');
    }
    await next();
    const route = routePath(c, -1).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const { method, path } = c.req;
    const { db } = c.get('deps');
    const entry = { action: `${method} ${route}`, method, path, status: c.res.status, requestId: c.get('requestId') };
    if (method === 'GET' || method === 'HEAD' || options.reads?.(route)) {
      await recordRead(db, c.get('brandId'), { ...entry, session });
    } else {
      await recordAudit(db, c.get('brandId'), { ...entry, actor: { type: 'brand_session', session } });
    }
  });
}
