import {
  AuditEvent,
  AuditEventListQuery,
  BrandSession,
  BrandSessionCreate,
  BrandSessionWithSecret,
  Page,
  PageQuery,
} from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type { AuditEvent, BrandSession, BrandSessionCreate, BrandSessionWithSecret };
export type BrandSessionListParams = ListParams;
export interface AuditEventListParams extends ListParams {
  sessionId?: string;
  staffId?: string;
}

const SessionPage = Page(BrandSession);
const AuditPage = Page(AuditEvent);
const AuditQuery = PageQuery.extend(AuditEventListQuery.shape);

/**
 * Brand sessions: short-lived client secrets for the brand-side components
 * (`@affdash/widget/brand`), scoped to components and offers and naming the staff user, or a
 * one-time login link to the hosted console. Mint them on your server for a signed-in user.
 *
 * @example
 * // your backend, behind your own admin login:
 * app.post('/affdash/client-secret', async (req, res) => {
 *   const { clientSecret } = await affdash.brandSessions.create({
 *     components: ['members', 'send'],
 *     staff: { id: req.user.id, name: req.user.name, email: req.user.email },
 *   });
 *   res.json({ clientSecret });
 * });
 * // or a link to the hosted console:
 * const { loginUrl } = await affdash.brandSessions.create({ return: 'login_url', staff });
 */
export class BrandSessions extends APIResource {
  /** The answer carries `clientSecret` (or `loginUrl`), shown this once. */
  async create(params: BrandSessionCreate, options?: RequestOptions): Promise<BrandSessionWithSecret> {
    const body = valid(BrandSessionCreate, params, 'brand session');
    return this._post('v1/brand-sessions', body, BrandSessionWithSecret, options);
  }

  list(params: BrandSessionListParams = {}, options?: RequestOptions): PagePromise<BrandSession> {
    return this._list(SessionPage, () => ({ path: 'v1/brand-sessions', query: valid(PageQuery, params, 'list parameters') }), options);
  }

  /** Ends a session at once, and every session opened from it (a console sign-in's secrets). */
  async revoke(id: string, options?: RequestOptions): Promise<BrandSession> {
    return this._delete(path`v1/brand-sessions/${id}`, BrandSession, options);
  }
}

/** The audit trail: each write a brand session made, with its staff user, and the sessions' own lifecycle. */
export class AuditEvents extends APIResource {
  list(params: AuditEventListParams = {}, options?: RequestOptions): PagePromise<AuditEvent> {
    return this._list(AuditPage, () => ({ path: 'v1/audit-events', query: valid(AuditQuery, params, 'list parameters') }), options);
  }
}
